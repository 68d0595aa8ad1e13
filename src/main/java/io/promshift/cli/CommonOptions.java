package io.promshift.cli;

import io.promshift.io.FileSet;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every file-walking command shares: which files, how many threads, how much to say. */
final class CommonOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--include", paramLabel = "GLOB", order = 100,
      description = "Only files whose path under its root matches this glob (repeatable), e.g. '**/datasources/*.yaml'.")
  List<String> includes = List.of();

  @Option(names = "--exclude", paramLabel = "GLOB", order = 101,
      description = "Skip files whose path under its root matches this glob (repeatable).")
  List<String> excludes = List.of();

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", order = 102,
      description = "Files worked on in parallel (default: the number of cores, here ${DEFAULT-VALUE}); output order never changes.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = {"-v", "--verbose"}, order = 103,
      description = "Also say what happened to every file, and why each data source is left alone.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, order = 104,
      description = "Print errors only; the exit code tells the rest.")
  boolean quiet;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 105, description = "Show this help and exit.")
  boolean help;

  /** The files to work on; throws a usage error for contradictory options. */
  FileSet fileSet(List<Path> roots) {
    if (verbose && quiet) {
      throw new ParameterException(spec.commandLine(), "--verbose and --quiet cannot be used together");
    }
    if (jobs < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, not " + jobs);
    }
    requireNamed(spec.commandLine(), roots);
    try {
      return new FileSet(roots, includes, excludes, jobs);
    } catch (IllegalArgumentException e) { // an invalid --include or --exclude glob
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** A usage error for an empty PATH: Path.of("") is the current directory, which `"$REPO"` with REPO unset must not mean. */
  static void requireNamed(CommandLine commandLine, List<Path> roots) {
    if (roots.stream().anyMatch(root -> root.toString().isEmpty())) {
      throw new ParameterException(commandLine, "an empty PATH names no file (an unset variable?);"
          + " write . for the current directory");
    }
  }
}
