package io.promshift.text;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way promshift reads a file it was given: provisioning files, env files, and the re-read before a
 * write. Whatever the path names, at most {@code maxSize + 1} bytes are read, so a link to
 * {@code /dev/zero} or a huge file costs a bounded amount of memory and time and is refused "over the limit
 * of N bytes" (the size the file system reports is not trusted: a device reports 0). A named pipe is read
 * like a file (so {@code validate <(helm template ...)} works), but one that no program opens for writing
 * within {@code openTimeout} is an error, never a hang. A socket and a directory are refused.
 *
 * <p>A regular file comes back with what identifies it on disk (a {@link FileSnapshot}); it is read again
 * when it changes while being read. A path that is replaced by a named pipe between the look at its type
 * and its opening can still block that opening; nothing short of {@code O_NONBLOCK}, which Java does not
 * offer, closes that gap.
 *
 * <p>Immutable and thread-safe: one instance serves any number of threads.
 *
 * @param maxSize the largest file accepted, in bytes
 * @param openTimeout how long a named pipe (or device) may take to open before the read gives up
 */
public record SourceFiles(long maxSize, Duration openTimeout) {
  /** Long enough for a program started on the same command line; short enough that a mistake is not a hang. */
  public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofSeconds(5);
  /** The largest array the JVM will allocate. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int CHUNK = 8192;
  /** How often a file that keeps changing while being read is read again before giving up. */
  private static final int ATTEMPTS = 3;
  private static final int FILE_TYPE = 0170000;
  private static final int FIFO = 0010000;
  private static final int SOCKET = 0140000;

