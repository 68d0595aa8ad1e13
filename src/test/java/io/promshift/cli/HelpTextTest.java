package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Every help text fits an 80-column terminal, no sentence is cut where a list shows only a first line, every way to ask
 * for a help shows it, and a mistyped command or option is a short usage error that says what was meant.
 */
class HelpTextTest {
  @ParameterizedTest(name = "promshift {0} --help")
  @ValueSource(strings = {"", "status", "validate", "fix", "migrate", "inspect"})
  void everyLineFitsEightyColumns(String command) {
    Cli.Run run = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out().lines()).isNotEmpty().allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"status", "validate", "fix", "migrate", "inspect"})
  void theRootsListShowsEachCommandAsAWholeSentence(String command) {
    CommandLine cli = HelpText.fullCommandLine();
    String[] header = cli.getSubcommands().get(command).getCommandSpec().usageMessage().header();

    // the root's list shows a command's header (or, without one, its description's first line) and nothing more
    assertThat(header).as("a one-line summary for the list").hasSize(1);
    assertThat(header[0]).endsWith(".").hasSizeLessThanOrEqualTo(76);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"validate", "fix", "migrate"})
  void descriptionParagraphsEndWhereTheirSentencesDo(String command) {
    List<String> paragraphs = List.of(HelpText.fullCommandLine().getSubcommands().get(command)
        .getCommandSpec().usageMessage().description());

    assertThat(paragraphs).allSatisfy(paragraph -> assertThat(paragraph).matches("(?s).*[.:]$"));
  }

  @ParameterizedTest(name = "promshift {0}")
  @ValueSource(strings = {"--help", "-h", "help", "help --help"})
  void everyWayToAskForTheRootsHelpShowsIt(String words) {
    Cli.Run run = Cli.run(words.split(" "));

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo(Cli.run("--help").out()).startsWith("Usage: promshift [-hV] [COMMAND]");
  }

  @ParameterizedTest(name = "promshift {0}")
  @ValueSource(strings = {"help migrate", "migrate -h", "migrate --help", "migrate --check --help"})
  void everyWayToAskForACommandsHelpShowsIt(String words) {
    Cli.Run run = Cli.run(words.split(" "));

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo(Cli.run("migrate", "--help").out()).contains("Usage: promshift migrate ");
  }

  @ParameterizedTest(name = "promshift {0}")
  @ValueSource(strings = {"migrat x.yaml", "help migrat"})
  void aMistypedCommandIsAUsageErrorThatSaysWhatWasMeant(String words) {
    Cli.Run run = Cli.run(words.split(" "));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("""
        promshift: unknown command 'migrat'
        Did you mean promshift migrate?
        Usage: promshift [-hV] [COMMAND]
        Try 'promshift --help' for more information.
        """);
  }

  @org.junit.jupiter.api.Test
  void aMistypedOptionIsAUsageErrorWithTheCommandsSynopsis() {
    Cli.Run run = Cli.run("migrate", "--chek", "x.yaml");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("""
        promshift migrate: unknown option '--chek'
        Did you mean --check?
        Usage: promshift migrate [-hqv] [--all] [--keep-marker] [--no-config]
        """).endsWith("Try 'promshift migrate --help' for more information.\n");
  }

  @org.junit.jupiter.api.Test
  void aUsageErrorNamesAMistypedOptionWithoutTheValueGivenToIt() {
    Cli.Run run = Cli.run("migrate", "--confg=s3cr3t-value", "x.yaml");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("promshift migrate: unknown option '--confg'\n").doesNotContain("s3cr3t");
  }

  @org.junit.jupiter.api.Test
  void aUsageErrorQuotingWhatWasTypedPrintsItsControlCharactersAsEscapes() {
    Cli.Run run = Cli.run("mig\u001b[2Jrate\u202e", "x.yaml");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("promshift: unknown command 'mig\\u001b[2Jrate\\u202e'\n")
        .doesNotContain("\u001b").doesNotContain("\u202e");
  }
}
