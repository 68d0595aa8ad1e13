package io.promshift.text;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file as it was read: its bytes, and what identifies that version of it on disk, so that a writer can
 * tell later whether the file is still the one that was read (see {@code AtomicWriter.replace}). Made by
 * {@link SourceFiles}. Immutable: the bytes are copied in and out.
 *
 * @param path the path the file was read by, as the caller gave it (a symbolic link stays a link)
 * @param fileKey the file system's identity of the file read (device and inode on Unix), or null where the
 *     file system has none
 * @param size the size the file system reported while it was read
 * @param lastModified the modification time reported while it was read
 * @param regularFile whether it was a regular file; a named pipe or a device can be read, never replaced
 * @param bytes the content
 */
public record FileSnapshot(
    Path path, Object fileKey, long size, FileTime lastModified, boolean regularFile, byte[] bytes) {
  public FileSnapshot {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lastModified, "lastModified");
    bytes = bytes.clone();
  }

  /** A copy of the content. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content without a copy, read-only. */
  public ByteBuffer content() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** The number of bytes read. */
  public int length() {
    return bytes.length;
  }

  /** Whether {@code other} is exactly the content read. */
  public boolean contentEquals(byte[] other) {
    return Arrays.equals(bytes, other);
  }

  /** Whether another snapshot shows the same file, unchanged: same identity, size, time and content. */
  public boolean sameVersionAs(FileSnapshot other) {
    return Objects.equals(fileKey, other.fileKey) && size == other.size && lastModified.equals(other.lastModified)
        && regularFile == other.regularFile && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileSnapshot that && path.equals(that.path) && sameVersionAs(that);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, fileKey, size, lastModified, regularFile, Arrays.hashCode(bytes));
  }

  /** Never the content: a provisioning file may hold secrets. */
  @Override
  public String toString() {
    return "FileSnapshot[" + path + ", " + bytes.length + " bytes, key " + fileKey + ", modified " + lastModified + "]";
  }
}
