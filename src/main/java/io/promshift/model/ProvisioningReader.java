package io.promshift.model;

import io.promshift.syntax.ReadSettings;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlReader;
import io.promshift.text.FileSnapshot;
import io.promshift.text.Position;
import io.promshift.text.SourceException.Kind;
import io.promshift.text.SourceException;
import io.promshift.text.SourceFiles;
import io.promshift.text.SourceText;
import java.nio.file.Path;

/**
 * The whole read of one provisioning file: bytes → text → template check → syntax tree → model. Every
 * failure is a {@link SourceException} with a position. Thread-safe.
 */
public final class ProvisioningReader {
  private final ReadSettings settings;
  private final YamlReader reader;

  /** The limits this reader reads within. */
  public ReadSettings settings() {
    return settings;
  }

  /** The same reader without comments: for checks that only need the data. */
  public ProvisioningReader dataOnly() {
    return settings.comments() ? new ProvisioningReader(settings.toBuilder().comments(false).build()) : this;
  }

  public ProvisioningReader(ReadSettings settings) {
    this.settings = settings;
    this.reader = new YamlReader(settings);
  }

  public ProvisioningFile read(Path path) {
    return read(path.toString(), readBytes(path, settings.maxFileSize()));
  }

  /**
   * A file's bytes with what identifies it on disk, read within this reader's size limit: what a caller that
   * may rewrite the file keeps, so the write can tell whether the file changed meanwhile.
   *
   * @throws SourceException naming the file when it cannot be read or is too large
   */
  public FileSnapshot snapshot(Path path) {
    return SourceFiles.limitedTo(settings.maxFileSize()).read(path);
  }

  public ProvisioningFile read(String name, byte[] bytes) {
    return read(decode(name, bytes));
  }

  public ProvisioningFile read(SourceText source) {
    return ProvisioningFile.of(parse(source));
  }

  /** Decodes a file's bytes, refusing it first when it is over the size limit. */
  public SourceText decode(String name, byte[] bytes) {
    if (bytes.length > settings.maxFileSize()) {
      throw new SourceException(name, Position.START, Kind.LIMIT, "the file is " + bytes.length
          + " bytes, over the limit of " + settings.maxFileSize() + " bytes");
    }
    return SourceText.decode(name, bytes);
  }

  /**
   * The syntax tree of a text meant to be provisioning YAML (templates refused), as go-yaml's parser builds it: a key
   * written twice and an alias inside its own collection are kept for {@link ProvisioningFile} to judge where Grafana
   * decodes them ({@link YamlReader#readParsed}).
   */
  public YamlDocument parse(SourceText source) {
    Templates.check(source);
    return reader.readParsed(source);
  }

  /**
   * A file's bytes, or a {@link SourceException} naming it when it cannot be read or is too large. Never more
   * than {@code maxSize + 1} bytes are read, whatever the path names (a device, a pipe); see {@link SourceFiles}.
   */
  public static byte[] readBytes(Path path, long maxSize) {
    return SourceFiles.limitedTo(maxSize).read(path).bytes();
  }
}
