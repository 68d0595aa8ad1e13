package io.promshift.cli;

import io.promshift.cli.CommandModel.Option;
import io.promshift.Suggestions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The {@code promshift} command: a thin adapter over the library. Its command line is declared once, in each
 * command's {@link CommandModel}, parsed by {@link Arguments}; picocli only renders the help, the man pages and the
 * shell completion from the same models ({@link HelpText}), so a normal run loads none of its classes: building
 * picocli's model costs more than a short run's own work.
 */
public final class PromshiftCli {
  /** The exit code of an unexpected exception: never 0, 1 or 2, so CI tells a crash from a finding. */
  static final int INTERNAL_ERROR = 70;
  /** The exit code of a usage error. */
  static final int USAGE = 2;

  static final CommandModel MODEL = new CommandModel("promshift", null,
      List.of("Reads, validates, fixes and migrates Grafana data source provisioning files, byte for byte.",
          "Run 'promshift COMMAND --help' for a command's options."),
      CommandModel.ExitCode.of(
          "0:nothing to report",
          "1:findings or pending changes (validate; fix --check; migrate --check)",
          "2:usage error, no YAML file found, or at least one file could not be processed (every other file still is)",
          "70:internal error: out of memory (give the JVM more with -Xmx), or a bug (please report it)"),
      List.of(Option.flag("-h,--help", 0, "Show this help message and exit."),
          Option.flag("-V,--version", 0, "Print version information and exit.")),
      null);

  /** A command: its model, and what runs it. */
  record Command(CommandModel model, Function<Invocation, Callable<Integer>> runner) {}

  /** The commands, in the order the root's help lists them. */
  static final List<Command> COMMANDS = List.of(
      new Command(StatusCommand.MODEL, StatusCommand::new),
      new Command(ValidateCommand.MODEL, ValidateCommand::new),
      new Command(FixCommand.MODEL, FixCommand::new),
      new Command(MigrateCommand.MODEL, MigrateCommand::new),
      new Command(InspectCommand.MODEL, InspectCommand::new));

  private PromshiftCli() {}

  /** The command of this name, if it is one. */
  private static java.util.Optional<Command> command(String name) {
    return COMMANDS.stream().filter(command -> command.model().name().equals(name)).findFirst();
  }

  /** The commands' names, in the root's help's order. */
  private static List<String> names() {
    return COMMANDS.stream().map(command -> command.model().name()).toList();
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
    try {
      String first = args.length > 0 ? args[0] : null;
      String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
      java.util.Optional<Command> command = command(first);
      if (command.isPresent()) {
        return execute(command.get(), in, out, err, terminal, fatal, rest);
      }
      if (first == null) {
        return usageError(err, MODEL, terminal, new UsageException("missing command: "
            + String.join(", ", names()) + " or help"));
      }
      switch (first) {
        case "-h", "--help" -> {
          return HelpText.usage(MODEL, out, terminal);
        }
        case "-V", "--version" -> {
          out.println(version());
          return finish(out, err, 0);
        }
        case "help" -> {
          return help(out, err, terminal, rest);
        }
        default -> {
          return usageError(err, MODEL, terminal, unknownCommand(first));
        }
      }
    } catch (Throwable e) { // out of memory before a command ran, say
      return fatal.report(e, err, out, false);
    }
  }

  /** {@code promshift help [COMMAND]}. */
  private static int help(PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      return HelpText.usage(MODEL, out, terminal);
    }
    java.util.Optional<Command> command = command(args[0]);
    if (command.isPresent()) {
      return HelpText.usage(command.get().model(), out, terminal);
    }
    return usageError(err, MODEL, terminal, unknownCommand(args[0]));
  }

  private static UsageException unknownCommand(String word) {
    if (word.startsWith("-")) {
      return new UsageException("unknown option '" + word + "'", Suggestions.meant(word, List.of("--help", "--version")));
    }
    return new UsageException("unknown command '" + word + "'",
        Suggestions.meant(word, names()).stream().map(name -> "promshift " + name).toList());
  }

  /** Runs a command that is not one of promshift's (a test's), as promshift runs its own. */
  static int execute(CommandModel model, Function<Invocation, Callable<Integer>> runner, PrintWriter out,
      PrintWriter err, String... args) {
    return execute(new Command(model, runner), InputStream.nullInputStream(), out, err, Terminal.NONE,
        Fatal.inProcess(), args);
  }

  /**
   * Parses the command's arguments and runs it: a usage error (from the parse or the command) is exit 2 and a few
   * lines, anything else that escapes is exit 70 and one line ({@link Fatal}).
   */
  private static int execute(Command command, InputStream in, PrintWriter out, PrintWriter err, Terminal terminal,
      Fatal fatal, String... args) {
    Arguments parsed;
    try {
      parsed = Arguments.parse(command.model(), args);
    } catch (UsageException e) {
      return usageError(err, command.model(), terminal, e);
    }
    if (parsed.help()) {
      return HelpText.usage(command.model(), out, terminal);
    }
    boolean verbose = command.model().option("--verbose").isPresent() && parsed.flag("--verbose");
    try {
      int code = command.runner().apply(new Invocation(parsed, out, err, terminal, in)).call();
      return finish(out, err, code);
    } catch (UsageException e) {
      out.flush(); // what the command printed before it stopped comes first
      return usageError(err, command.model(), terminal, e);
    } catch (Throwable e) {
      return fatal.report(e, err, out, verbose);
    }
  }

  /** The exit code, unless standard output could not be written. */
  private static int finish(PrintWriter out, PrintWriter err, int code) {
    err.flush();
    if (out.checkError() && code < 2) {
      // a PrintWriter keeps its errors to itself: a report that did not reach its file (a full disk, a closed
      // stream) must not pass for one that did
      err.println("promshift: the report could not be written to standard output (a full disk, or a"
          + " closed stream?)");
      err.flush();
      return 2;
    }
    return code;
  }

  /**
   * A short message, what the user may have meant, the command's synopsis and where to read more, not the whole
   * usage text; exit 2.
   */
  static int usageError(PrintWriter err, CommandModel command, Terminal terminal, UsageException e) {
    String name = command == MODEL ? MODEL.name() : MODEL.name() + " " + command.name();
    // the message may quote a word the user typed: printed through the library's printable-text policy
    err.println(name + ": " + io.promshift.PrintableText.message(e.getMessage()));
    if (!e.meant().isEmpty()) {
      err.println("Did you mean " + String.join(" or ", e.meant()) + "?");
    }
    err.println("Usage: " + HelpText.synopsis(command, terminal));
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return USAGE;
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
      return fatal.report(e, null, null, false);
    }
  }

  /** {@code promshift VERSION}, from the build's version.properties. */
  static String version() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = PromshiftCli.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return "promshift " + properties.getProperty("version", "(development build)");
  }
}
