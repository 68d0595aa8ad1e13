package io.promshift.maven;

import io.promshift.Promshift;
import io.promshift.PromshiftSettings;
import io.promshift.RunListener;
import io.promshift.io.AtomicWriter;
import io.promshift.io.EnvFile;
import io.promshift.io.FileSet;
import io.promshift.report.FindingsReport;
import io.promshift.report.ValidationRun;
import io.promshift.report.ValidationText;
import io.promshift.report.Verdict;
import io.promshift.report.Show;
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

  /**
   * The least severe finding that fails the build: {@code error} (default), {@code warning} or {@code info}; not set,
   * the configuration file's {@code fail-on} decides.
   */
  @Parameter(property = "promshift.failOn")
  private String failOn;

  /**
   * The least severe finding logged: {@code error}, {@code warning} (default) or {@code info}. A finding at
   * {@code failOn} or above is always logged, and the report files always hold every finding (they are for tools).
   */
  @Parameter(property = "promshift.show", defaultValue = "warning")
  private String show;

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

  /**
   * Report files to write: any of {@code text}, {@code json}, {@code sarif} (SARIF 2.1.0). They hold no secret and
   * get the umask's mode, as any file the build writes.
   */
  @Parameter(property = "promshift.reports")
  private List<String> reports;

  /** Where the reports go: {@code findings.txt}, {@code findings.json}, {@code findings.sarif}. */
  @Parameter(property = "promshift.reportsDirectory", defaultValue = "${project.build.directory}/promshift")
  private File reportsDirectory;

  /** Skips this goal alone ({@code promshift.skip} skips every promshift goal). */
  @Parameter(property = "promshift.validate.skip", defaultValue = "false")
  private boolean skipValidate;

  @Override
  boolean skipGoal() {
    return skipValidate;
  }

  @Override
  String goal() {
    return "validate";
  }

  @Override
  void process(FileSet files) throws MojoExecutionException, MojoFailureException {
    List<FindingsReport.Format> formats = formats();
    Show logged = show();
    ValidationRun run = Promshift.create(validationSettings()).validate(files, RunListener.NONE);
    if (nothingToProcess(run.run().files(), run.run().problems())) {
      writeReports(formats, run); // empty ones: a report of an earlier run must not stay behind as this one's
      return;
    }
    if (!failOnError()) {
      run = run.unreadableAsWarnings("(failOnError=false)");
    }
    run.run().files().stream().filter(f -> f.verdict() == Verdict.SKIPPED)
        .forEach(f -> getLog().debug(logName(f.file()) + ": not a data source provisioning file; skipped"));
    log(ValidationText.logLines(run, logged, AbstractPromshiftMojo::logName));
    getLog().info("promshift:validate: " + ValidationText.counts(run, logged, "-Dpromshift.show="));
    writeReports(formats, run);

    List<String> failing = ValidationText.failing(run, AbstractPromshiftMojo::logName);
    if (!failing.isEmpty()) {
      StringBuilder message = new StringBuilder()
          .append(AbstractRewriteMojo.plural(failing.size(), "finding")).append(" at or above ")
          .append(ValidationText.failOn(run)).append(" (failOn):");
      for (String line : failing.subList(0, Math.min(failing.size(), MAX_IN_MESSAGE))) {
        message.append('\n').append(line);
      }
      if (failing.size() > MAX_IN_MESSAGE) {
        message.append("\n... and ").append(failing.size() - MAX_IN_MESSAGE).append(" more above");
      }
      throw new MojoFailureException(message.toString());
    }
  }

  /** Reports name files relative to the project, as code-scanning tools and diffs do. */
  private void writeReports(List<FindingsReport.Format> formats, ValidationRun run) throws MojoExecutionException {
    AtomicWriter writer = new AtomicWriter();
    for (FindingsReport.Format format : formats) {
      Path target = reportsDirectory.toPath().resolve("findings." + extension(format));
      StringBuilder out = new StringBuilder();
      try {
        ValidationText.write(format, run, file -> relativeName(Path.of(file)), out);
        // a report is for the CI that uploads it, not a secret: the mode any file the build writes gets (the umask's)
        writer.writeWithDefaultMode(target, out.toString().getBytes(StandardCharsets.UTF_8));
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

  private List<FindingsReport.Format> formats() throws MojoExecutionException {
    List<FindingsReport.Format> formats = new ArrayList<>();
    for (String report : reports == null ? List.<String>of() : reports) {
      if (report == null || report.isBlank()) {
        continue;
      }
      try {
        FindingsReport.Format format = FindingsReport.Format.parse(report);
        if (format == FindingsReport.Format.GITHUB) {
          // workflow commands act only in a runner's log; as a report file they would do nothing
          throw new IllegalArgumentException(report);
        }
        if (!formats.contains(format)) {
          formats.add(format);
        }
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("promshift:validate: unknown report '" + report + "'; use text, json or sarif");
      }
    }
    return formats;
  }

  private Show show() throws MojoExecutionException {
    try {
      return Show.parse(show == null ? "warning" : show);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("promshift:validate: unknown show '" + show + "'; use error, warning or info");
    }
  }

  private PromshiftSettings validationSettings() throws MojoExecutionException {
    PromshiftSettings.Builder settings = settings();
    try {
      if (failOn != null) { // not set: the configuration file's fail-on, or error
        settings.failOn(failOn);
      }
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("promshift:validate: unknown failOn '" + failOn + "'; use error, warning or info");
    }
    if (envFile != null) {
      try {
        settings.environment(EnvFile.read(envFile.toPath()));
      } catch (IOException | IllegalArgumentException e) {
        throw new MojoExecutionException("promshift:validate: cannot read envFile " + envFile + ": " + e.getMessage());
      }
      if (fileRoot != null) {
        settings.fileRoot(fileRoot.toPath());
      }
    } else if (fileRoot != null) {
      getLog().warn("promshift:validate: fileRoot is used only with envFile; ignored");
    }
    return settings.build();
  }
}
