package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --out} never loses a file: two inputs are never written to one output, an output never
 * overwrites its own input, and a folder that holds the inputs still gets them. Each case either works as
 * documented or is a usage error before anything is written — never "0 files, exit 0".
 */
class OutFolderSafetyTest {
  private static final String AMP = "apiVersion: 1\ndatasources:\n  - name: %s\n    type: prometheus\n"
      + "    url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1\n    jsonData:\n"
      + "      sigV4Auth: true\n      sigV4Region: eu-west-1\n";

  @Test
  void twoRootsWithTheSameFileNameAreRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
    Trees.write(dir.resolve("a/ds.yaml"), AMP.formatted("A"));
    Trees.write(dir.resolve("b/ds.yaml"), AMP.formatted("B"));
    Path out = dir.resolve("out");

    Cli.Run run = Cli.run("migrate", "--out", out.toString(), dir.resolve("a").toString(), dir.resolve("b").toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--out: ").contains(dir.resolve("a/ds.yaml").toString())
        .contains(dir.resolve("b/ds.yaml").toString()).contains("would both be written to " + out.resolve("ds.yaml"));
    assertThat(out).doesNotExist();
  }

  @Test
  void anOutputThatIsItsOwnInputIsAUsageError(@TempDir Path dir) {
    Path file = Trees.write(dir.resolve("x.yaml"), AMP.formatted("X"));
    Map<String, String> before = Trees.contents(dir);

    Cli.Run run = Cli.run("migrate", "--out", dir.toString(), file.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("would overwrite the input " + file);
    assertThat(Trees.contents(dir)).isEqualTo(before);
  }

  @Test
  void theSameFolderAsInputAndOutputIsAUsageErrorNotZeroFiles(@TempDir Path dir) {
    Path tree = dir.resolve("a");
    Trees.write(tree.resolve("ds.yaml"), AMP.formatted("A"));
    Map<String, String> before = Trees.contents(tree);

    Cli.Run run = Cli.run("migrate", "--out", tree.toString(), tree.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("would overwrite the input");
    assertThat(Trees.contents(tree)).isEqualTo(before);
  }

  @Test
  void anOutputFolderAboveTheInputsGetsEveryFile(@TempDir Path dir) throws Exception {
    Path tree = dir.resolve("repo/provisioning");
    Trees.write(tree.resolve("ds.yaml"), AMP.formatted("A"));
    Trees.write(tree.resolve("more/other.yaml"), AMP.formatted("B"));

    Cli.Run run = Cli.run("migrate", "--out", dir.resolve("repo").toString(), tree.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("2 files written to ").contains("2 changed");
    assertThat(Files.readString(dir.resolve("repo/ds.yaml"))).contains("grafana-amazonprometheus-datasource");
    assertThat(Files.readString(dir.resolve("repo/more/other.yaml"))).contains("grafana-amazonprometheus-datasource");
    assertThat(Files.readString(tree.resolve("ds.yaml"))).doesNotContain("grafana-amazonprometheus-datasource");
  }

  @Test
  void aFileNamedInsideTheOutputFolderIsRefusedNotRewrittenInPlace(@TempDir Path dir) {
    Path out = dir.resolve("DIR");
    Path file = Trees.write(out.resolve("x.yaml"), AMP.formatted("X"));
    Map<String, String> before = Trees.contents(out);

    Cli.Run run = Cli.run("migrate", "--out", out.toString(), file.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(Trees.contents(out)).as("the input is not rewritten in place").isEqualTo(before);
  }

  @Test
  void aLinkedFolderInsideTheOutputFolderIsNotWrittenThrough(@TempDir Path dir) throws Exception {
    Path victim = Trees.write(dir.resolve("victim/x.yaml"), "keep\n");
    Files.createDirectories(dir.resolve("o"));
    Files.createSymbolicLink(dir.resolve("o/sub"), Path.of("../victim"));
    Trees.write(dir.resolve("a/sub/x.yaml"), AMP.formatted("X"));

    Cli.Run run = Cli.run("migrate", "--out", dir.resolve("o").toString(), dir.resolve("a").toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("is a symbolic link");
    assertThat(Files.readString(victim)).isEqualTo("keep\n");
  }
}
