package io.promshift;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningFile;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.YamlDocument;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
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
  private final ProvisioningReader reader;

  private Promshift(PromshiftSettings settings) {
    this.settings = settings;
    this.reader = new ProvisioningReader(settings.read());
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

  /** The reading pipeline this instance uses (for the migration and validation layers). */
  public ProvisioningReader reader() {
    return reader;
  }

  /**
   * Reads and models one file.
   *
   * @throws SourceException for any bad input (I/O, size, encoding, YAML, templates, limits), with its position
   */
  public ProvisioningFile read(Path path) {
    return reader.read(path);
  }

  /** Reads and models a file's bytes; {@code name} is used in messages. */
  public ProvisioningFile read(String name, byte[] bytes) {
    return reader.read(name, bytes);
  }

  /** Reads text already in memory. */
  public ProvisioningFile read(String name, String text) {
    return reader.read(SourceText.of(name, text));
  }

  /** A migrator with these settings' reader: thread-safe, for any number of files. */
  public Migrator migrator(MigrationOptions options) {
    return new Migrator(reader, options);
  }

  /** Parses a file's bytes into its syntax tree without modelling it. */
  public YamlDocument parse(String name, byte[] bytes) {
    return reader.parse(reader.decode(name, bytes));
  }
}
