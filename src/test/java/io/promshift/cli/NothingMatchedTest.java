package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run over no YAML file is an error (exit 2), never a clean pass: a mistyped PATH or glob in CI must fail. */
class NothingMatchedTest {
  @Test
  void aFolderWithoutYamlFilesExitsTwoInEveryCommand(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("README.md"), "no provisioning here\n");
    for (String command : new String[] {"validate", "status", "migrate", "inspect"}) {
      Cli.Run run = Cli.run(command, dir.toString());
      assertThat(run.code()).as(command + "\n" + run).isEqualTo(2);
      assertThat(run.err()).as(command).contains("error: no YAML file (*.yaml, *.yml) found in " + dir);
      assertThat(run.out()).as(command + ": no report of nothing").isEmpty();
    }
  }

  @Test
  void anIncludeGlobThatRepeatsTheRootIsExplained() {
    Cli.Run run = Cli.run("validate", "--include", "samples/provisioning/datasources/*.yaml", "samples/provisioning");
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("found in samples/provisioning that the include globs"
        + " 'samples/provisioning/datasources/*.yaml' match; an include glob matches a file's path under its root,"
        + " not the path as given: samples/provisioning/datasources/ds.yaml is matched as datasources/ds.yaml,"
        + " so write 'datasources/*.yaml' or '**/datasources/*.yaml'");
    assertThat(Cli.run("validate", "--include", "datasources/*.yaml", "samples/provisioning").code())
        .as("the glob under the root matches").isNotEqualTo(2);
  }

  @Test
  void excludeGlobsThatLeaveNothingAreNamed() {
    Cli.Run run = Cli.run("status", "--exclude", "**/*", "samples/provisioning/datasources");
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("the exclude globs '**/*' left out the files they match");
  }

  @Test
  void quietStillSaysWhy(@TempDir Path dir) {
    Cli.Run run = Cli.run("validate", "--quiet", dir.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no YAML file");
  }
}
