package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training of the start script's CDS archive runs what it means to run: a command renamed or an option removed
 * would make a run that stops at its usage error and loads none of the command's classes, silently.
 */
class CdsTrainingTest {
  @Test
  void everyTrainingCommandRunsToItsResultAndOnlyTheLastIsAUsageError(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("10-amp.yaml"), CdsTraining.MIGRATABLE, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("20-invalid.yaml"), CdsTraining.INVALID, StandardCharsets.UTF_8);
    List<List<String>> commands = CdsTraining.commands(in, dir.resolve("out"));
    for (List<String> command : commands.subList(0, commands.size() - 1)) {
      Cli.Run run = Cli.run(command.toArray(String[]::new));
      assertThat(run.code()).as(String.join(" ", command) + "\n" + run).isIn(0, 1);
    }
    List<String> last = commands.get(commands.size() - 1);
    assertThat(Cli.run(last.toArray(String[]::new)).code()).as("the usage error's path").isEqualTo(2);
    assertThat(dir.resolve("out/10-amp.yaml")).as("--out wrote the migrated file").isRegularFile();
  }

  @Test
  void theTrainingEndsWithZeroAndLeavesNoTempFolder() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before;
    try (var files = Files.list(tmp)) {
      before = files.filter(file -> file.getFileName().toString().startsWith("promshift-cds")).count();
    }
    assertThat(CdsTraining.train()).isZero();
    try (var files = Files.list(tmp)) {
      assertThat(files.filter(file -> file.getFileName().toString().startsWith("promshift-cds")).count())
          .isLessThanOrEqualTo(before);
    }
  }
}
