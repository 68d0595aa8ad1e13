package io.promshift.io;

import io.promshift.text.FileSnapshot;
import io.promshift.text.IoProblems;
import io.promshift.text.SourceFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a file's content so that, whatever happens, the file holds either its old or its new bytes:
 * the new bytes go to a temp file in the same directory, are flushed and fsynced (when durable, the
 * default), and the temp file is renamed over the original. A file whose content would not change is not
 * touched.
 *
 * <p><b>What the new file keeps.</b> Its owner and group, its whole mode (setuid, setgid and sticky bits
 * included; set after the owner, since chown clears setuid), and its {@code user.*} extended attributes
 * (where the file system has none, there is nothing to keep). A file whose owner cannot be kept (promshift
 * is not root and the file belongs to someone else) is refused, never given a new owner. A file with more
 * than one hard link is refused: a rename would give one name the new content and leave the others with
 * the old.
 *
 * <p><b>Changes by others.</b> {@link #replace(FileSnapshot, byte[])} takes the file as it was read, with
 * its identity (device and inode, size, modification time). The identity is checked before the temp file
 * is made, and again, with the bytes read once more, after the temp file is complete and just before the
 * rename; a file that another process replaced, appended to or edited meanwhile is left as it is and a
 * {@link ConcurrentChangeException} names it. What remains is a window no user-space check can close:
 * between that final check and rename(2), a writer can still slip in, and its edit is replaced. And
 * rename replaces the inode: a process that holds the old file open (an editor, {@code cat >>}, an
 * appending logger) and writes to it after the rename writes into the old, now unlinked inode, and that
 * write is lost without an error to the writer. Only a lock that every writer takes could close these
 * gaps, and Unix has no atomic compare-and-rename.
 *
 * <p><b>Temp files.</b> Named {@code .promshift-<pid>-<start>-<n>.tmp}: plain ASCII and short, whatever the
 * target's name (a target name of 255 bytes, or one that a C locale cannot decode, must not break the
 * write). A run killed outright leaves its temp file; the next writing run over that folder removes it
 * through {@link #removeLeftover(Path)}, which spares the temp files of a process still alive.
 *
 * <p>Every {@link IOException} thrown here has a message in plain words that names the file: print it as it
 * is. Thread-safe. {@link #abandonAll()} removes temp files still in flight (for an interrupt handler).
 */
public final class AtomicWriter {
  /** The temp name of promshift 0.1 snapshots before this one: {@code .<name>.<pid>.<n>.promshift.tmp}. */
  private static final String OLD_TEMP_SUFFIX = ".promshift.tmp";
  private static final Pattern TEMP_NAME = Pattern.compile("\\.promshift-([0-9]{1,19})-([0-9a-z]{1,13})-[0-9a-z]{1,13}\\.tmp");
  private static final Pattern OLD_TEMP_NAME = Pattern.compile("\\..+\\.([0-9]{1,19})\\.[0-9a-z]{1,13}\\.promshift\\.tmp",
      Pattern.DOTALL);
  private static final long PID = ProcessHandle.current().pid();
  /** With the pid, tells this process from an earlier one that had the same pid (a container's pid 1). */
  private static final long STARTED =
      ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  private static final String TEMP_STEM = ".promshift-" + PID + "-" + Long.toString(STARTED, 36) + "-";
  /** Two readings of a process's start time may differ by the clock's resolution. */
  private static final long START_TOLERANCE_MILLIS = 1000;
  private static final int PERMISSION_BITS = 0777;
  private static final int MODE_BITS = 07777;
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

  /** Names temp files; guarded by {@code lock}. */
  private long sequence;
  private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();
  private final Set<Path> knownDirectories = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private final boolean durable;
  /** Runs after the temp file is complete, before the final check: where tests play the other process. */
  private final Consumer<Path> beforeFinalCheck;
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
    this(durable, target -> { });
  }

  AtomicWriter(boolean durable, Consumer<Path> beforeFinalCheck) {
    this.durable = durable;
    this.beforeFinalCheck = beforeFinalCheck;
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
   * The file was left as it is because replacing it would lose something: its other hard links, its owner or
   * its mode; or it is no regular file. The message says which, and what to do.
   */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
      super(message);
    }
  }

  /**
   * Writes {@code content} over the file {@code read} came from, if it differs from what was read and the
   * file is still the one read (same inode, size, modification time and bytes, checked again just before the
   * rename). A symbolic link is written through: the file it points to is replaced, the link stays a link.
   *
   * @throws ConcurrentChangeException when the file changed since it was read (it is left as it is)
   * @throws RefusedException when the file has several hard links, or its owner or mode cannot be kept
   * @throws IOException when the write fails (the file keeps its old content); the message says why
   */
  public Outcome replace(FileSnapshot read, byte[] content) throws IOException {
    if (read.contentEquals(content)) {
      return Outcome.UNCHANGED;
    }
    Path target = read.path();
    try {
      if (!read.regularFile()) {
        throw new RefusedException(target + " is not a regular file (a named pipe or a device); not rewritten");
      }
      Path real;
      Metadata before;
      try {
        real = target.toRealPath();
        before = Metadata.of(real);
      } catch (NoSuchFileException e) {
        throw new ConcurrentChangeException(target); // removed since it was read
      }
      if (!before.sameVersionAs(read)) {
        throw new ConcurrentChangeException(target);
      }
      if (before.links() > 1) {
        throw new RefusedException(target + " has " + before.links() + " hard links; replacing it would split them:"
            + " the other names would keep the old content. Not rewritten (edit it in place, or remove the other"
            + " links first)");
      }
      write(real, content, temp -> {
        keepOwnerAndMode(before, temp, target);
        copyUserAttributes(real, temp);
      }, () -> checkUnchanged(read, before, real));
      return Outcome.WRITTEN;
    } catch (ConcurrentChangeException | RefusedException | AbandonedException e) {
      throw e;
    } catch (IOException e) {
      throw failed(target, e);
    } catch (RuntimeException e) {
      throw new IOException("cannot write " + target + " (" + IoProblems.describe(e) + ")", e);
    }
  }

  /**
   * Writes {@code content} to {@code target} if it differs from {@code original}, the bytes the caller
   * read; a target that no longer holds {@code original} is left alone. Prefer
   * {@link #replace(FileSnapshot, byte[])}: this form can only compare content since the read, and the
   * file's identity from this call on.
   */
  public Outcome replace(Path target, byte[] original, byte[] content) throws IOException {
    if (Arrays.equals(original, content)) {
      return Outcome.UNCHANGED;
    }
    FileSnapshot now;
    try {
      if (!Files.isRegularFile(target)) {
        throw Files.exists(target) ? new RefusedException(target + " is not a regular file (a named pipe or a"
            + " device); not rewritten") : new ConcurrentChangeException(target);
      }
      now = SourceFiles.limitedTo(original.length).snapshot(target);
    } catch (SourceFiles.TooLargeException | NoSuchFileException e) {
      throw new ConcurrentChangeException(target);
    } catch (ConcurrentChangeException | RefusedException e) {
      throw e;
    } catch (IOException e) {
      throw failed(target, e);
    } catch (RuntimeException e) {
      throw new IOException("cannot write " + target + " (" + IoProblems.describe(e) + ")", e);
    }
    if (!now.contentEquals(original)) {
      throw new ConcurrentChangeException(target);
    }
    return replace(now, content);
  }

  /** Writes a new or existing file atomically (used for output trees); an existing file keeps its mode. */
  public void write(Path target, byte[] content) throws IOException {
    write(target, content, target);
  }

  /**
   * Writes a new or existing file atomically, with the mode of {@code permissionsFrom} when that file
   * exists (for an output tree: the input file's), and its owner and group where this process may give
   * them (as root); else the new file is its writer's, readable by its owner only. Special bits (setuid,
   * setgid, sticky) are copied only along with the owner.
   *
   * @throws IOException also when {@link #abandonAll()} has been called: no write starts after it
   */
  public void write(Path target, byte[] content, Path permissionsFrom) throws IOException {
    namingFailures(target, () -> {
      Optional<Metadata> model = Metadata.ifExists(permissionsFrom);
      write(target, content, temp -> {
        if (model.isPresent()) {
          copyOwnerAndModeIfPossible(model.get(), temp);
        }
      }, () -> { });
    });
  }

  /**
   * Writes a file atomically with the mode any new file of this process gets (0666 less the umask, typically
   * rw-r--r--), whether or not it existed: for a report, which holds no secret and is read by other tools and
   * users (a CI job uploading it, a web server serving it). Not for a file that may hold a secret: {@link
   * #write(Path, byte[])} makes those readable by their owner alone.
   */
  public void writeWithDefaultMode(Path target, byte[] content) throws IOException {
    namingFailures(target, () -> write(target, content, false, temp -> { }, () -> { }));
  }

  private interface Writing {
    void run() throws IOException;
  }

  /** Runs a write; any failure but an abandoned run's becomes an IOException naming the target in plain words. */
  private static void namingFailures(Path target, Writing writing) throws IOException {
    try {
      writing.run();
    } catch (AbandonedException e) {
      throw e;
    } catch (IOException e) {
      throw failed(target, e);
    } catch (RuntimeException e) {
      throw new IOException("cannot write " + target + " (" + IoProblems.describe(e) + ")", e);
    }
  }

  /** What to do to the complete temp file before the rename; throws to leave the target as it is. */
  private interface Preparation {
    void prepare(Path temp) throws IOException;
  }

  /** The last look at the target before the rename. */
  private interface FinalCheck {
    void check() throws IOException;
  }

  /** No write starts after {@link #abandonAll()}. */
  private static final class AbandonedException extends IOException {
    private static final long serialVersionUID = 1L;

    AbandonedException(Path target) {
      super("interrupted: " + target + " was not written");
    }
  }

  private void write(Path target, byte[] content, Preparation preparation, FinalCheck finalCheck) throws IOException {
    write(target, content, true, preparation, finalCheck);
  }

  /**
   * @param ownerOnly whether the temp file is created readable by its owner alone (until the preparation gives it
   *     its mode), or with the mode the umask gives a new file
   */
  private void write(Path target, byte[] content, boolean ownerOnly, Preparation preparation, FinalCheck finalCheck)
      throws IOException {
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
        throw new AbandonedException(target);
      }
      // unique within this process by a counter, across processes by the pid and start time; created
      // exclusively, so a leftover of a killed run with the same name is skipped, never overwritten
      while (true) {
        temp = dir.resolve(tempName(sequence++));
        try {
          created = ownerOnly ? createOwnerOnly(temp)
              : FileChannel.open(temp, EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
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
        preparation.prepare(temp);
        if (durable) {
          channel.force(true);
        }
      }
      beforeFinalCheck.accept(target);
      finalCheck.check();
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

  /** A temp file's name: ASCII, at most about 45 bytes, never derived from the target's name. */
  static String tempName(long sequence) {
    return TEMP_STEM + Long.toString(sequence, 36) + ".tmp";
  }

  /** A new temp file readable by its owner alone (as createTempFile makes them) until its mode is set. */
  private static FileChannel createOwnerOnly(Path temp) throws IOException {
    Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return FileChannel.open(temp, options, OWNER_ONLY);
    }
    return FileChannel.open(temp, options);
  }

  /** The final check: same inode, size and time as when read, no metadata change since this write began, same bytes. */
  private static void checkUnchanged(FileSnapshot read, Metadata before, Path real) throws IOException {
    Path target = read.path();
    Metadata now;
    FileSnapshot again;
    try {
      now = Metadata.of(real);
      if (!now.sameVersionAs(read) || !Objects.equals(now.changed(), before.changed())) {
        throw new ConcurrentChangeException(target);
      }
      again = SourceFiles.limitedTo(read.length()).snapshot(real);
    } catch (NoSuchFileException | SourceFiles.TooLargeException e) {
      throw new ConcurrentChangeException(target);
    }
    if (!again.sameVersionAs(read)) {
      throw new ConcurrentChangeException(target);
    }
  }

  /**
   * Gives the temp file the original's owner, group and mode, or refuses: a file is never handed to another
   * owner, nor left with fewer mode bits, by being rewritten.
   */
  private static void keepOwnerAndMode(Metadata original, Path temp, Path target) throws IOException {
    if (original.uid() == null) {
      if (original.permissions() != null) {
        Files.setPosixFilePermissions(temp, original.permissions());
      }
      return;
    }
    Map<String, Object> mine = Files.readAttributes(temp, "unix:uid,gid");
    int uid = (Integer) mine.get("uid");
    int gid = (Integer) mine.get("gid");
    try {
      if (uid != original.uid()) {
        Files.setAttribute(temp, "unix:uid", original.uid());
      }
      if (gid != original.gid()) {
        Files.setAttribute(temp, "unix:gid", original.gid());
      }
    } catch (IOException e) {
      throw new RefusedException(target + " belongs to " + original.uid() + ":" + original.gid() + ", and promshift,"
          + " running as " + uid + ":" + gid + ", cannot give the new file that owner (" + IoProblems.describe(e)
          + "); not rewritten (run as the file's owner or as root)");
    }
    int mode = original.mode() & MODE_BITS;
    // after the chown: chown clears the setuid and setgid bits
    Files.setAttribute(temp, "unix:mode", mode);
    int kept = (Integer) Files.getAttribute(temp, "unix:mode") & MODE_BITS;
    if (kept != mode) {
      throw new RefusedException(target + " has mode " + Integer.toOctalString(mode) + ", which the new file could not"
          + " get (it came out as " + Integer.toOctalString(kept) + "); not rewritten");
    }
  }

  /**
   * For an output tree: the input's owner and group where this process may give them, then its mode; the
   * setuid, setgid and sticky bits only with the owner (never on a file of another owner than the input's).
   */
  private static void copyOwnerAndModeIfPossible(Metadata model, Path temp) throws IOException {
    if (model.uid() == null) {
      if (model.permissions() != null) {
        Files.setPosixFilePermissions(temp, model.permissions());
      }
      return;
    }
    boolean ownerKept;
    try {
      Map<String, Object> mine = Files.readAttributes(temp, "unix:uid,gid");
      if (!model.uid().equals(mine.get("uid"))) {
        Files.setAttribute(temp, "unix:uid", model.uid());
      }
      if (!model.gid().equals(mine.get("gid"))) {
        Files.setAttribute(temp, "unix:gid", model.gid());
      }
      ownerKept = true;
    } catch (IOException e) {
      ownerKept = false; // best effort: the output is this user's
    }
    Files.setAttribute(temp, "unix:mode", model.mode() & (ownerKept ? MODE_BITS : PERMISSION_BITS));
  }

  /** Copies every {@code user.*} extended attribute; a file system without them has none to copy. */
  private static void copyUserAttributes(Path from, Path to) throws IOException {
    UserDefinedFileAttributeView source = Files.getFileAttributeView(from, UserDefinedFileAttributeView.class);
    UserDefinedFileAttributeView target = Files.getFileAttributeView(to, UserDefinedFileAttributeView.class);
    if (source == null || target == null) {
      return;
    }
    List<String> names;
    try {
      names = source.list();
    } catch (IOException | UnsupportedOperationException e) {
      return; // no extended attributes on this file system
    }
    for (String name : names) {
      ByteBuffer value = ByteBuffer.allocate(source.size(name));
      source.read(name, value);
      value.flip();
      target.write(name, value);
    }
  }

  private static IOException failed(Path target, IOException e) {
    return new IOException("cannot write " + target + " (" + IoProblems.describe(e) + ")", e);
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

  /** Whether a file name is one of this writer's temp files, by today's name or an earlier version's. */
  public static boolean isTempFile(Path path) {
    Path name = path.getFileName();
    if (name == null) {
      return false;
    }
    String text = name.toString();
    return TEMP_NAME.matcher(text).matches() || text.startsWith(".") && text.endsWith(OLD_TEMP_SUFFIX);
  }

  /**
   * Removes a temp file that a promshift run killed outright left behind (see {@link FileSet.Scan#leftovers()}),
   * and only such a file: its name must be a temp file's, and the process named in it must be gone. A temp
   * file of a run still writing (this one included) is left alone, as is one whose writer cannot be told
   * from its name (the random names of early versions).
   *
   * @return whether the file was removed
   * @throws IOException when a leftover cannot be removed; the message names it and says why
   */
  public static boolean removeLeftover(Path path) throws IOException {
    Path name = path.getFileName();
    if (name == null) {
      return false;
    }
    String text = name.toString();
    Matcher current = TEMP_NAME.matcher(text);
    Matcher old = OLD_TEMP_NAME.matcher(text);
    boolean alive;
    if (current.matches()) {
      alive = isAlive(Long.parseLong(current.group(1)), Long.parseLong(current.group(2), 36));
    } else if (old.matches()) {
      alive = isAlive(Long.parseLong(old.group(1)), 0);
    } else {
      return false;
    }
    if (alive || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      return Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new IOException("cannot remove the leftover temp file " + path + " (" + IoProblems.describe(e) + ")", e);
    }
  }

  /** Whether the process that wrote a temp file is still running: same pid, and (when known) same start. */
  private static boolean isAlive(long pid, long startedMillis) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    if (startedMillis == 0) {
      return true; // no start time in the name: the pid alone must do
    }
    return process.get().info().startInstant()
        .map(started -> Math.abs(started.toEpochMilli() - startedMillis) <= START_TOLERANCE_MILLIS)
        .orElse(true);
  }

  /**
   * What one stat of a file tells: its identity for the change check, its links, owner and mode to keep.
   * The Unix fields are null where the file system has no Unix view.
   */
  private record Metadata(Object fileKey, long size, FileTime lastModified, FileTime changed, int links,
      Integer uid, Integer gid, Integer mode, Set<PosixFilePermission> permissions) {

    static Metadata of(Path path) throws IOException {
      if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
        Map<String, Object> unix = Files.readAttributes(path, "unix:*");
        return new Metadata(unix.get("fileKey"), (Long) unix.get("size"), (FileTime) unix.get("lastModifiedTime"),
            (FileTime) unix.get("ctime"), (Integer) unix.get("nlink"), (Integer) unix.get("uid"),
            (Integer) unix.get("gid"), (Integer) unix.get("mode"), null);
      }
      BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
      Set<PosixFilePermission> permissions = null;
      try {
        permissions = Files.getPosixFilePermissions(path);
      } catch (UnsupportedOperationException e) {
        // no POSIX permissions here: the temp file's own stay
      }
      return new Metadata(basic.fileKey(), basic.size(), basic.lastModifiedTime(), null, 1, null, null, null,
          permissions);
    }

    static Optional<Metadata> ifExists(Path path) throws IOException {
      try {
        return Optional.of(of(path));
      } catch (NoSuchFileException e) {
        return Optional.empty(); // a new file with no model: the temp file's own mode stays
      }
    }

    /** Whether this is the file a snapshot read, unchanged as far as a stat can tell. */
    boolean sameVersionAs(FileSnapshot read) {
      return Objects.equals(fileKey, read.fileKey()) && size == read.size() && lastModified.equals(read.lastModified());
    }
  }
}
