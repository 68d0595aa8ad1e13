package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.io.Batch;
import io.promshift.io.EnvFile;
import io.promshift.io.FileSet;
import io.promshift.model.ProvisioningFile;
import io.promshift.report.FindingsReport;
import io.promshift.rules.Diagnostic;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Validates provisioning files: findings at file:line:col in text, JSON or SARIF; exit 1 or 2 on problems. */
@Command(name = "validate",
    sortOptions = false,
    description = {"Check data source provisioning files the way Grafana reads them: the JSON Schema, then",
        "Grafana's own rules (startup refusals, SigV4, URLs, secrets, migration state); the cross-file rules",
        "among the files of each directory, as Grafana reads one directory as one set.",
        "Findings go to stdout; notes, errors that stop a file being read too, and progress to stderr."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no finding at --fail-on or above",
        "1:a finding reached --fail-on (default: error)",
        "2:usage error, or at least one file could not be read (it is a finding too; every other file is still"
            + " validated)"})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Provisioning files or directories (searched recursively for *.yaml, *.yml).")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", order = 1,
      description = "text (default), json or sarif.")
  String format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error", order = 2,
      description = "Exit 1 when a finding is at least this severe: error (default), warning or info.")
  String failOn;

  @Option(names = "--env-file", paramLabel = "FILE", order = 3,
      description = "Expand placeholders from this NAME=value file as Grafana would, then validate the expanded values.")
  Path envFile;

  @Option(names = "--file-root", paramLabel = "DIR", order = 4,
      description = "With --env-file: read $__file{path} below this directory (absolute paths are re-rooted here).")
  Path fileRoot;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @ParentCommand
  PromshiftCli root;

  /** What reading one file gave: the file, or the finding that it cannot be read, or neither (skipped). */
  private record Read(FileSet.Found found, ProvisioningFile file, Diagnostic unreadable) {}

  @Override
  public Integer call() {
    FileSet fileSet = common.fileSet(paths);
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

    List<Diagnostic> findings = new ArrayList<>();
    Map<String, Integer> order = new HashMap<>();
    List<ProvisioningFile> readable = new ArrayList<>();
    int[] unreadable = new int[1];
    int[] checked = new int[1];
    try (Ui ui = new Ui(spec.commandLine().getOut(), spec.commandLine().getErr(), root.terminal(), common)) {
      FileSet.Scan scan = fileSet.scan();
      for (FileSet.Problem problem : scan.problems()) {
        unreadable[0]++;
        ui.error(problem.path().toString(), problem.message());
      }
      ui.startProgress("validate", scan.files().size());
      Batch.forEachOrdered(scan.files(), common.jobs, found -> {
        Read read = read(promshift, found);
        ui.tick();
        return read;
      }, read -> {
        order.putIfAbsent(read.found().file().toString(), order.size());
        if (read.unreadable() != null) {
          unreadable[0]++;
          checked[0]++;
          findings.add(read.unreadable());
        } else if (read.file() == null) {
          ui.note(read.found().file().toString(), "not a data source provisioning file (no datasources or"
              + " deleteDatasources); skipped");
        } else {
          checked[0]++;
          readable.add(read.file());
        }
      });
      // Grafana reads each directory as one set: the directories are independent, so they go in parallel
      for (List<Diagnostic> found : Batch.run(Validator.byDirectory(readable), common.jobs, validator::validateAll)) {
        findings.addAll(found);
      }
      ui.close();
      findings.sort(Comparator.comparingInt((Diagnostic f) -> order.getOrDefault(f.file(), Integer.MAX_VALUE))
          .thenComparing(Diagnostic.BY_POSITION));
      if (ui.verbose()) {
        detailPerFile(ui, order.keySet(), findings);
      }
      // --quiet: in text, the error findings alone and no summary; JSON and SARIF stay whole, they are files
      boolean quietText = common.quiet && reportFormat == FindingsReport.Format.TEXT;
      FindingsReport report = quietText ? FindingsReport.textFindingsOnly() : FindingsReport.of(reportFormat);
      List<Diagnostic> shown = quietText ? findings.stream().filter(f -> f.severity() == Severity.ERROR).toList() : findings;
      PrintWriter out = spec.commandLine().getOut();
      try {
        report.write(shown, checked[0], out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.flush();
    }
    if (unreadable[0] > 0) {
      return 2;
    }
    return findings.stream().anyMatch(f -> f.severity().reaches(threshold)) ? 1 : 0;
  }

  private static Read read(Promshift promshift, FileSet.Found found) {
    try {
      ProvisioningFile file = promshift.read(found.file());
      return new Read(found, file.isDataSourceProvisioning() ? file : null, null);
    } catch (SourceException e) {
      return new Read(found, null, Validator.of(e));
    }
  }

  /** With --verbose: how many findings each file has, on stderr, beside the report. */
  private static void detailPerFile(Ui ui, Iterable<String> files, List<Diagnostic> findings) {
    Map<String, Integer> counts = new HashMap<>();
    for (Diagnostic finding : findings) {
      counts.merge(finding.file(), 1, Integer::sum);
    }
    for (String file : files) {
      ui.detail(file + ": " + Text.count(counts.getOrDefault(file, 0), "finding", "findings"));
    }
  }

  private <T> T parse(java.util.function.Supplier<T> parser, String option, String value) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": unknown value '" + value + "'");
    }
  }
}
