package io.promshift.maven;

import io.promshift.PromshiftSettings;
import io.promshift.config.ProjectConfig;
import io.promshift.config.ProjectConfigReader;
import io.promshift.io.FileSet;
import io.promshift.report.FileOutcome;
import io.promshift.report.LogLine;
import io.promshift.report.Message;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every promshift goal does, in one final {@link #execute()} (after Spotless's {@code AbstractSpotlessMojo}):
 * skip when told to, build the file set from the parameters, then hand it to the goal's {@link #process}, which
 * calls the library's {@link io.promshift.Promshift} facade — the same calls the CLI makes — and logs what the
 * {@code report} package renders.
 *
 * <p>Mojo instances are per execution and the library objects they build are immutable and thread-safe, so
 * the goals run in parallel reactor builds ({@code mvn -T}).
 */
public abstract class AbstractPromshiftMojo extends AbstractMojo {
  static final String DEFAULT_DIRECTORY = "src/main/grafana";
  static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml");
  /** What migrates the files in a Maven build: the command the hints name. */
  static final String APPLY_COMMAND = "mvn promshift:apply";
  /** What fixes the files in a Maven build. */
  static final String FIX_COMMAND = "mvn promshift:fix";

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File baseDir;

  /**
   * Directories searched for provisioning files (recursively), or single files. Default: the project's
   * {@code src/main/grafana}; a project that keeps Grafana's layout sets
   * {@code <directories><directory>provisioning</directory></directories>}. Relative paths are resolved against
   * the project's base directory.
   */
  @Parameter(property = "promshift.directories")
  private List<File> directories;

  /**
   * Globs a file's path relative to its directory must match one of. Default {@code **}{@code /*.yaml} and
   * {@code **}{@code /*.yml}; only {@code .yaml} and {@code .yml} files are ever considered, as Grafana reads
   * only those.
   */
  @Parameter(property = "promshift.includes")
  private List<String> includes;

  /** Globs excluding files, matched like {@link #includes}. */
  @Parameter(property = "promshift.excludes")
  private List<String> excludes;

  /**
   * Skips every promshift goal; each goal also has its own skip ({@code promshift.validate.skip},
   * {@code promshift.check.skip}, {@code promshift.apply.skip}, {@code promshift.fix.skip}).
   */
  @Parameter(property = "promshift.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Whether a file that cannot be read (a YAML syntax error, a duplicate key, a template, invalid UTF-8, ...)
   * fails the build. With {@code false} it is reported as a warning, with its position, and the build goes on.
   */
  @Parameter(property = "promshift.failOnError", defaultValue = "true")
  private boolean failOnError;

  /**
   * {@code auto} (default): data sources are also looked for where they are embedded in other YAML files (grafana and
   * kube-prometheus-stack Helm values, grafana-operator resources, Ansible variables); {@code off}: plain
   * provisioning files only. As the CLI's {@code --embedded}.
   */
  @Parameter(property = "promshift.embedded")
  private String embedded;

  /**
   * Further units of data sources, each {@code PATH=KIND}: the YAML path from a document's root, and {@code items}
   * (a list of data sources), {@code document} (a provisioning document) or {@code item} (one data source); {@code *}
   * matches any key and {@code [*]} any index, e.g. {@code spec.values.myStuff.datasources=items}. As the CLI's
   * {@code --unit}; not with {@code embedded=off}.
   */
  @Parameter(property = "promshift.units")
  private List<String> units;

  /**
   * A configuration file in {@code .promshift.yaml}'s format to read instead of the {@code .promshift.yaml} found
   * upward from the project's base directory (up to the folder holding {@code .git}). The parameters below override
   * what it states.
   */
  @Parameter(property = "promshift.configFile")
  private File configFile;

  /**
   * Rule levels over the configuration file's: rule id to {@code off}, {@code error}, {@code warning} or
   * {@code info}, e.g. {@code <rules><literal-aws-key>error</literal-aws-key><yaml11-bool>off</yaml11-bool></rules>}.
   * As the CLI's {@code --severity RULE=LEVEL}.
   */
  @Parameter
  private Map<String, String> rules;

  /**
   * A grafana.ini whose {@code [aws]}, {@code [azure]} and {@code [auth] azure_auth_enabled} settings the
   * validation judges with (allowed auth providers, assume role, Azure auth, forward_settings_to_plugins). As the
   * CLI's {@code --grafana-ini}.
   */
  @Parameter(property = "promshift.grafanaIni")
  private File grafanaIni;

  /** The project's configuration, read once per execution (null: not read yet). */
  private Optional<ProjectConfig> projectConfig;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipGoal()) {
      // one line, naming the property that skipped it: the one to unset when a skip was not meant
      getLog().info("Skipping promshift:" + goal() + " (" + (skip ? "promshift.skip" : skipProperty()) + ")");
      return;
    }
    try {
      process(fileSet());
    } catch (IllegalArgumentException e) { // a PromshiftUsageException, an invalid glob
      throw new MojoExecutionException("promshift:" + goal() + ": " + e.getMessage(), e);
    }
  }

  /** The goal's name, for messages. */
  abstract String goal();

  /** Whether the goal's own skip ({@link #skipProperty()}) is set. */
  abstract boolean skipGoal();

  /** The property of the goal's own skip: {@code promshift.<goal>.skip}. */
  final String skipProperty() {
    return "promshift." + goal() + ".skip";
  }

  /** The goal's work over the configured files. */
  abstract void process(FileSet files) throws MojoExecutionException, MojoFailureException;

  /** Whether a run found nothing to work on; says so. */
  boolean nothingToProcess(List<FileOutcome> files, List<FileOutcome> problems) {
    if (files.isEmpty() && problems.isEmpty()) {
      getLog().info("promshift:" + goal() + ": no provisioning files to process");
      return true;
    }
    return false;
  }

  private FileSet fileSet() throws MojoExecutionException, MojoFailureException {
    boolean configured = directories != null && !directories.isEmpty();
    List<Path> missing = new ArrayList<>();
    List<Path> roots = new ArrayList<>();
    for (File directory : configured ? directories : List.of(new File(baseDir, DEFAULT_DIRECTORY))) {
      Path root = (directory.isAbsolute() ? directory : new File(baseDir, directory.getPath())).toPath().normalize();
      if (Files.exists(root)) {
        roots.add(root);
      } else if (configured) {
        missing.add(root);
      } else {
        // a module without Grafana files: nothing to do, as a module without tests has none to run
        getLog().debug("promshift:" + goal() + ": " + root + " does not exist");
      }
    }
    if (!missing.isEmpty()) {
      // a misspelt directory must not turn the gate off: configured, it is expected to exist, whatever failOnError
      // (which is about files that cannot be read); a module that has none skips the goal instead
      throw new MojoFailureException("promshift:" + goal() + ": " + (missing.size() == 1 ? "the configured directory "
          : "the configured directories ") + String.join(", ", missing.stream().map(p -> Message.printable(
          p.toAbsolutePath().toString())).toList()) + (missing.size() == 1 ? " does not exist" : " do not exist")
          + " (fix directories, or skip the goal in this module with " + skipProperty() + ")");
    }
    Optional<ProjectConfig> config = projectConfig();
    List<String> include = includes != null && !includes.isEmpty() ? includes
        : config.flatMap(ProjectConfig::includes).orElse(DEFAULT_INCLUDES);
    List<String> exclude = excludes != null ? excludes : config.flatMap(ProjectConfig::excludes).orElse(List.of());
    return new FileSet(roots, include, exclude);
  }

  /**
   * Settings with where to look for data sources ({@code embedded}, {@code units}), for the goal to complete; a
   * configuration error for a word or a declaration that does not read.
   */
  PromshiftSettings.Builder settings() throws MojoExecutionException {
    // a hint in a Maven log names the goal that does it, not the CLI
    PromshiftSettings.Builder settings = PromshiftSettings.builder().migrateCommand(APPLY_COMMAND)
        .fixCommand(FIX_COMMAND).envFileOption("envFile");
    configure(settings); // the configuration file first: the parameters override it
    String mode = embedded == null ? "auto" : embedded.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (embedded != null) {
        settings.embedded(mode);
      }
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("promshift:" + goal() + ": unknown embedded '" + embedded
          + "'; use auto or off");
    }
    List<String> declared = units == null ? List.of()
        : units.stream().filter(unit -> unit != null && !unit.isBlank()).toList();
    if (!declared.isEmpty() && mode.equals("off")) {
      throw new MojoExecutionException("promshift:" + goal() + ": units need embedded=auto (off reads plain"
          + " provisioning files only)");
    }
    for (String unit : declared) {
      try {
        settings.units(List.of(unit));
      } catch (IllegalArgumentException e) {
        String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        throw new MojoExecutionException("promshift:" + goal() + ": unit '" + unit + "': " + why);
      }
    }
    return declared.isEmpty() ? settings : settings.units(declared);
  }

  /**
   * {@code configFile}'s configuration or the {@code .promshift.yaml} found upward from the base directory; a
   * configuration error at file:line:col for one that does not read.
   */
  Optional<ProjectConfig> projectConfig() throws MojoExecutionException {
    if (projectConfig == null) {
      try {
        projectConfig = configFile != null
            ? Optional.of(ProjectConfigReader.read(absolute(configFile)))
            : ProjectConfigReader.find(baseDir.toPath()).map(ProjectConfigReader::read);
      } catch (RuntimeException e) {
        throw new MojoExecutionException("promshift:" + goal() + ": "
            + ProjectConfigReader.problem(e).orElseThrow(() -> e), e);
      }
      projectConfig.ifPresent(config -> {
        getLog().debug("promshift:" + goal() + ": configuration " + config.file());
        config.notes().forEach(note -> getLog().warn("promshift:" + goal() + ": " + note));
      });
    }
    return projectConfig;
  }

  /** The configuration file's settings, then the {@code rules} and {@code grafanaIni} parameters over them. */
  private void configure(PromshiftSettings.Builder settings) throws MojoExecutionException {
    projectConfig().ifPresent(settings::config);
    if (rules != null) {
      try {
        settings.rules(rules);
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("promshift:" + goal() + ": rules: " + e.getMessage(), e);
      }
    }
    if (grafanaIni != null) {
      try {
        settings.grafanaIni(absolute(grafanaIni)).forEach(note -> getLog().warn("promshift:" + goal() + ": " + note));
      } catch (RuntimeException e) {
        throw new MojoExecutionException("promshift:" + goal() + ": grafanaIni: "
            + ProjectConfigReader.problem(e).orElseThrow(() -> e), e);
      }
    }
  }

  private Path absolute(File file) {
    return (file.isAbsolute() ? file : new File(baseDir, file.getPath())).toPath().normalize();
  }

  boolean failOnError() {
    return failOnError;
  }

  /** Logs each line at its level. */
  void log(List<LogLine> lines) {
    Log log = getLog();
    for (LogLine line : lines) {
      switch (line.level()) {
        case ERROR -> log.error(line.text());
        case WARN -> log.warn(line.text());
        case INFO -> log.info(line.text());
        default -> log.debug(line.text());
      }
    }
  }

  /** A configured file, absolute: a relative one lies in the project's base directory, as Maven resolves them. */
  Path resolve(File file) {
    return (file.isAbsolute() ? file : new File(baseDir, file.getPath())).toPath().toAbsolutePath().normalize();
  }

  /**
   * A file's name in diffs and reports: relative to the project's base directory with {@code /} separators
   * when it lies under it (as git and code-scanning tools name files), else absolute.
   */
  String relativeName(Path file) {
    Path base = baseDir.toPath().toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(base)) {
      return absolute.toString();
    }
    return base.relativize(absolute).toString().replace(File.separatorChar, '/');
  }

  /**
   * A file's name in log lines: absolute, so that IDEs and terminals link it from any module of a reactor, and
   * printable (a name with a line break must not forge a log line).
   */
  static String logName(Path file) {
    return Message.printable(file.toAbsolutePath().normalize().toString());
  }

  /** A file's name relative to the project, printable, for log lines and failure messages. */
  String shownName(Path file) {
    return Message.printable(relativeName(file));
  }

  static String logName(String file) {
    try {
      return logName(Path.of(file));
    } catch (InvalidPathException e) {
      return Message.printable(file); // a name this locale cannot turn back into a path: as it was read
    }
  }
}
