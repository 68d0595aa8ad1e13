package io.promshift.cli;

import io.promshift.PromshiftSettings;
import io.promshift.cli.CommandModel.Conversion;
import io.promshift.cli.CommandModel.Option;
import io.promshift.io.FileSet;
import java.nio.file.Path;
import java.util.List;

/**
 * The options every file-walking command shares: which files, where data sources are looked for in them, how many
 * threads, how much to say.
 */
final class CommonOptions {
  static final List<Option> OPTIONS = List.of(
      Option.repeated("--include", "GLOB", 100,
          "Only files whose path under its root matches this glob (repeatable), e.g. '**/datasources/*.yaml'."),
      Option.repeated("--exclude", "GLOB", 101, "Skip files whose path under its root matches this glob (repeatable)."),
      Option.single("--embedded", "MODE", 102, "auto (default): also find data sources embedded in other YAML files, in"
              + " any of their documents (grafana and kube-prometheus-stack Helm values, grafana-operator resources,"
              + " Ansible variables); off: plain provisioning files only.")
          .withDefault("auto").converted(Conversion.words(List.of("auto", "off"), "auto or off")),
      Option.repeated("--unit", "PATH=KIND", 103, "Also read data sources at this YAML path from each document's root"
          + " (repeatable; e.g. spec.values.ds=items). KIND is items (a list of data sources), document (a"
          + " provisioning document: apiVersion, datasources) or item (one data source); * matches any key, [*]"
          + " any index. Not with --embedded off."),
      Option.single("-j,--jobs", "N", 104, "Files worked on in parallel (default: the number of cores, here"
              + " ${DEFAULT-VALUE}); output order never changes.")
          .withDefault(String.valueOf(Runtime.getRuntime().availableProcessors())).converted(Conversion.INTEGER),
      Option.flag("-v,--verbose", 105, "Also say what happened to every file (migrate: each data source it changes; fix:"
          + " each finding it fixes),"
          + " and why each data source is left alone."),
      Option.flag("-q,--quiet", 106, "Print errors only; the exit code tells the rest."),
      Option.single("--stdin-name", "NAME", 107, "With - as the PATH (the file read from standard input): the name its"
          + " messages give it (default: stdin)."),
      Option.flag("-h,--help", 108, "Show this help and exit."));

  /** The PATHs of every file-walking command. */
  static final CommandModel.Parameters PATHS = new CommandModel.Parameters("PATH", 1, "Provisioning files or"
      + " directories (searched recursively for *.yaml, *.yml); - reads one file from standard input.");

  private final Invocation invocation;
  final List<String> includes;
  final List<String> excludes;
  final String embedded;
  final List<String> units;
  final int jobs;
  final boolean verbose;
  final boolean quiet;
  final String stdinName;

  CommonOptions(Invocation invocation) {
    Arguments args = invocation.args();
    this.invocation = invocation;
    this.includes = args.values("--include");
    this.excludes = args.values("--exclude");
    this.embedded = args.value("--embedded");
    this.units = args.values("--unit");
    this.jobs = args.<Integer>value("--jobs");
    this.verbose = args.flag("--verbose");
    this.quiet = args.flag("--quiet");
    this.stdinName = args.value("--stdin-name");
  }

  /** The PATH that stands for standard input. */
  static final Path STDIN = Path.of("-");

  /**
   * Whether the run reads one file from standard input: the one PATH is {@code -}. A usage error for {@code -} among
   * other PATHs, and for {@code --stdin-name} without {@code -}.
   */
  boolean readsStandardInput(List<Path> roots) {
    boolean dash = roots.contains(STDIN);
    if (dash && roots.size() > 1) {
      throw new UsageException("- reads one file from standard input; it cannot be given"
          + " with other PATHs");
    }
    if (!dash && stdinName != null) {
      throw new UsageException("--stdin-name names the file read from standard input: give"
          + " - as the PATH");
    }
    if (dash && (!includes.isEmpty() || !excludes.isEmpty())) {
      throw new UsageException("--include and --exclude choose files under a folder; the"
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
    java.io.InputStream in = invocation.in();
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    } catch (java.io.IOException e) {
      throw new UsageException("cannot read standard input ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
    }
    if (bytes.length > limit) {
      throw new UsageException("standard input is over the file size limit of " + limit
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
      throw new UsageException("--verbose and --quiet cannot be used together");
    }
    if (jobs < 1) {
      throw new UsageException("--jobs must be at least 1, not " + jobs);
    }
    requireNamed(roots);
    try {
      return new FileSet(roots, includes, excludes, jobs);
    } catch (IllegalArgumentException e) { // an invalid --include or --exclude glob
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The settings with where to look for data sources ({@code --embedded}, {@code --unit}); a usage error for a
   * word or a declaration that does not read.
   */
  PromshiftSettings.Builder settings(PromshiftSettings.Builder settings) {
    if (invocation.args().given("--embedded")) { // not given: the default, or what a configuration file set before
      settings.embedded(embedded);
    }
    if (!units.isEmpty() && "off".equals(embedded)) {
      throw new UsageException("--unit needs --embedded auto (off reads plain provisioning"
          + " files only)");
    }
    try {
      if (!units.isEmpty()) { // none given: a configuration file's units stay
        settings.units(units);
      }
    } catch (IllegalArgumentException e) { // names the declaration: --unit PATH=KIND: what is wrong
      throw new UsageException(e.getMessage());
    }
    return settings;
  }

  /** A usage error for an empty PATH: Path.of("") is the current directory, which `"$REPO"` with REPO unset must not mean. */
  static void requireNamed(List<Path> roots) {
    if (roots.stream().anyMatch(root -> root.toString().isEmpty())) {
      throw new UsageException("an empty PATH names no file (an unset variable?);"
          + " write . for the current directory");
    }
  }
}
