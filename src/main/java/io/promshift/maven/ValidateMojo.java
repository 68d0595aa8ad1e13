package io.promshift.maven;

import io.promshift.Promshift;
import io.promshift.io.AtomicWriter;
import io.promshift.io.EnvFile;
import io.promshift.io.FileSet;
import io.promshift.model.ProvisioningFile;
import io.promshift.report.FindingsReport;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import io.promshift.rules.ValidationOptions;
import io.promshift.rules.Validator;
import io.promshift.text.SourceException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the provisioning files as Grafana reads them (the JSON Schema, then Grafana's own rules) and prints
 * each finding in compiler style, {@code path:line:col: severity [rule] message}, through the Maven log. Fails the
 * build when a finding reaches {@code failOn}. Files in one directory are validated together, as Grafana reads a
 * directory: the rules across files (one default per organization, unique uids and names) apply within it.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractPromshiftMojo {
  /** The most findings the failure message repeats (all of them are in the log and the reports). */
  private static final int MAX_IN_MESSAGE = 20;

  /** The least severe finding that fails the build: {@code error} (default), {@code warning} or {@code info}. */
  @Parameter(property = "promshift.failOn", defaultValue = "error")
  private String failOn;

  /**
   * A {@code NAME=value} environment file (systemd {@code EnvironmentFile}, Docker {@code --env-file}): placeholders
   * such as {@code $VAR} and {@code ${VAR}} are expanded from it as Grafana expands them, and the expanded values
   * are validated. Without it placeholders are accepted and the values they decide reported as unchecked.
   */
  @Parameter(property = "promshift.envFile")
  private File envFile;

  /** With {@code envFile}: the directory {@code $__file{path}} placeholders are read under. */
  @Parameter(property = "promshift.fileRoot")
  private File fileRoot;

  /** Report files to write: any of {@code text}, {@code json}, {@code sarif} (SARIF 2.1.0). */
  @Parameter(property = "promshift.reports")
  private List<String> reports;

  /** Where the reports go: {@code findings.txt}, {@code findings.json}, {@code findings.sarif}. */
  @Parameter(property = "promshift.reportsDirectory", defaultValue = "${project.build.directory}/promshift")
  private File reportsDirectory;

  @Override
  String goal() {
    return "validate";
  }

  @Override
  void process(List<FileSet.Found> files) throws MojoExecutionException, MojoFailureException {
    Severity threshold = threshold();
    List<FindingsReport.Format> formats = formats();
    Validator validator = Validator.create(validationOptions());
    Promshift promshift = Promshift.create();

    // Grafana reads one directory's files together, in lexical order: validate each directory's files together
    List<ProvisioningFile> readable = new ArrayList<>();
    List<Diagnostic> unreadable = new ArrayList<>();
    int checked = 0;
    for (FileSet.Found found : files) {
      Path path = found.file();
      ProvisioningFile file;
      try {
        file = promshift.read(path);
      } catch (SourceException e) {
        checked++;
        unreadable.add(unreadable(Validator.of(e)));
        continue;
      }
      if (!file.isDataSourceProvisioning()) {
        getLog().debug(logName(path) + ": not a data source provisioning file; skipped");
        continue;
      }
      checked++;
      readable.add(file);
    }
    List<Diagnostic> findings = new ArrayList<>(unreadable);
    findings.addAll(validator.validateByDirectory(readable));
    findings.sort((a, b) -> a.file().equals(b.file()) ? Diagnostic.BY_POSITION.compare(a, b) : a.file().compareTo(b.file()));

    int[] counts = new int[Severity.values().length];
    List<String> failing = new ArrayList<>();
    for (Diagnostic finding : findings) {
      counts[finding.severity().ordinal()]++;
      log(finding);
      if (finding.severity().reaches(threshold)) {
        failing.add(line(finding));
      }
    }
    getLog().info("promshift:validate: " + counts[Severity.ERROR.ordinal()] + " errors, "
        + counts[Severity.WARNING.ordinal()] + " warnings, " + counts[Severity.INFO.ordinal()] + " infos in "
        + AbstractMigrationMojo.plural(checked, "file"));
    writeReports(formats, findings, checked);

    if (!failing.isEmpty()) {
      StringBuilder message = new StringBuilder()
          .append(AbstractMigrationMojo.plural(failing.size(), "finding")).append(" at or above ")
          .append(threshold.label()).append(" (failOn):");
      for (String line : failing.subList(0, Math.min(failing.size(), MAX_IN_MESSAGE))) {
        message.append('\n').append(line);
      }
      if (failing.size() > MAX_IN_MESSAGE) {
        message.append("\n... and ").append(failing.size() - MAX_IN_MESSAGE).append(" more above");
      }
      throw new MojoFailureException(message.toString());
    }
  }

  /** A file that cannot be read fails the build as an error, or with failOnError=false is a warning. */
  private Diagnostic unreadable(Diagnostic finding) {
    if (failOnError() || finding.severity() != Severity.ERROR) {
      return finding;
    }
    return new Diagnostic(finding.file(), finding.position(), Severity.WARNING, finding.code(), finding.pointer(),
        finding.message() + " (failOnError=false)", finding.fix());
  }

  private void log(Diagnostic finding) {
    String line = line(finding);
    String fix = "  fix: " + oneLine(finding.fix());
    switch (finding.severity()) {
      case ERROR:
        getLog().error(line);
        getLog().error(fix);
        break;
      case WARNING:
        getLog().warn(line);
        getLog().warn(fix);
        break;
      default:
        getLog().info(line);
        getLog().info(fix);
        break;
    }
  }

  /** {@code /abs/path.yaml:12:20: error [rule] message}: one line, as compilers print it. */
  private static String line(Diagnostic finding) {
    return logName(Path.of(finding.file())) + ":" + finding.line() + ":" + finding.column() + ": "
        + finding.severity().label() + " [" + finding.rule() + "] " + oneLine(finding.message());
  }

  /** Reports name files relative to the project, as code-scanning tools and diffs do. */
  private void writeReports(List<FindingsReport.Format> formats, List<Diagnostic> findings, int checked)
      throws MojoExecutionException {
    if (formats.isEmpty()) {
      return;
    }
    List<Diagnostic> relative = new ArrayList<>(findings.size());
    for (Diagnostic f : findings) {
      relative.add(new Diagnostic(relativeName(Path.of(f.file())), f.position(), f.severity(), f.code(), f.pointer(),
          f.message(), f.fix()));
    }
    AtomicWriter writer = new AtomicWriter();
    for (FindingsReport.Format format : formats) {
      Path target = reportsDirectory.toPath().resolve("findings." + extension(format));
      StringBuilder out = new StringBuilder();
      try {
        FindingsReport.of(format).write(relative, checked, out);
        writer.write(target, out.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new MojoExecutionException("promshift:validate: cannot write " + target + ": " + e.getMessage(), e);
      }
      getLog().info("promshift:validate: " + format.name().toLowerCase(Locale.ROOT) + " report " + target);
    }
  }

  private static String extension(FindingsReport.Format format) {
    switch (format) {
      case JSON:
        return "json";
      case SARIF:
        return "sarif";
      default:
        return "txt";
    }
  }

  private Severity threshold() throws MojoExecutionException {
    try {
      return Severity.parse(failOn == null ? "error" : failOn);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("promshift:validate: unknown failOn '" + failOn + "'; use error, warning or info");
    }
  }

  private List<FindingsReport.Format> formats() throws MojoExecutionException {
    List<FindingsReport.Format> formats = new ArrayList<>();
    for (String report : reports == null ? List.<String>of() : reports) {
      if (report == null || report.isBlank()) {
        continue;
      }
      try {
        FindingsReport.Format format = FindingsReport.Format.parse(report);
        if (!formats.contains(format)) {
          formats.add(format);
        }
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("promshift:validate: unknown report '" + report + "'; use text, json or sarif");
      }
    }
    return formats;
  }

  private ValidationOptions validationOptions() throws MojoExecutionException {
    ValidationOptions.Builder options = ValidationOptions.builder();
    if (envFile != null) {
      try {
        options.environment(EnvFile.read(envFile.toPath()));
      } catch (IOException | IllegalArgumentException e) {
        throw new MojoExecutionException("promshift:validate: cannot read envFile " + envFile + ": " + e.getMessage());
      }
      if (fileRoot != null) {
        options.fileRoot(fileRoot.toPath());
      }
    } else if (fileRoot != null) {
      getLog().warn("promshift:validate: fileRoot is used only with envFile; ignored");
    }
    return options.build();
  }

  /** A message never breaks the one-finding-per-line shape. */
  private static String oneLine(String text) {
    return text.replaceAll("\\p{Cntrl}", " ");
  }
}
