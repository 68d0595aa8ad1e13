package io.promshift.embed;

import io.promshift.model.ProvisioningFile;
import io.promshift.model.ProvisioningReader;
import io.promshift.model.Templates;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.syntax.YamlReader;
import io.promshift.syntax.YamlStream;
import io.promshift.text.FileSnapshot;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import io.promshift.text.Span;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The one read of a file that may define data sources: a plain provisioning file is read exactly as Grafana reads it
 * (first document, go-yaml v3 into Grafana's structs, templates refused — {@link ProvisioningReader}); any other YAML file
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
      return SourceFile.plain(plainFile(source, stream));
    }
    refuseTemplateOutsideStrings(stream);
    UnitLocator locator = new UnitLocator(settings.rules(), reader, streamReader).locate(stream);
    return new SourceFile(source, null, stream, locator.units(), locator.misplaced(), locator.problems());
  }

  /**
   * A plain provisioning file, from the stream already read: its first document is what the provisioning reader would
   * build (same settings, same first document), once templates are refused as that reader refuses them. A first
   * document with a key written twice (fatal for Grafana only where it decodes it) or an empty stream is left to that
   * reader, which judges it as Grafana does, and so is a text that only Grafana's read checks in full (a directive, a
   * tab in indentation).
   */
  private ProvisioningFile plainFile(SourceText source, YamlStream stream) {
    if (stream.documents().isEmpty() || !stream.documents().get(0).duplicateKeys().isEmpty()
        || !YamlReader.streamReadsLikeGrafana(source)) {
      return reader.read(source);
    }
    Templates.check(source);
    return ProvisioningFile.of(stream.documents().get(0));
  }

  /**
   * A {@code {{ }}} inside a string is a value there (Helm renders it with {@code tpl}); one outside every string is
   * template syntax that happens to parse ({@code url: {{ .Values.x }}} reads as a flow mapping): the file is a chart
   * template, not YAML any reader on the way to Grafana reads as it stands.
   */
  static void refuseTemplateOutsideStrings(YamlStream stream) {
    List<Integer> tags = Templates.findAll(stream.source().text());
    if (tags.isEmpty()) {
      return;
    }
    List<Span> scalars = new ArrayList<>();
    for (YamlDocument document : stream.documents()) {
      if (document.root() != null) {
        collectScalars(document.root(), scalars);
      }
    }
    scalars.sort(Comparator.comparingInt(Span::start));
    for (int tag : tags) {
      if (!inside(scalars, tag)) {
        throw Templates.error(stream.source(), tag);
      }
    }
  }

  private static void collectScalars(YamlNode node, List<Span> into) {
    Deque<YamlNode> pending = new ArrayDeque<>();
    pending.push(node);
    while (!pending.isEmpty()) {
      YamlNode next = pending.pop();
      if (next instanceof ScalarNode scalar) {
        into.add(scalar.valueSpan());
      } else if (next instanceof SequenceNode sequence) {
        sequence.items().forEach(pending::push);
      } else if (next instanceof MappingNode map) {
        for (MappingNode.Entry entry : map.entries()) {
          pending.push(entry.key());
          pending.push(entry.value());
        }
      }
    }
  }

  /** Whether an offset lies in one of the spans (sorted by start; scalars never overlap). */
  private static boolean inside(List<Span> spans, int offset) {
    int low = 0;
    int high = spans.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      Span span = spans.get(mid);
      if (offset < span.start()) {
        high = mid - 1;
      } else if (offset >= span.end()) {
        low = mid + 1;
      } else {
        return true;
      }
    }
    return false;
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
    if (ProvisioningFile.isListOfFiles(document)) {
      return true; // for the provisioning reader to refuse, as Grafana fails on it
    }
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
