package io.promshift.syntax;

import io.promshift.text.SourceText;
import java.util.List;

/**
 * Every document of a YAML stream ({@code ---} separated), each with its own anchors (an anchor never reaches
 * into the next document), over one text. What a multi-document Kubernetes file or a values file is to the
 * readers that read all of it (kubectl, Helm), where Grafana reads only the first document of a provisioning
 * file.
 *
 * @param source the file's text
 * @param documents the documents in order; a trailing {@code ---} with nothing after it is an empty document
 */
public record YamlStream(SourceText source, List<YamlDocument> documents) {
  public YamlStream {
    documents = List.copyOf(documents);
  }
}
