package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.cli.CommandModel.Arity;
import io.promshift.cli.CommandModel.Option;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The model, our parser and the picocli spec the help is rendered from agree: every option the help shows is one our
 * parser reads, with the same names, label and arity; and picocli, parsing command lines generated from the model
 * with the spec, reads the same options, values and PATHs as our parser does, and refuses the same mistakes.
 */
class CommandModelAgreementTest {
  static Stream<CommandModel> commands() {
    return PromshiftCli.COMMANDS.stream().map(PromshiftCli.Command::model);
  }

  /** Values some option of some command takes; each option is given those its conversion accepts. */
  private static final List<String> VALUES = List.of("text", "json", "Sarif", "github", "YAML", "yml", "auto", "off",
      "error", "warning", "info", "plugins", "Amazon", "azure", "prometheus", "1", "2", "16", "a/out", "**/*.yaml",
      "spec.values.ds=items", "literal-aws-key", "literal-aws-key=error", "name with space", "x=y=z");

  private static final List<String> PATHS = List.of("a.yaml", "dir", "-", "with space.yml", "./x");

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyOptionTheHelpShowsIsOneTheParserReadsTheSameWay(CommandModel command) {
    CommandSpec spec = HelpText.fullCommandLine().getSubcommands().get(command.name()).getCommandSpec();

    assertThat(spec.options()).hasSameSizeAs(command.options());
    for (OptionSpec shown : spec.options()) {
      Option ours = command.option(shown.longestName()).orElseThrow(() -> new AssertionError(shown.longestName()));
      assertThat(ours.names()).as(ours.key()).containsExactlyInAnyOrder(shown.names());
      assertThat(ours.arity() == Arity.FLAG).as(ours.key() + " is a flag").isEqualTo(shown.arity().max() == 0);
      assertThat(ours.arity() == Arity.REPEATED).as(ours.key() + " repeats").isEqualTo(shown.isMultiValue());
      if (ours.arity() != Arity.FLAG) {
        assertThat(shown.paramLabel()).isEqualTo(ours.label());
      }
      assertThat(shown.description()).containsExactly(ours.description()
          .replace("${DEFAULT-VALUE}", String.valueOf(ours.defaultValue())));
      assertThat(shown.usageHelp()).isEqualTo(ours.help());
    }
    assertThat(spec.positionalParameters()).singleElement()
        .satisfies(paths -> assertThat(paths.paramLabel()).isEqualTo(command.parameters().label()))
        .satisfies(paths -> assertThat(paths.arity().min()).isEqualTo(command.parameters().min()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void picocliAndOurParserReadGeneratedCommandLinesAlike(CommandModel command) {
    Random random = new Random(command.name().hashCode());
    CommandLine picocli = new CommandLine(HelpText.spec(command));
    for (int line = 0; line < 200; line++) {
      List<String> args = generate(command, random);
      Arguments ours = Arguments.parse(command, args.toArray(String[]::new));
      ParseResult theirs = picocli.parseArgs(args.toArray(String[]::new));

      for (Option option : command.options()) {
        String what = option.key() + " in " + args;
        assertThat(ours.given(option.key())).as(what).isEqualTo(theirs.hasMatchedOption(option.key()));
        if (theirs.hasMatchedOption(option.key()) && option.arity() != Arity.FLAG) {
          assertThat(ours.raw(option.key())).as(what)
              .isEqualTo(theirs.matchedOption(option.key()).originalStringValues());
        }
      }
      List<Path> paths = theirs.matchedPositional(0).getValue();
      assertThat(ours.paths()).as("PATHs of " + args).isEqualTo(paths);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void bothRefuseTheSameMistakes(CommandModel command) {
    List<List<String>> mistakes = List.of(
        List.of("--no-such-option", "a"),
        List.of("a", "--jobs"),
        List.of("--jobs"),
        List.of("--format", "text", "--format", "text", "a"),
        List.of("-x", "a"),
        List.of("-qx", "a"),
        List.of("--quiet"));
    for (List<String> mistake : mistakes) {
      String[] args = mistake.toArray(String[]::new);
      assertThat(refused(() -> Arguments.parse(command, args))).as("ours: " + mistake)
          .isInstanceOf(UsageException.class);
      assertThat(refused(() -> new CommandLine(HelpText.spec(command)).parseArgs(args))).as("picocli: " + mistake)
          .isInstanceOf(CommandLine.ParameterException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void bothRefuseTwoOptionsOfAnExclusiveGroup(CommandModel command) {
    List<Option> grouped = command.options().stream().filter(option -> option.group() != null).toList();
    for (Option first : grouped) {
      for (Option second : grouped) {
        if (first == second) {
          continue;
        }
        String[] args = Stream.concat(Stream.concat(given(first, "d").stream(), given(second, "d").stream()),
            Stream.of("a")).toArray(String[]::new);
        assertThat(refused(() -> Arguments.parse(command, args))).as("ours: " + List.of(args))
            .isInstanceOf(UsageException.class);
        assertThat(refused(() -> new CommandLine(HelpText.spec(command)).parseArgs(args)))
            .as("picocli: " + List.of(args)).isInstanceOf(CommandLine.ParameterException.class);
      }
    }
  }

  /** What {@code parse} threw; null when it read the line. */
  private static Throwable refused(Runnable parse) {
    try {
      parse.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** One valid command line: options in any order and form, at most one of each exclusive group, PATHs between. */
  private static List<String> generate(CommandModel command, Random random) {
    List<List<String>> parts = new ArrayList<>();
    List<String> groupsUsed = new ArrayList<>();
    for (Option option : command.options()) {
      if (option.help() || random.nextInt(3) != 0) {
        continue;
      }
      if (option.group() != null) {
        if (groupsUsed.contains(option.group())) {
          continue;
        }
        groupsUsed.add(option.group());
      }
      int times = option.arity() == Arity.REPEATED ? 1 + random.nextInt(3) : 1;
      for (int i = 0; i < times; i++) {
        parts.add(written(option, accepted(option, random), random));
      }
    }
    int paths = 1 + random.nextInt(3);
    for (int i = 0; i < paths; i++) {
      parts.add(List.of(PATHS.get(random.nextInt(PATHS.size()))));
    }
    Collections.shuffle(parts, random);
    List<String> args = new ArrayList<>();
    parts.forEach(args::addAll);
    return args;
  }

  private static String accepted(Option option, Random random) {
    List<String> fit = VALUES.stream().filter(value -> {
      try {
        option.conversion().convert().apply(value);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }).toList();
    return fit.get(random.nextInt(fit.size()));
  }

  /** The option with its value, in one of the ways it may be written. */
  private static List<String> written(Option option, String value, Random random) {
    String name = option.names().get(random.nextInt(option.names().size()));
    if (option.arity() == Arity.FLAG) {
      return random.nextInt(5) == 0 ? List.of(name + "=true") : List.of(name);
    }
    boolean isShort = !name.startsWith("--");
    return switch (random.nextInt(isShort ? 3 : 2)) {
      case 0 -> List.of(name, value);
      case 1 -> List.of(name + "=" + value);
      default -> List.of(name + value);
    };
  }

  private static List<String> given(Option option, String value) {
    return option.arity() == Arity.FLAG ? List.of(option.key()) : List.of(option.key(), value);
  }
}
