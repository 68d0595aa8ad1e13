package io.promshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
  private static final FileTime OLD = FileTime.fromMillis(1_600_000_000_000L);
  private final AtomicWriter writer = new AtomicWriter();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void replacesChangedContentKeepsPermissionsAndLeavesNoTempFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "old\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(writer.replace(file, bytes("old\n"), bytes("new\n"))).isEqualTo(AtomicWriter.Outcome.WRITTEN);
    assertThat(Files.readString(file)).isEqualTo("new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aTempFileLeftByAKilledRunWithTheSamePidIsSkippedNotOverwritten(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "old\n");
    Path leftover = Files.writeString(dir.resolve(AtomicWriter.tempName(0)), "left by a killed run\n");
    new AtomicWriter().replace(file, bytes("old\n"), bytes("new\n"));
    assertThat(Files.readString(file)).isEqualTo("new\n");
    assertThat(Files.readString(leftover)).isEqualTo("left by a killed run\n");
  }

  @Test
  void aFileReadableByItsOwnerOnlyStaysSo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("secret.yaml"), "old\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    new AtomicWriter().replace(file, bytes("old\n"), bytes("new\n"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void doesNotTouchAFileWhoseContentWouldNotChange(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "same\n");
    Files.setLastModifiedTime(file, OLD);
    assertThat(writer.replace(file, bytes("same\n"), bytes("same\n"))).isEqualTo(AtomicWriter.Outcome.UNCHANGED);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(OLD);
  }

  @Test
  void refusesToOverwriteAFileThatChangedOnDiskSinceItWasRead(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "edited meanwhile\n");
    assertThatThrownBy(() -> writer.replace(file, bytes("as read\n"), bytes("new\n")))
        .isInstanceOf(AtomicWriter.ConcurrentChangeException.class)
        .hasMessageContaining("changed on disk since promshift read it; not overwritten");
    assertThat(Files.readString(file)).isEqualTo("edited meanwhile\n");
  }

  @Test
  void writesThroughASymbolicLink(@TempDir Path dir) throws IOException {
    Path real = Files.writeString(dir.resolve("real.yaml"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real.getFileName());
    writer.replace(link, bytes("old\n"), bytes("new\n"));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new\n");
  }

  @Test
  void afterAbandonAllNoWriteStarts(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "old\n");
    writer.abandonAll();
    assertThatThrownBy(() -> writer.replace(file, bytes("old\n"), bytes("new\n"))).isInstanceOf(IOException.class)
        .hasMessageContaining("interrupted");
    assertThat(Files.readString(file)).isEqualTo("old\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void anOutputFileGetsTheInputFilesPermissions(@TempDir Path dir) throws IOException {
    Path input = Files.writeString(dir.resolve("in.yaml"), "x\n");
    Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rw-r--r--"));
    Path output = dir.resolve("out/sub/in.yaml");
    writer.write(output, bytes("y\n"), input);
    assertThat(Files.readString(output)).isEqualTo("y\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output))).isEqualTo("rw-r--r--");
  }

  @Test
  void aFileWrittenWithTheDefaultModeGetsWhatTheUmaskGivesANewFileWhateverItHadBefore(@TempDir Path dir)
      throws IOException {
    // what the umask gives any new file here, whatever this machine's umask is
    String umasks = PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe"))));
    Path fresh = dir.resolve("reports/findings.sarif");
    writer.writeWithDefaultMode(fresh, bytes("{}\n"));
    assertThat(Files.readString(fresh)).isEqualTo("{}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo(umasks);

    Path old = Files.writeString(dir.resolve("findings.json"), "old\n");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-------"));
    writer.writeWithDefaultMode(old, bytes("new\n"));
    assertThat(Files.readString(old)).isEqualTo("new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo(umasks);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).noneMatch(AtomicWriter::isTempFile);
    }
  }

  @Test
  void recognisesItsTempFiles() {
    assertThat(AtomicWriter.isTempFile(Path.of("d").resolve(AtomicWriter.tempName(0)))).isTrue();
    assertThat(AtomicWriter.isTempFile(Path.of("d/.promshift-12345-lq2x8k1c-a.tmp"))).isTrue();
    // the names of earlier versions: .<name>.<pid>.<n>.promshift.tmp, and .<name>.<random>.promshift.tmp
    assertThat(AtomicWriter.isTempFile(Path.of("d/.a.yaml.12345.0.promshift.tmp"))).isTrue();
    assertThat(AtomicWriter.isTempFile(Path.of("d/.a.yaml.12345.promshift.tmp"))).isTrue();
    assertThat(AtomicWriter.isTempFile(Path.of("d/a.yaml"))).isFalse();
    assertThat(AtomicWriter.isTempFile(Path.of("d/.promshift-notes.tmp"))).isFalse();
  }
}
