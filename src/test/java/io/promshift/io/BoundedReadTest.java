package io.promshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.FileSnapshot;
import io.promshift.text.SourceException;
import io.promshift.text.SourceFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every path that reads a file the user named goes through one bounded reader: a link to a device that
 * never ends, or a named pipe nobody writes to, is an error in seconds, never gigabytes read or a hang.
 */
class BoundedReadTest {
  private static final Duration QUICKLY = Duration.ofSeconds(20);
  private static final Path DEV_ZERO = Path.of("/dev/zero");

  private static Path linkToDevZero(Path dir) throws IOException {
    assumeTrue(Files.exists(DEV_ZERO), "/dev/zero");
    return Files.createSymbolicLink(dir.resolve("x.yaml"), DEV_ZERO);
  }

  @Test
  void aProvisioningFileLinkedToDevZeroIsRefusedOverTheLimitNotReadForEver(@TempDir Path dir) throws IOException {
    Path link = linkToDevZero(dir);
    assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> ProvisioningReader.readBytes(link, 1000)))
        .isInstanceOf(SourceException.class)
        .hasMessage(link + ":1:1: the file is over the limit of 1000 bytes");
  }

  @Test
  void migratingByPathUsesTheReadersSizeLimit(@TempDir Path dir) throws IOException {
    Path link = linkToDevZero(dir);
    Migrator migrator = new Migrator(new ProvisioningReader(ReadSettings.builder().maxFileSize(1000).build()),
        MigrationOptions.forward().build());
    MigrationResult result = assertTimeoutPreemptively(QUICKLY, () -> migrator.migrate(link));
    assertThat(result.refused()).isTrue();
    assertThat(result.refusal().message()).isEqualTo("the file is over the limit of 1000 bytes");
  }

  @Test
  void anEnvFileLinkedToDevZeroIsRefusedOverTheLimit(@TempDir Path dir) throws IOException {
    Path link = linkToDevZero(dir);
    assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> EnvFile.read(link)))
        .isInstanceOf(IOException.class)
        .hasMessage("the file is over the limit of " + ReadSettings.DEFAULTS.maxFileSize() + " bytes");
  }

  @Test
  void anEnvFileOverTheLimitIsAnErrorNotAParsedMap(@TempDir Path dir) throws IOException {
    Path env = Files.writeString(dir.resolve("grafana.env"), "A=1\nB=2\n");
    assertThatThrownBy(() -> EnvFile.read(env, 4)).isInstanceOf(IOException.class)
        .hasMessage("the file is 8 bytes, over the limit of 4 bytes");
    assertThat(EnvFile.read(env, 8)).containsEntry("A", "1").containsEntry("B", "2");
  }

  @Test
  void aNamedPipeNoProgramWritesToIsAnErrorWithinSecondsNotAHang(@TempDir Path dir) throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("p.yaml"));
    assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> ProvisioningReader.readBytes(fifo, 1000)))
        .isInstanceOf(SourceException.class)
        .hasMessage(fifo + ":1:1: cannot read the file (no program opened this named pipe for writing within 5 s)");
  }

  @Test
  void theTimeForANamedPipeToOpenCanBeShortened(@TempDir Path dir) throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("p.yaml"));
    SourceFiles reader = SourceFiles.limitedTo(1000).withOpenTimeout(Duration.ofMillis(200));
    long start = System.nanoTime();
    assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> reader.read(fifo)))
        .isInstanceOf(SourceException.class).hasMessageEndingWith("(no program opened this named pipe for writing within 0.2 s)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aNamedPipeIsReadLikeAFileWhenAProgramWritesToIt(@TempDir Path dir) throws Exception {
    // validate <(helm template ...): the shell hands over a pipe, written by the program it started
    Path fifo = SpecialFiles.fifo(dir.resolve("63"));
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write("apiVersion: 1\n".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    FileSnapshot read = assertTimeoutPreemptively(QUICKLY, () -> SourceFiles.limitedTo(1000).read(fifo));
    writer.join();
    assertThat(new String(read.bytes(), StandardCharsets.UTF_8)).isEqualTo("apiVersion: 1\n");
    assertThat(read.regularFile()).isFalse();
  }

  @Test
  void aNamedPipeOverTheLimitIsRefusedAfterReadingOneByteMore(@TempDir Path dir) throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("p.yaml"));
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(new byte[64]);
      } catch (IOException e) {
        // the reader closes its end once it has seen too much
      }
    });
    assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> SourceFiles.limitedTo(10).read(fifo)))
        .isInstanceOf(SourceException.class)
        .hasMessage(fifo + ":1:1: the file is over the limit of 10 bytes");
    writer.join();
  }

  @Test
  void aFileIsReadWithWhatIdentifiesItOnDisk(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "apiVersion: 1\n");
    FileSnapshot read = SourceFiles.limitedTo(1000).read(file);
    assertThat(read.path()).isEqualTo(file);
    assertThat(read.bytes()).isEqualTo(Files.readAllBytes(file));
    assertThat(read.size()).isEqualTo(14);
    assertThat(read.regularFile()).isTrue();
    assertThat(read.fileKey()).isEqualTo(Files.readAttributes(file, "basic:fileKey").get("fileKey"));
    assertThat(read.lastModified()).isEqualTo(Files.getLastModifiedTime(file));
    assertThat(read.toString()).doesNotContain("apiVersion");
  }

  @Test
  void aFileThatReportsSizeZeroIsReadWhole() {
    // /proc reports 0 bytes for files with content, and a sysctl value answers only a read from offset 0
    Path pidMax = Path.of("/proc/sys/kernel/pid_max");
    assumeTrue(Files.isReadable(pidMax), "/proc/sys/kernel/pid_max");
    String text = new String(SourceFiles.limitedTo(1000).read(pidMax).bytes(), StandardCharsets.US_ASCII);
    assertThat(text).matches("[0-9]{3,}\n");
  }

  @Test
  void aDirectoryAndAMissingFileAreRefusedInPlainWords(@TempDir Path dir) {
    SourceFiles reader = SourceFiles.limitedTo(1000);
    assertThatThrownBy(() -> reader.read(dir)).hasMessage(dir + ":1:1: cannot read the file (is a directory)");
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> ProvisioningReader.readBytes(missing, 1000))
        .hasMessage(missing + ":1:1: there is no file or folder at this path");
  }
}
