package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.io.EnvFile;
import io.promshift.io.FileSet;
import io.promshift.model.ProvisioningFile;
import io.promshift.report.FindingsReport;
import io.promshift.rules.Finding;
import io.promshift.rules.Severity;
import io.promshift.rules.ValidationOptions;
import io.promshift.rules.Validator;
import io.promshift.text.SourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Validates provisioning files: findings at file:line:col in text, JSON or SARIF; exit 1 or 2 on problems. */
@Command(name = "validate",
    description = {"Check data source provisioning files the way Grafana reads them: the JSON Schema, then Grafana's",
        "own rules (startup refusals, SigV4, URLs, secrets, migration state), across all files given together.",
        "Exit 0: nothing at --fail-on or above; 1: a finding reached --fail-on; 2: a file could not be read."})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Provisioning files or directories (searched for *.yaml, *.yml).")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), json or sarif.")
  String format;

  @Option(names = "--env-file", paramLabel = "FILE",
      description = "Expand placeholders from this NAME=value file as Grafana would, then validate the expanded values.")
  Path envFile;

  @Option(names = "--file-root", paramLabel = "DIR",
      description = "With --env-file: read $__file{path} below this directory (absolute paths are re-rooted here).")
  Path fileRoot;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
      description = "Exit 1 when a finding is at least this severe: error (default), warning or info.")
  String failOn;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CommonOptions.requireNamed(spec.commandLine(), paths);
    FindingsReport.Format reportFormat = parse(() -> FindingsReport.Format.parse(format), "--format", format);
    Severity threshold = parse(() -> Severity.parse(failOn), "--fail-on", failOn);
    ValidationOptions.Builder options = ValidationOptions.builder();
    if (fileRoot != null && envFile == null) {
      throw new ParameterException(spec.commandLine(), "--file-root needs --env-file (placeholders are expanded only with an environment)");
    }
    if (envFile != null) {
      try {
        options.environment(EnvFile.read(envFile)).fileRoot(fileRoot);
      } catch (IOException | IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--env-file: cannot read " + envFile + ": " + e.getMessage());
      }
    }
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      // the schema library logs through SLF4J; without a binding, SLF4J's own notice would reach stderr
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    Validator validator = Validator.create(options.build());
    Promshift promshift = Promshift.create();

    List<Path> files;
    try {
      files = new FileSet(paths).files();
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    Map<String, Integer> order = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    List<ProvisioningFile> readable = new ArrayList<>();
    int unreadable = 0;
    int checked = 0;
    for (Path path : files) {
      order.putIfAbsent(path.toString(), order.size());
      ProvisioningFile file;
      try {
        file = promshift.read(path);
      } catch (SourceException e) {
        unreadable++;
        checked++;
        findings.add(Validator.of(e));
        continue;
      }
      if (!file.isDataSourceProvisioning()) {
        err.println(path + ": skipped: not a data source provisioning file");
        continue;
      }
      checked++;
      readable.add(file);
    }
    findings.addAll(validator.validateByDirectory(readable));
    findings.sort(Comparator.comparingInt((Finding f) -> order.getOrDefault(f.file(), Integer.MAX_VALUE))
        .thenComparing(Finding.BY_POSITION));
    try {
      FindingsReport.of(reportFormat).write(findings, checked, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    if (unreadable > 0) {
      return 2;
    }
    return findings.stream().anyMatch(f -> f.severity().reaches(threshold)) ? 1 : 0;
  }

  private <T> T parse(java.util.function.Supplier<T> parser, String option, String value) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": unknown value '" + value + "'");
    }
  }
}
