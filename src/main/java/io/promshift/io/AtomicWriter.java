package io.promshift.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces a file's content so that, whatever happens, the file holds either its old or its new bytes:
 * the new bytes go to a temp file in the same directory, are flushed and fsynced (when durable, the
 * default), and the temp file is renamed over the original (permissions kept). A file whose content would not change is not touched, and
 * one that changed on disk since it was read is not overwritten.
 *
 * <p>Thread-safe. {@link #abandonAll()} removes temp files still in flight (for an interrupt handler).
 */
public final class AtomicWriter {
  private static final String TEMP_SUFFIX = ".promshift.tmp";
  private static final long PID = ProcessHandle.current().pid();
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  /** Names temp files; guarded by {@code lock}. */
  private long sequence;
  private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();
  private final Set<Path> knownDirectories = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private final boolean durable;
  private boolean abandoned; // guarded by lock

  /** A writer that fsyncs every file before its rename: for files whose old content must survive a crash. */
  public AtomicWriter() {
    this(true);
  }

  /**
   * @param durable whether each file is fsynced before it is renamed into place. Without it a write is
   *     still atomic for every reader and against a killed process (the rename is), but a power loss may
   *     leave a new file empty: right for an output tree that a rerun rebuilds, wrong for a user's only copy
   */
  public AtomicWriter(boolean durable) {
    this.durable = durable;
  }

  /** What a write did. */
  public enum Outcome {
    WRITTEN, UNCHANGED
  }

  /** The file changed on disk between read and write; it was left as it is. */
  public static final class ConcurrentChangeException extends IOException {
    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(Path path) {
      super(path + " changed on disk since promshift read it; not overwritten");
    }
  }

  /**
   * Writes {@code content} to {@code target} if it differs from {@code original}, the bytes the caller
   * read; a target that no longer holds {@code original} is left alone. A symbolic link is written through:
   * the file it points to is replaced, the link stays a link.
   */
  public Outcome replace(Path target, byte[] original, byte[] content) throws IOException {
    if (Arrays.equals(original, content)) {
      return Outcome.UNCHANGED;
    }
    Path real = target.toRealPath();
    if (!Arrays.equals(Files.readAllBytes(real), original)) {
      throw new ConcurrentChangeException(target);
    }
    write(real, content, real);
    return Outcome.WRITTEN;
  }

  /** Writes a new or existing file atomically (used for output trees); an existing file keeps its permissions. */
  public void write(Path target, byte[] content) throws IOException {
    write(target, content, target);
  }

  /**
   * Writes a new or existing file atomically, with the permissions of {@code permissionsFrom} when that
   * file exists (for an output tree: the input file's), else those of a new temp file (owner only).
   *
   * @throws IOException also when {@link #abandonAll()} has been called: no write starts after it
   */
  public void write(Path target, byte[] content, Path permissionsFrom) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (!knownDirectories.contains(dir)) {
      Files.createDirectories(dir); // throws and catches inside when the folder exists: once per folder
      knownDirectories.add(dir);
    }
    Path temp;
    FileChannel created;
    synchronized (lock) {
      // registered under the same lock abandonAll takes: no temp file can appear after it has run
      if (abandoned) {
        throw new IOException("interrupted: " + target + " was not written");
      }
      // unique within this process by a counter, across processes by the pid; created exclusively, so a
      // leftover of a killed run that had the same pid is skipped, never overwritten
      while (true) {
        temp = dir.resolve("." + target.getFileName() + "." + PID + "." + Long.toString(sequence++, 36) + TEMP_SUFFIX);
        try {
          created = createOwnerOnly(temp);
          break;
        } catch (FileAlreadyExistsException leftover) {
          // try the next name
        }
      }
      inFlight.add(temp);
    }
    boolean moved = false;
    try {
      try (FileChannel channel = created) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        if (durable) {
          channel.force(true);
        }
      }
      copyPermissions(permissionsFrom, temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
      inFlight.remove(temp);
    }
  }

  /** A new temp file readable by its owner alone (as createTempFile makes them) until its permissions are set. */
  private static FileChannel createOwnerOnly(Path temp) throws IOException {
    Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return FileChannel.open(temp, options, OWNER_ONLY);
    }
    return FileChannel.open(temp, options);
  }

  /**
   * Deletes every temp file still being written and refuses every later write (call from an interrupt
   * handler). A write already past its rename has replaced its file whole; one before it leaves the file
   * as it was.
   */
  public void abandonAll() {
    synchronized (lock) {
      abandoned = true;
    }
    for (Path temp : inFlight) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort on the way out
      }
    }
  }

  /** Whether a file name is one of this writer's temp files (a leftover of a process killed outright). */
  public static boolean isTempFile(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".") && name.toString().endsWith(TEMP_SUFFIX);
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(from);
    } catch (NoSuchFileException | UnsupportedOperationException e) {
      return; // a new file with no model, or no POSIX permissions here: the temp file's own stay
    }
    Files.setPosixFilePermissions(to, permissions);
  }
}
