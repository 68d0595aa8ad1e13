package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code console} block of the README is a real session: each {@code $ java -jar
 * target/promshift-cli.jar ...} line is run in-process and must print exactly what the block shows below it
 * (standard output and standard error as a terminal interleaves them), and {@code ; echo "exit $?"} adds
 * the exit code. So the README cannot drift from the CLI.
 *
 * <p>After a deliberate change of output, regenerate the blocks with
 * {@code mvn -B -q test -Dtest=ReadmeCliTest -Dpromshift.readme.update=true} and read the diff.
 */
class ReadmeCliTest {
  private static final Path README = Path.of("README.md");
  private static final String PROMPT = "$ java -jar target/promshift-cli.jar ";
  private static final String ECHO_EXIT = "; echo \"exit $?\"";
  private static final Pattern BLOCK = Pattern.compile("```console\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyConsoleBlockIsWhatTheCommandsPrint() throws IOException {
    String readme = Files.readString(README);
    cleanScratch();
    StringBuilder regenerated = new StringBuilder();
    Matcher block = BLOCK.matcher(readme);
    int blocks = 0;
    int at = 0;
    while (block.find()) {
      blocks++;
      regenerated.append(readme, at, block.start(1)).append(session(block.group(1)));
      at = block.end(1);
    }
    regenerated.append(readme, at, readme.length());
    assertThat(blocks).as("console blocks in the README").isGreaterThanOrEqualTo(5);
    if (Boolean.getBoolean("promshift.readme.update")) {
      Files.writeString(README, regenerated.toString(), StandardCharsets.UTF_8);
      return;
    }
    assertThat(regenerated.toString())
        .as("README console blocks are stale: run mvn -B -q test -Dtest=ReadmeCliTest -Dpromshift.readme.update=true")
        .isEqualTo(readme);
  }

  @Test
  void theFirstCommandIsTheMainJobOnTheSamplesAndSucceeds() throws IOException {
    String readme = Files.readString(README);
    Matcher bash = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(bash.find()).isTrue();
    String first = bash.group(1).lines().filter(line -> !line.startsWith("#") && !line.isBlank()).findFirst().orElseThrow();
    List<String> steps = List.of(first.split(" && "));
    assertThat(steps.get(0)).as("one line that builds first").isEqualTo("mvn -B -q package -DskipTests");
    assertThat(steps.subList(1, steps.size())).as("then the CLI on samples/").isNotEmpty()
        .allMatch(step -> step.startsWith("java -jar target/promshift-cli.jar ") && step.contains(" samples"));
    for (String step : steps.subList(1, steps.size())) {
      Cli.Run run = Cli.run(words(step.substring("java -jar target/promshift-cli.jar ".length())).toArray(String[]::new));
      assertThat(run.code()).as(step + " exits 0, so the && chain runs to its end\n" + run).isZero();
    }
  }

  /** The block as the commands in it print it now. */
  private static String session(String block) {
    StringBuilder out = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      if (!line.startsWith("$ ")) {
        continue; // output: regenerated below its command
      }
      assertThat(line).as("a README command runs the built jar").startsWith(PROMPT);
      String command = line.substring(PROMPT.length());
      boolean echo = command.endsWith(ECHO_EXIT);
      if (echo) {
        command = command.substring(0, command.length() - ECHO_EXIT.length());
      }
      Cli.Run run = Cli.merged(words(command).toArray(String[]::new));
      // as a terminal shows it: the diff of a CRLF file keeps its CRs (it must apply), the README keeps LF lines
      out.append(line).append('\n').append(run.out().replace("\r\n", "\n"));
      if (echo) {
        out.append("exit ").append(run.code()).append('\n');
      }
    }
    return out.toString();
  }

  /** Shell words: split on spaces, single quotes kept together (all a README example needs). */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
    while (word.find()) {
      words.add(word.group(1) != null ? word.group(1) : word.group(2));
    }
    return words;
  }

  /** The README writes an example output tree under target/: each run starts without it. */
  private static void cleanScratch() throws IOException {
    for (String folder : List.of("target/migrated", "target/fixed")) {
      clean(Path.of(folder));
    }
  }

  private static void clean(Path scratch) throws IOException {
    if (Files.exists(scratch)) {
      try (Stream<Path> walk = Files.walk(scratch)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
