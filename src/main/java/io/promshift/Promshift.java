package io.promshift;

import io.promshift.model.ProvisioningFile;
import io.promshift.model.Templates;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlReader;
import io.promshift.text.Position;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The library's entry point: reads Grafana data source provisioning files as Grafana 9.4+ reads them.
 * Thread-safe and free of global state; build one from {@link PromshiftSettings} and share it.
 *
 * <pre>{@code
 * Promshift promshift = Promshift.create();
 * ProvisioningFile file = promshift.read(Path.of("datasources.yaml"));
 * }</pre>
 */
public final class Promshift {
  private final PromshiftSettings settings;
  private final YamlReader reader;

  private Promshift(PromshiftSettings settings) {
    this.settings = settings;
    this.reader = new YamlReader(settings.read());
  }

  public static Promshift create() {
    return new Promshift(PromshiftSettings.DEFAULTS);
  }

  public static Promshift create(PromshiftSettings settings) {
    return new Promshift(settings);
  }

  public PromshiftSettings settings() {
    return settings;
  }

  /**
   * Reads and models one file.
   *
   * @throws SourceException for any bad input (I/O, encoding, YAML, templates, limits), with its position
   */
  public ProvisioningFile read(Path path) {
    return read(path.toString(), readBytes(path));
  }

  /** Reads and models a file's bytes; {@code name} is used in messages. */
  public ProvisioningFile read(String name, byte[] bytes) {
    return model(parse(name, bytes));
  }

  /** Reads text already in memory. */
  public ProvisioningFile read(String name, String text) {
    return model(reader.read(checked(SourceText.of(name, text))));
  }

  /** Parses a file's bytes into its syntax tree without modelling it. */
  public YamlDocument parse(String name, byte[] bytes) {
    if (bytes.length > settings.read().maxFileSize()) {
      throw new SourceException(name, Position.START, "the file is " + bytes.length
          + " bytes, over the limit of " + settings.read().maxFileSize() + " bytes");
    }
    return reader.read(checked(SourceText.decode(name, bytes)));
  }

  private static SourceText checked(SourceText source) {
    Templates.check(source);
    return source;
  }

  private static ProvisioningFile model(YamlDocument document) {
    return ProvisioningFile.of(document);
  }

  /** A file's bytes, or a {@link SourceException} naming it when it cannot be read. */
  public static byte[] readBytes(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new SourceException(path.toString(), Position.START, "cannot read the file: "
          + e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage());
    }
  }
}
