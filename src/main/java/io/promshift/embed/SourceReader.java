package io.promshift.embed;

import io.promshift.model.ProvisioningFile;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.syntax.YamlReader;
import io.promshift.syntax.YamlStream;
import io.promshift.text.FileSnapshot;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.nio.file.Path;

/**
 * The one read of a file that may define data sources: a plain provisioning file is read exactly as Grafana reads it
 * (first document, go-yaml v3, duplicate keys and templates refused — {@link ProvisioningReader}); any other YAML file
 * is read once as a whole stream, as kubectl and Helm read it (every document, a key written twice keeps its last
 * value), and its units are located in that one parse.
 *
 * <p>A file that is YAML but neither defines no data sources (a {@code {{ }}} inside its strings is a value there, as
 * it is in Helm values). A stream that does not parse is refused with the parser's position (a template that is not
 * YAML says so), unless its first document is a plain provisioning file: Grafana reads only that one.
 *
 * <p>Thread-safe: holds only immutable settings.
 */
public final class SourceReader {
  private final ProvisioningReader reader;
  private final YamlReader streamReader;
  private final UnitSettings settings;

  public SourceReader(ProvisioningReader reader, UnitSettings settings) {
    this.reader = reader;
    this.streamReader = new YamlReader(reader.settings());
    this.settings = settings;
  }

  public ProvisioningReader provisioningReader() {
    return reader;
  }

  public UnitSettings settings() {
    return settings;
  }

  /** The same reader without comments: for checks that only need the data. */
  public SourceReader dataOnly() {
    ProvisioningReader data = reader.dataOnly();
    return data == reader ? this : new SourceReader(data, settings);
  }

  /** Reads a file within the size limit; see {@link ProvisioningReader#snapshot}. */
  public FileSnapshot snapshot(Path path) {
    return reader.snapshot(path);
  }

  public SourceFile read(Path path) {
    FileSnapshot snapshot = reader.snapshot(path);
    return read(reader.decode(path.toString(), snapshot.bytes()));
  }

  /**
   * Reads one file's text.
   *
   * @throws SourceException for a file that cannot be read as what it is, with its position
   */
  public SourceFile read(SourceText source) {
    if (!settings.embedded()) {
      return SourceFile.plain(reader.read(source));
    }
    YamlStream stream;
    try {
      stream = streamReader.readStream(source, true);
    } catch (SourceException broken) {
      // Grafana reads only the first document of a provisioning file: a broken later one does not matter to it.
      ProvisioningFile plain = reader.read(source);
      if (plain.isDataSourceProvisioning()) {
        return SourceFile.plain(plain);
      }
      throw broken;
    }
    if (stream.documents().isEmpty() || isPlainProvisioning(stream.documents().get(0))) {
      return SourceFile.plain(reader.read(source));
    }
    UnitLocator locator = new UnitLocator(settings.rules()).locate(stream);
    return new SourceFile(source, null, stream, locator.units(), locator.misplaced());
  }

  /** What is said of a file that defines no data sources, one wording for every command. */
  public String nothingHere() {
    return "not a data source provisioning file (no datasources or deleteDatasources)"
        + (settings.embedded() ? " and no data sources embedded in it" : "") + "; skipped";
  }

  /**
   * embedded-shapes §1.2 rule 1: the document's root has {@code datasources} (not a map of file names: that is chart
   * values) or a delete list, and is not a Kubernetes object.
   */
  static boolean isPlainProvisioning(YamlDocument document) {
    if (!(document.root() instanceof MappingNode root) || root.entry("kind") != null) {
      return false;
    }
    MappingNode.Entry list = root.entry("datasources");
    YamlNode value = list == null ? null : list.value();
    if (list != null && !(value instanceof MappingNode)) {
      return true;
    }
    return root.entry("deleteDatasources") != null || root.entry("delete_datasources") != null;
  }
}
