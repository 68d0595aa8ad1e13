package io.promshift.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The {@code promshift} command: a thin adapter over the library. */
@Command(
    name = "promshift",
    mixinStandardHelpOptions = true,
    versionProvider = PromshiftCli.Version.class,
    description = {"Reads, validates and migrates Grafana data source provisioning files, byte for byte.",
        "Run 'promshift COMMAND --help' for a command's options."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing to report",
        "1:findings or pending changes (validate; migrate --check)",
        "2:usage error, no YAML file found, or at least one file could not be processed (every other file still is)",
        "70:internal error: out of memory (give the JVM more with -Xmx), or a bug (please report it)"})
public final class PromshiftCli {
  /** The exit code of an unexpected exception: never 0, 1 or 2, so CI tells a crash from a finding. */
  static final int INTERNAL_ERROR = 70;

  private final Terminal terminal;
  private final InputStream in;

  PromshiftCli(Terminal terminal, InputStream in) {
    this.terminal = terminal;
    this.in = in;
  }

  Terminal terminal() {
    return terminal;
  }

  /** Standard input, read when the one PATH is {@code -}. */
  InputStream in() {
    return in;
  }

  /**
   * Runs the command line and returns its exit code; never exits the JVM, never throws (an {@link Error}
   * such as running out of memory is exit 70 and one line on {@code err}). No colour, no progress line.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, Terminal.NONE, args);
  }

  static int run(PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
    return run(InputStream.nullInputStream(), out, err, terminal, args);
  }

  /** The same, with {@code in} as standard input (what {@code -} reads). */
  static int run(InputStream in, PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
    return run(in, out, err, terminal, Fatal.inProcess(), args);
  }

  private static int run(InputStream in, PrintWriter out, PrintWriter err, Terminal terminal, Fatal fatal,
      String... args) {
    CommandLine cli;
    try {
      cli = new CommandLine(new PromshiftCli(terminal, in));
      addCommands(cli, args.length > 0 ? args[0] : null);
      configure(cli, out, err, terminal);
    } catch (Throwable e) { // out of memory before anything ran, say
      return fatal.report(e, err, null);
    }
    return execute(cli, fatal, args);
  }

  /** Runs a command line made by {@link #commandLine} (or {@code run}) and returns its exit code. */
  static int execute(CommandLine cli, String... args) {
    return execute(cli, Fatal.inProcess(), args);
  }

  /**
   * picocli turns an exception into {@link #internalError}'s exit 70 but lets an {@link Error} through
   * (out of memory, stack overflow; from the command's thread or, through {@code Batch}, a worker's): here
   * it becomes exit 70 and one line too.
   */
  private static int execute(CommandLine cli, Fatal fatal, String... args) {
    try {
      int code = cli.execute(args);
      cli.getErr().flush();
      if (cli.getOut().checkError() && code < 2) {
        // a PrintWriter keeps its errors to itself: a report that did not reach its file (a full disk, a closed
        // stream) must not pass for one that did
        cli.getErr().println("promshift: the report could not be written to standard output (a full disk, or a"
            + " closed stream?)");
        cli.getErr().flush();
        return 2;
      }
      return code;
    } catch (Throwable e) {
      return fatal.report(e, cli.getErr(), cli);
    }
  }

  /** The subcommands, in the order the root's help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("status", StatusCommand::new);
    COMMANDS.put("validate", ValidateCommand::new);
    COMMANDS.put("migrate", MigrateCommand::new);
    COMMANDS.put("inspect", InspectCommand::new);
  }

  /**
   * Registers the command named first on the command line, or all of them (and {@code help}) when the first
   * word names none: picocli builds each command's model by reflection, which is most of a short run's start-up.
   */
  private static void addCommands(CommandLine cli, String first) {
    if (first != null && COMMANDS.containsKey(first)) {
      cli.addSubcommand(first, COMMANDS.get(first).get());
      return;
    }
    COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    cli.addSubcommand("help", new CommandLine.HelpCommand());
  }

  /**
   * The root command with every subcommand registered, as its help shows it: what the build generates the shell
   * completion from ({@link CompletionScript}).
   */
  static CommandLine fullCommandLine() {
    CommandLine cli = new CommandLine(new PromshiftCli(Terminal.NONE, InputStream.nullInputStream()));
    addCommands(cli, null);
    return cli;
  }

  /** A picocli command line with promshift's streams, colour, usage-error and internal-error handling. */
  static CommandLine commandLine(Object command, PrintWriter out, PrintWriter err, Terminal terminal) {
    return configure(new CommandLine(command), out, err, terminal);
  }

  private static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err, Terminal terminal) {
    cli.setOut(out);
    cli.setErr(err);
    cli.setColorScheme(Help.defaultColorScheme(terminal.colourOut() ? Help.Ansi.ON : Help.Ansi.OFF));
    cli.setParameterExceptionHandler(PromshiftCli::usageError);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> internalError(e, commandLine, parseResult));
    everyCommandHasHelp(cli);
    return cli;
  }

  /**
   * Every subcommand answers {@code --help}, and its help lists the exit codes (the root's, unless the
   * command documents its own), whoever wrote it.
   */
  private static void everyCommandHasHelp(CommandLine cli) {
    Model.UsageMessageSpec rootUsage = cli.getCommandSpec().usageMessage();
    for (CommandLine sub : cli.getSubcommands().values()) {
      Model.CommandSpec spec = sub.getCommandSpec();
      if (spec.options().stream().noneMatch(Model.OptionSpec::usageHelp)) {
        spec.addOption(Model.OptionSpec.builder("-h", "--help").usageHelp(true)
            .description("Show this help and exit.").build());
      }
      if (spec.usageMessage().exitCodeList().isEmpty()) {
        spec.usageMessage().exitCodeListHeading(rootUsage.exitCodeListHeading())
            .exitCodeList(rootUsage.exitCodeList());
      }
    }
  }

  public static void main(String[] args) {
    System.exit(runOnProcessStreams(args, Fatal.forProcess()));
  }

  /**
   * Runs the command line on this process's standard streams and terminal and returns the exit code; never
   * throws: whatever escapes is reported through {@code fatal} (exit 70, one line).
   */
  static int runOnProcessStreams(String[] args, Fatal fatal) {
    try {
      // UTF-8 whatever the locale: diffs and reports carry the files' own text
      PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
      PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
      return run(System.in, out, err, Terminal.detect(), fatal, args);
    } catch (Throwable e) {
      return fatal.report(e, null, null);
    }
  }

  /** A short message and where to read more, not the whole usage text. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Usage: " + command.getHelp().synopsis(0).strip());
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int internalError(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    err.println(Fatal.line(e));
    if (Fatal.verbose(parseResult)) {
      e.printStackTrace(err);
    }
    err.flush();
    return INTERNAL_ERROR;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = PromshiftCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"promshift " + properties.getProperty("version", "(development build)")};
    }
  }
}
