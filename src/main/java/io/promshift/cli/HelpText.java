package io.promshift.cli;

import io.promshift.cli.CommandModel.Arity;
import io.promshift.cli.CommandModel.ExitCode;
import io.promshift.cli.CommandModel.Option;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli, for rendering only: the help, the synopsis of a usage error, the man pages ({@link ManPages}) and the shell
 * completion ({@link CompletionScript}), from a picocli model built from the commands' {@link CommandModel}s. The
 * one class of the command line that touches picocli, and only on those paths: a normal run loads none of it.
 */
final class HelpText {
  private HelpText() {}

  /** The root command with every command and {@code help}, as the root's help lists them. */
  static CommandLine fullCommandLine() {
    return commandLine(PromshiftCli.COMMANDS.stream().map(PromshiftCli.Command::model).toList(), true);
  }

  /** The root with these commands under it (and {@code help}). */
  private static CommandLine commandLine(List<CommandModel> commands, boolean withHelp) {
    CommandSpec root = CommandSpec.create().name(PromshiftCli.MODEL.name()).mixinStandardHelpOptions(true);
    try {
      root.version(PromshiftCli.version());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    usage(root, PromshiftCli.MODEL);
    CommandLine cli = new CommandLine(root);
    for (CommandModel command : commands) {
      cli.addSubcommand(command.name(), new CommandLine(spec(command)));
    }
    if (withHelp) {
      cli.addSubcommand("help", new CommandLine.HelpCommand());
    }
    return cli;
  }

  /** picocli's model of one command (not the root): its texts, options, exclusive groups and PATHs. */
  static CommandSpec spec(CommandModel command) {
    CommandSpec spec = CommandSpec.create().name(command.name());
    usage(spec, command);
    spec.usageMessage().sortOptions(false);
    if (command.header() != null) {
      spec.usageMessage().header(command.header());
    }
    Map<String, ArgGroupSpec.Builder> groups = new LinkedHashMap<>();
    for (Option option : command.options()) {
      OptionSpec built = option(option);
      if (option.group() == null) {
        spec.addOption(built);
      } else {
        groups.computeIfAbsent(option.group(), group -> ArgGroupSpec.builder().exclusive(true).multiplicity("0..1"))
            .addArg(built);
      }
    }
    groups.values().forEach(group -> spec.addArgGroup(group.build()));
    if (command.parameters() != null) {
      spec.addPositional(PositionalParamSpec.builder().paramLabel(command.parameters().label())
          .arity(command.parameters().min() + "..*").required(command.parameters().min() > 0).type(List.class).auxiliaryTypes(Path.class)
          .description(command.parameters().description()).build());
    }
    return spec;
  }

  private static void usage(CommandSpec spec, CommandModel command) {
    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (ExitCode code : command.exitCodes()) {
      exitCodes.put(code.code(), code.meaning());
    }
    spec.usageMessage().description(command.description().toArray(String[]::new))
        .exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
  }

  private static OptionSpec option(Option option) {
    OptionSpec.Builder built = OptionSpec.builder(option.names().toArray(String[]::new))
        .description(option.description()).order(option.order());
    if (option.arity() == Arity.FLAG) {
      built.type(boolean.class).usageHelp(option.help());
    } else {
      Class<?> type = option.conversion().type();
      Class<?> shown = type == Path.class || type == int.class ? type : String.class;
      built.paramLabel(option.label()).arity("1");
      if (option.arity() == Arity.REPEATED) {
        built.type(List.class).auxiliaryTypes(shown);
      } else {
        built.type(shown);
      }
      if (option.defaultValue() != null) {
        built.defaultValue(option.defaultValue());
      }
    }
    return built.build();
  }

  /** The command (or the root) in the tree, as its help and its usage errors name it ("promshift migrate"). */
  private static CommandLine find(CommandModel command) {
    if (command == PromshiftCli.MODEL) {
      return fullCommandLine();
    }
    // a command's help names only itself and its parent: its siblings' models need not be built
    return commandLine(List.of(command), false).getSubcommands().get(command.name());
  }

  /** Prints the command's help (or the root's) on {@code out}; returns 0, the exit code of a help. */
  static int usage(CommandModel command, PrintWriter out, Terminal terminal) {
    find(command).usage(out, scheme(terminal));
    out.flush();
    return 0;
  }

  /** The command's synopsis, for a usage error. */
  static String synopsis(CommandModel command, Terminal terminal) {
    CommandLine cli = find(command);
    return new Help(cli.getCommandSpec(), scheme(terminal)).synopsis(0).strip();
  }

  private static Help.ColorScheme scheme(Terminal terminal) {
    return Help.defaultColorScheme(terminal.colourOut() ? Help.Ansi.ON : Help.Ansi.OFF);
  }
}
