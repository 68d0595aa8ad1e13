package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commonest mistakes are said in plain words: a mistyped path, a line indented wrong, UTF-16 without a BOM. */
class PlainMessagesTest {
  @TempDir
  Path dir;

  @Test
  void aPathWithNothingAtItSaysSoAndNotThatGrafanaCannotReadIt() {
    Path missing = dir.resolve("datsources.yaml");

    Cli.Run run = Cli.run("validate", missing.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains(missing + ":1:1: error [unreadable] there is no file or folder at this path")
        .contains("fix: check the path for a typo").doesNotContain("Grafana");
  }

  @Test
  void aKeyIndentedDeeperThanItsSiblingsNamesTheBlockItBreaks() throws Exception {
    Path file = dir.resolve("ds.yaml");
    Files.writeString(file, "apiVersion: 1\ndatasources:\n  - name: a\n     type: prometheus\n");

    Cli.Run run = Cli.run("validate", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains(file + ":4:6: error [yaml-syntax] invalid YAML: bad indentation: this line does"
        + " not line up with the mapping that starts at line 3, column 5").doesNotContain("<block");
  }

  @Test
  void aLineOutdentedIntoAListNamesTheList() throws Exception {
    Path file = dir.resolve("ds.yaml");
    Files.writeString(file, "apiVersion: 1\ndatasources:\n  - name: a\n    type: prometheus\n   url: http://x\n");

    Cli.Run run = Cli.run("validate", file.toString());

    assertThat(run.out()).contains(":5:4: error [yaml-syntax] invalid YAML: bad indentation: this line does not line"
        + " up with the list that starts at line 3, column 3");
  }

  @Test
  void utf16WithoutAByteOrderMarkIsNamedAsSuch() throws Exception {
    Path file = dir.resolve("ds.yaml");
    Files.write(file, "apiVersion: 1\ndatasources: []\n".getBytes(StandardCharsets.UTF_16LE));

    Cli.Run run = Cli.run("validate", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains(file + ":1:1: error [unreadable] the file looks like UTF-16 text without a byte"
        + " order mark").contains("save it as UTF-8");
  }

  @Test
  void bigEndianUtf16WithoutAByteOrderMarkToo() throws Exception {
    Path file = dir.resolve("ds.yaml");
    Files.write(file, "apiVersion: 1\ndatasources: []\n".getBytes(StandardCharsets.UTF_16BE));

    assertThat(Cli.run("validate", file.toString()).out()).contains("looks like UTF-16 text without a byte order mark");
  }

  @Test
  void aBinaryFileIsNotCalledUtf16() throws Exception {
    Path file = dir.resolve("ds.yaml");
    Files.write(file, new byte[] {'a', 'p', 'i', 0, 0, 'x', 'y', 'z', '\n'});

    assertThat(Cli.run("validate", file.toString()).out()).contains("contains a NUL byte").doesNotContain("UTF-16");
  }
}
