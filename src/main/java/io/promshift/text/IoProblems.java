package io.promshift.text;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What went wrong with a file, in the words a person uses ("no such file", "permission denied"), never a
 * Java class name: every message about a file that promshift could not read, list or write says why
 * through {@link #describe(IOException)}. The file itself is not part of the answer; the caller names it.
 */
public final class IoProblems {
  /** The JDK's own exception types for a system error, which carry no reason: what each means. */
  private static final Map<Class<? extends IOException>, String> BY_TYPE = new LinkedHashMap<>();

  static {
    BY_TYPE.put(NoSuchFileException.class, "no such file");
    BY_TYPE.put(AccessDeniedException.class, "permission denied");
    BY_TYPE.put(FileAlreadyExistsException.class, "a file of that name already exists");
    BY_TYPE.put(DirectoryNotEmptyException.class, "the folder is not empty");
    BY_TYPE.put(NotDirectoryException.class, "not a directory");
    BY_TYPE.put(NotLinkException.class, "not a symbolic link");
    BY_TYPE.put(FileSystemLoopException.class, "too many levels of symbolic links");
    BY_TYPE.put(AtomicMoveNotSupportedException.class, "cannot be renamed in one step here (another file system?)");
    BY_TYPE.put(ClosedByInterruptException.class, "interrupted");
    BY_TYPE.put(InterruptedIOException.class, "interrupted");
    BY_TYPE.put(CharacterCodingException.class, "not valid UTF-8");
  }

  private IoProblems() {}

  /**
   * Why an I/O operation failed, in plain lower-case words.
   *
   * <p>The JDK reports most system errors as a {@link FileSystemException} whose reason is the C library's
   * text for the error ({@code "File name too long"}); a few get their own type and no reason. Both are
   * mapped here. An exception of promshift's own carries a plain message already and keeps it.
   */
  public static String describe(IOException e) {
    String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
    if (reason != null && !reason.isBlank() && !(e instanceof AtomicMoveNotSupportedException)) {
      String known = fromReason(reason);
      if (known != null) {
        return known;
      }
    }
    for (Map.Entry<Class<? extends IOException>, String> type : BY_TYPE.entrySet()) {
      if (type.getKey().isInstance(e)) {
        return type.getValue();
      }
    }
    if (reason == null || reason.isBlank()) {
      return "input/output error";
    }
    // the JDK's other FileSystemExceptions put the file names into getMessage(); the reason alone is the why
    return lowerFirst(reason.strip());
  }

  /**
   * Why a file could not be handled when the failure was not an I/O error: a name this locale cannot
   * encode, or a defect. Used where one file's failure must stay that file's, never the batch's.
   */
  public static String describe(RuntimeException e) {
    if (e instanceof UncheckedIOException unchecked) {
      return describe(unchecked.getCause());
    }
    if (e instanceof InvalidPathException) {
      // under a C/POSIX locale the JDK cannot turn some file names into Java strings and back
      return "the file name cannot be encoded in this locale's character set (run with a UTF-8 locale,"
          + " e.g. LANG=C.UTF-8)";
    }
    if (e instanceof UnsupportedOperationException) {
      return "not supported on this file system";
    }
    if (e instanceof SecurityException) {
      return "permission denied";
    }
    // a defect: the class name helps the report, and the words say what to do
    return "promshift failed on this file (" + e.getClass().getSimpleName() + "); please report this";
  }

  /** The plain words for a C library error text, or null for one not known here. */
  private static String fromReason(String reason) {
    String lower = reason.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("no such file or directory")) {
      return "no such file";
    }
    if (lower.startsWith("too many levels of symbolic links")) {
      // the JDK adds "or unable to access attributes of symbolic link" to this one
      return "too many levels of symbolic links";
    }
    if (lower.startsWith("invalid cross-device link")) {
      return "on another file system";
    }
    if (lower.startsWith("no such device or address")) {
      return "no such device or address (a socket, or a named pipe no program reads)";
    }
    return switch (lower) {
      case "permission denied", "is a directory", "not a directory", "file name too long",
          "no space left on device", "read-only file system", "disk quota exceeded", "input/output error",
          "operation not permitted", "device or resource busy", "text file busy", "too many open files",
          "file too large", "stale file handle", "operation not supported", "invalid argument",
          "file exists", "directory not empty", "resource temporarily unavailable" -> lower;
      default -> null;
    };
  }

  private static String lowerFirst(String text) {
    if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }
}
