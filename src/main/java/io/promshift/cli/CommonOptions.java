package io.promshift.cli;

import io.promshift.PromshiftSettings;
import io.promshift.io.FileSet;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The options every file-walking command shares: which files, where data sources are looked for in them, how many
 * threads, how much to say.
 */
final class CommonOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--include", paramLabel = "GLOB", order = 100,
      description = "Only files whose path under its root matches this glob (repeatable), e.g. '**/datasources/*.yaml'.")
  List<String> includes = List.of();

  @Option(names = "--exclude", paramLabel = "GLOB", order = 101,
      description = "Skip files whose path under its root matches this glob (repeatable).")
  List<String> excludes = List.of();

  @Option(names = "--embedded", paramLabel = "MODE", defaultValue = "auto", order = 102,
      description = "auto (default): also find data sources embedded in other YAML files, in any of their"
          + " documents (grafana and kube-prometheus-stack Helm values, grafana-operator resources, Ansible"
          + " variables); off: plain provisioning files only.")
  String embedded;

  @Option(names = "--unit", paramLabel = "PATH=KIND", order = 103,
      description = "Also read data sources at this YAML path from each document's root (repeatable; e.g."
          + " spec.values.ds=items). KIND is items (a list of data sources), document (a"
          + " provisioning document: apiVersion, datasources) or item (one data source); * matches any key, [*]"
          + " any index. Not with --embedded off.")
  List<String> units = List.of();

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", order = 104,
      description = "Files worked on in parallel (default: the number of cores, here ${DEFAULT-VALUE}); output order never changes.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = {"-v", "--verbose"}, order = 105,
      description = "Also say what happened to every file (migrate: each data source it changes), and why each data"
          + " source is left alone.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, order = 106,
      description = "Print errors only; the exit code tells the rest.")
  boolean quiet;

  @Option(names = "--stdin-name", paramLabel = "NAME", order = 107,
      description = "With - as the PATH (the file read from standard input): the name its messages give it"
          + " (default: stdin).")
  String stdinName;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 108, description = "Show this help and exit.")
  boolean help;

  /** The PATH that stands for standard input. */
  static final Path STDIN = Path.of("-");

  /**
   * Whether the run reads one file from standard input: the one PATH is {@code -}. A usage error for {@code -} among
   * other PATHs, and for {@code --stdin-name} without {@code -}.
   */
  boolean readsStandardInput(List<Path> roots) {
    boolean dash = roots.contains(STDIN);
    if (dash && roots.size() > 1) {
      throw new ParameterException(spec.commandLine(), "- reads one file from standard input; it cannot be given"
          + " with other PATHs");
    }
    if (!dash && stdinName != null) {
      throw new ParameterException(spec.commandLine(), "--stdin-name names the file read from standard input: give"
          + " - as the PATH");
    }
    if (dash && (!includes.isEmpty() || !excludes.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "--include and --exclude choose files under a folder; the"
          + " file read from standard input is always read");
    }
    return dash;
  }

  /** The name messages give the file read from standard input. */
  String stdinName() {
    return stdinName == null || stdinName.isEmpty() ? "stdin" : stdinName;
  }

  /**
   * Standard input's bytes, at most {@code limit} of them (the reader's file size limit); a usage error when there
   * are more, or when it cannot be read.
   */
  byte[] standardInput(long limit) {
    java.io.InputStream in = ((PromshiftCli) spec.root().userObject()).in();
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    } catch (java.io.IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read standard input ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
    }
    if (bytes.length > limit) {
      throw new ParameterException(spec.commandLine(), "standard input is over the file size limit of " + limit
          + " bytes");
    }
    return bytes;
  }

  /** The files to work on; throws a usage error for contradictory options. */
  FileSet fileSet(List<Path> roots) {
    return fileSet(roots, java.util.Optional.empty());
  }

  /**
   * The files to work on, with a configuration file's include and exclude globs where the command line gives none
   * (each list of the command line replaces the configuration's).
   */
  FileSet fileSet(List<Path> roots, java.util.Optional<io.promshift.config.ProjectConfig> config) {
    List<String> includes = !this.includes.isEmpty() ? this.includes
        : config.flatMap(io.promshift.config.ProjectConfig::includes).orElse(List.of());
    List<String> excludes = !this.excludes.isEmpty() ? this.excludes
        : config.flatMap(io.promshift.config.ProjectConfig::excludes).orElse(List.of());
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

  /**
   * The settings with where to look for data sources ({@code --embedded}, {@code --unit}); a usage error for a
   * word or a declaration that does not read.
   */
  PromshiftSettings.Builder settings(PromshiftSettings.Builder settings) {
    try {
      // not given: the default, or what a configuration file set before
      if (spec.commandLine().getParseResult() == null || spec.commandLine().getParseResult().hasMatchedOption("--embedded")) {
        settings.embedded(embedded.trim().toLowerCase(java.util.Locale.ROOT));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--embedded: unknown value '" + embedded + "'; use auto or off");
    }
    if (!units.isEmpty() && "off".equals(embedded.trim().toLowerCase(java.util.Locale.ROOT))) {
      throw new ParameterException(spec.commandLine(), "--unit needs --embedded auto (off reads plain provisioning"
          + " files only)");
    }
    try {
      if (!units.isEmpty()) { // none given: a configuration file's units stay
        settings.units(units);
      }
    } catch (IllegalArgumentException e) { // names the declaration: --unit PATH=KIND: what is wrong
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return settings;
  }

  /** A usage error for an empty PATH: Path.of("") is the current directory, which `"$REPO"` with REPO unset must not mean. */
  static void requireNamed(CommandLine commandLine, List<Path> roots) {
    if (roots.stream().anyMatch(root -> root.toString().isEmpty())) {
      throw new ParameterException(commandLine, "an empty PATH names no file (an unset variable?);"
          + " write . for the current directory");
    }
  }
}
