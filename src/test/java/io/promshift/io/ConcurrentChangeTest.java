package io.promshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.text.FileSnapshot;
import io.promshift.text.SourceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process edits a file while a batch runs: whatever it did, before the read or in the last moment
 * before the rename, its edit survives and the write is refused by name.
 */
class ConcurrentChangeTest {
  private static final FileTime OLD = FileTime.fromMillis(1_600_000_000_000L);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static FileSnapshot read(Path file) {
    return SourceFiles.limitedTo(1 << 20).read(file);
  }

  /** What an editor does on save: a new file with the same name, renamed over the old one. */
  private static void replaceLikeAnEditor(Path file, String content, FileTime modified) {
    try {
      Path other = Files.writeString(file.resolveSibling("editor.swp"), content);
      Files.setLastModifiedTime(other, modified);
      Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(Path file, String text) {
    try {
      Files.writeString(file, text, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertOnlyFile(Path dir, Path file) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no temp file left").containsExactly(file);
    }
  }

  @Test
  void aFileReplacedWithTheSameBytesSinceItWasReadIsNotOverwritten(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "old\n");
    Files.setLastModifiedTime(file, OLD);
    FileSnapshot read = read(file);
    replaceLikeAnEditor(file, "old\n", OLD); // same bytes, same time: only the inode tells
    Object otherInode = Files.readAttributes(file, "basic:fileKey").get("fileKey");

    assertThatThrownBy(() -> new AtomicWriter().replace(read, bytes("new\n")))
        .isInstanceOf(AtomicWriter.ConcurrentChangeException.class)
        .hasMessage(file + " changed on disk since promshift read it; not overwritten");
    assertThat(Files.readAttributes(file, "basic:fileKey").get("fileKey")).isEqualTo(otherInode);
    assertThat(Files.readString(file)).isEqualTo("old\n");
    assertOnlyFile(dir, file);
  }

  @Test
  void anAppendSinceTheReadIsNotOverwritten(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "old\n");
    FileSnapshot read = read(file);
    append(file, "appended\n");
    assertThatThrownBy(() -> new AtomicWriter().replace(read, bytes("new\n")))
        .isInstanceOf(AtomicWriter.ConcurrentChangeException.class);
    assertThat(Files.readString(file)).isEqualTo("old\nappended\n");
  }

  @Test
  void anAppendInTheLastMomentBeforeTheRenameIsNotOverwritten(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "old\n");
    FileSnapshot read = read(file);
    Consumer<Path> otherProcess = target -> append(target, "appended meanwhile\n");
    AtomicWriter writer = new AtomicWriter(true, otherProcess);

    assertThatThrownBy(() -> writer.replace(read, bytes("new\n")))
        .isInstanceOf(AtomicWriter.ConcurrentChangeException.class)
        .hasMessage(file + " changed on disk since promshift read it; not overwritten");
    assertThat(Files.readString(file)).isEqualTo("old\nappended meanwhile\n");
    assertOnlyFile(dir, file);
  }

  @Test
  void aReplacementInTheLastMomentWithTheSameBytesAndTimeIsNotOverwritten(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "old\n");
    Files.setLastModifiedTime(file, OLD);
    FileSnapshot read = read(file);
    AtomicWriter writer = new AtomicWriter(true, target -> replaceLikeAnEditor(target, "old\n", OLD));

    assertThatThrownBy(() -> writer.replace(read, bytes("new\n")))
        .isInstanceOf(AtomicWriter.ConcurrentChangeException.class);
    assertThat(Files.readString(file)).isEqualTo("old\n");
    assertOnlyFile(dir, file);
  }

  @Test
  void anEditOfTheSameSizeInTheLastMomentIsNotOverwritten(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "old\n");
    Files.setLastModifiedTime(file, OLD);
    FileSnapshot read = read(file);
    // in place, same size, and the time put back: only the bytes tell
    AtomicWriter writer = new AtomicWriter(true, target -> {
      try {
        Files.writeString(target, "odd\n", StandardOpenOption.WRITE);
        Files.setLastModifiedTime(target, OLD);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    assertThatThrownBy(() -> writer.replace(read, bytes("new\n")))
        .isInstanceOf(AtomicWriter.ConcurrentChangeException.class);
    assertThat(Files.readString(file)).isEqualTo("odd\n");
  }

  @Test
  void aFileUnchangedSinceItWasReadIsReplaced(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "old\n");
    FileSnapshot read = read(file);
    assertThat(new AtomicWriter().replace(read, bytes("new\n"))).isEqualTo(AtomicWriter.Outcome.WRITTEN);
    assertThat(Files.readString(file)).isEqualTo("new\n");
    assertThat(new AtomicWriter().replace(read(file), bytes("new\n"))).isEqualTo(AtomicWriter.Outcome.UNCHANGED);
    assertOnlyFile(dir, file);
  }
}
