package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Every help text fits an 80-column terminal, and no sentence is cut where a list shows only a first line. */
class HelpTextTest {
  @ParameterizedTest(name = "promshift {0} --help")
  @ValueSource(strings = {"", "status", "validate", "migrate", "inspect"})
  void everyLineFitsEightyColumns(String command) {
    Cli.Run run = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out().lines()).isNotEmpty().allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"status", "validate", "migrate", "inspect"})
  void theRootsListShowsEachCommandAsAWholeSentence(String command) {
    CommandLine cli = HelpText.fullCommandLine();
    String[] header = cli.getSubcommands().get(command).getCommandSpec().usageMessage().header();

    // the root's list shows a command's header (or, without one, its description's first line) and nothing more
    assertThat(header).as("a one-line summary for the list").hasSize(1);
    assertThat(header[0]).endsWith(".").hasSizeLessThanOrEqualTo(76);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"validate", "migrate"})
  void descriptionParagraphsEndWhereTheirSentencesDo(String command) {
    List<String> paragraphs = List.of(HelpText.fullCommandLine().getSubcommands().get(command)
        .getCommandSpec().usageMessage().description());

    assertThat(paragraphs).allSatisfy(paragraph -> assertThat(paragraph).matches("(?s).*[.:]$"));
  }
}
