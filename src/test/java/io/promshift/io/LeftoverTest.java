package io.promshift.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed outright (SIGKILL, OOM killer) leaves its temp file; the next writing run over that folder
 * removes it, but never the temp file of a run still writing.
 */
class LeftoverTest {

  /** A pid no process can have: Linux never hands out one above 2^22. */
  private static long deadPid() {
    return Integer.MAX_VALUE;
  }

  private static String tempName(long pid, Instant started, int n) {
    return ".promshift-" + pid + "-" + Long.toString(started.toEpochMilli(), 36) + "-" + n + ".tmp";
  }

  private static Path leftover(Path dir, String name) throws IOException {
    return Files.writeString(dir.resolve(name), "apiVersion: 1\ndatasou");
  }

  @Test
  void aTempFileOfAProcessThatIsGoneIsRemoved(@TempDir Path dir) throws IOException {
    Path temp = leftover(dir, tempName(deadPid(), Instant.now(), 0));
    assertThat(AtomicWriter.removeLeftover(temp)).isTrue();
    assertThat(temp).doesNotExist();
  }

  @Test
  void aTempFileOfAnEarlierVersionIsRemovedWhenItsProcessIsGone(@TempDir Path dir) throws IOException {
    Path gone = leftover(dir, ".datasources.yaml." + deadPid() + ".1a.promshift.tmp");
    Path running = leftover(dir, ".datasources.yaml." + ProcessHandle.current().pid() + ".0.promshift.tmp");
    assertThat(AtomicWriter.removeLeftover(gone)).isTrue();
    assertThat(AtomicWriter.removeLeftover(running)).isFalse();
    assertThat(gone).doesNotExist();
    assertThat(running).exists();
  }

  @Test
  void aTempFileOfARunStillWritingIsLeftAlone(@TempDir Path dir) throws Exception {
    Path ours = leftover(dir, AtomicWriter.tempName(7));
    Process concurrentRun = new ProcessBuilder("sleep", "60").start();
    try {
      Instant started = concurrentRun.info().startInstant().orElseThrow();
      Path theirs = leftover(dir, tempName(concurrentRun.pid(), started, 0));
      assertThat(AtomicWriter.removeLeftover(ours)).isFalse();
      assertThat(AtomicWriter.removeLeftover(theirs)).isFalse();
      assertThat(ours).exists();
      assertThat(theirs).exists();

      // the same pid, but a process that started a day later: the pid was reused, the writer is gone
      Path reused = leftover(dir, tempName(concurrentRun.pid(), started.minusSeconds(86_400), 0));
      assertThat(AtomicWriter.removeLeftover(reused)).isTrue();
    } finally {
      concurrentRun.destroy();
      concurrentRun.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFileThatIsNoTempFileOrWhoseWriterCannotBeToldIsNeverRemoved(@TempDir Path dir) throws IOException {
    Path yaml = leftover(dir, "datasources.yaml");
    Path lookalike = leftover(dir, ".promshift-notes.tmp");
    Path random = leftover(dir, ".datasources.yaml.8237462834567123.promshift.tmp"); // createTempFile's name
    assertThat(AtomicWriter.removeLeftover(yaml)).isFalse();
    assertThat(AtomicWriter.removeLeftover(lookalike)).isFalse();
    assertThat(AtomicWriter.removeLeftover(random)).isFalse();
    assertThat(yaml).exists();
    assertThat(lookalike).exists();
    assertThat(random).exists();
  }

  @Test
  void theNextRunFindsTheLeftoversInItsWalkAndRemovesThem(@TempDir Path dir) throws IOException {
    Path input = Files.writeString(Files.createDirectories(dir.resolve("repo/datasources")).resolve("a.yaml"),
        "apiVersion: 1\n");
    Path killed = leftover(input.getParent(), tempName(deadPid(), Instant.now(), 3));
    Path running = leftover(input.getParent(), AtomicWriter.tempName(0));
    FileSet.Scan scan = FileSet.of(dir.resolve("repo")).scan();
    assertThat(scan.files()).extracting(FileSet.Found::file).containsExactly(input);
    for (Path leftover : scan.leftovers()) {
      AtomicWriter.removeLeftover(leftover);
    }
    assertThat(killed).doesNotExist();
    assertThat(running).exists();
  }
}