  public SourceFiles {
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize must not be negative: " + maxSize);
    }
    Objects.requireNonNull(openTimeout, "openTimeout");
    if (openTimeout.isNegative() || openTimeout.isZero()) {
      throw new IllegalArgumentException("openTimeout must be positive: " + openTimeout);
    }
  }

  /** A reader with this size limit and the default time a named pipe gets to open. */
  public static SourceFiles limitedTo(long maxSize) {
    return new SourceFiles(maxSize, DEFAULT_OPEN_TIMEOUT);
  }

  public SourceFiles withOpenTimeout(Duration timeout) {
    return new SourceFiles(maxSize, timeout);
  }

  /** The file is larger than the limit; nothing past the limit was read. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;
    private final long size;

    /** @param size the size the file system reported, or -1 when it is not known (a device, a pipe) */
    public TooLargeException(long size, long limit) {
      super(size >= 0 ? "the file is " + size + " bytes, over the limit of " + limit + " bytes"
          : "the file is over the limit of " + limit + " bytes");
      this.size = size;
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }

    public OptionalLong size() {
      return size >= 0 ? OptionalLong.of(size) : OptionalLong.empty();
    }
  }

  /** A named pipe (or device) did not open in time: no program was writing to it. */
  public static final class OpenTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    public OpenTimeoutException(String message) {
      super(message);
    }
  }

  /**
   * Reads a file, or fails with a {@link SourceException} at 1:1 that names it and says why in plain words
   * ("cannot read the file (no such file)", "the file is over the limit of N bytes").
   */
  public FileSnapshot read(Path path) {
    try {
      return snapshot(path);
    } catch (TooLargeException e) {
      throw new SourceException(path.toString(), Position.START, SourceException.Kind.LIMIT, e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new SourceException(path.toString(), Position.START, SourceException.Kind.NOT_FOUND,
          "there is no file or folder at this path");
    } catch (IOException e) {
      throw new SourceException(path.toString(), Position.START, SourceException.Kind.UNREADABLE,
          "cannot read the file (" + IoProblems.describe(e) + ")");
    } catch (RuntimeException e) {
      // a name this locale cannot encode, or a defect: this file's failure, never the caller's batch's
      throw new SourceException(path.toString(), Position.START, SourceException.Kind.UNREADABLE,
          "cannot read the file (" + IoProblems.describe(e) + ")");
    }
  }

  /**
   * Reads a file; every failure is an {@link IOException} for {@link IoProblems#describe(IOException)}:
   * {@link TooLargeException} over the limit, {@link OpenTimeoutException} for a pipe nobody writes to.
   */
  public FileSnapshot snapshot(Path path) throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class);
      if (before.isDirectory()) {
        throw new FileSystemException(path.toString(), null, "Is a directory");
      }
      if (!before.isRegularFile()) {
        return readSpecial(path, before);
      }
      if (before.size() > maxSize) {
        throw new TooLargeException(before.size(), maxSize);
      }
      byte[] bytes;
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
        bytes = readBounded(channel, before.size());
      }
      BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class);
      // the same file before and after, and all of it: else someone wrote to it meanwhile, so read it again.
      // A size of 0 is what /proc and /sys report for files that do have content: not a change.
      boolean unchanged = Objects.equals(before.fileKey(), after.fileKey()) && before.size() == after.size()
          && before.lastModifiedTime().equals(after.lastModifiedTime())
          && (after.size() == 0 || bytes.length == after.size());
      if (unchanged) {
        return new FileSnapshot(path, after.fileKey(), after.size(), after.lastModifiedTime(), true, bytes);
      }
    }
    throw new IOException("the file kept changing while promshift read it");
  }

  /** A named pipe, a device, or a socket (refused): opened within the timeout, then read like any stream. */
  private FileSnapshot readSpecial(Path path, BasicFileAttributes attributes) throws IOException {
    int type = fileType(path);
    if (type == SOCKET) {
      throw new FileSystemException(path.toString(), null, "is a socket, not a file");
    }
    byte[] bytes;
    try (FileChannel channel = openWithin(path, type == FIFO)) {
      bytes = readBounded(channel, -1);
    }
    return new FileSnapshot(path, attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(), false, bytes);
  }

  /** The {@code S_IFMT} bits of a file (links followed), or 0 where the file system does not tell them. */
  private static int fileType(Path path) {
    try {
      return (Integer) Files.getAttribute(path, "unix:mode") & FILE_TYPE;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 0;
    }
  }

  /**
   * Opens a file that may block in open(2) (a named pipe waits there for a writer) on a helper thread, and
   * gives up after the timeout. A pipe's blocked opener is then released by opening the pipe for reading and
   * writing here (on Linux that never blocks, and it gives the opener the writer it waits for), and both
   * ends are closed. A thread blocked on a device, or on a pipe this user may not open for writing, stays
   * blocked, as a daemon that cannot keep the JVM from exiting.
   */
  private FileChannel openWithin(Path path, boolean fifo) throws IOException {
    CompletableFuture<FileChannel> opened = new CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        opened.complete(FileChannel.open(path, StandardOpenOption.READ));
      } catch (Throwable e) {
        opened.completeExceptionally(e);
      }
    }, "promshift-open");
    opener.setDaemon(true);
    opener.start();
    try {
      return opened.get(openTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      release(path, fifo, opened);
      throw new OpenTimeoutException((fifo ? "no program opened this named pipe for writing within "
          : "it did not open within ") + seconds(openTimeout));
    } catch (InterruptedException e) {
      release(path, fifo, opened);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  /** Unblocks the helper still waiting to open a named pipe, and closes whatever it opened. */
  private static void release(Path path, boolean fifo, CompletableFuture<FileChannel> opened) {
    if (fifo) {
      try (FileChannel unblock = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        opened.get(1, TimeUnit.SECONDS).close();
      } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
        // best effort: the helper is a daemon thread
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // a late open on a device is closed as soon as it happens
    opened.thenAccept(channel -> {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was read from it
      }
    });
  }

  /**
   * Reads to the end, but never more than {@code maxSize + 1} bytes: one more than the limit proves the
   * file is over it.
   *
   * @param expected the size the file system reported, or -1 when it does not know (the buffer then grows)
   */
  private byte[] readBounded(FileChannel channel, long expected) throws IOException {
    long limit = Math.min(maxSize, MAX_ARRAY - 1);
    // a size of 0 may be a /proc file that has content, and some of those (sysctl values) answer only a
    // read from offset 0: a first read of one byte would be all they ever give
    int capacity = (int) Math.min(expected > 0 ? expected + 1 : CHUNK, limit + 1);
    byte[] buffer = new byte[Math.max(capacity, 1)];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (length > limit) {
          break;
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(2L * length, CHUNK), limit + 1));
      }
      int read = channel.read(ByteBuffer.wrap(buffer, length, buffer.length - length));
      if (read < 0) {
        break;
      }
      length += read;
    }
    if (length > limit) {
      throw new TooLargeException(-1, limit);
    }
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
