package io.promshift.syntax;

import io.promshift.text.Position;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;

/**
 * A key written twice in one mapping, as go-yaml v3 compares keys (same kind, same written text: {@code 1} and
 * {@code "1"} collide, {@code 1} and {@code 01} do not). A reader that keeps it (go-yaml v2 as Helm and kubectl use
 * it, PyYAML as Ansible uses it, or a read that leaves the refusal to the decoder: go-yaml v3 refuses it only in a
 * mapping it decodes) lets the later value win.
 *
 * @param first the key as first written
 * @param second the later key, whose value wins
 */
public record DuplicateKey(YamlNode first, YamlNode second) {

  /** go-yaml v3's refusal of this key, at the second key, naming the first (both positions). */
  public SourceException error(SourceText source) {
    Position firstAt = source.position(first.span().start());
    Position secondAt = source.position(second.span().start());
    String shown = second instanceof ScalarNode scalar ? scalar.value()
        : second instanceof AliasNode alias ? "*" + alias.name() : "";
    return new SourceException(source.name(), secondAt, SourceException.Kind.DUPLICATE_KEY, "duplicate key \""
        + YamlReader.printable(shown) + "\": already defined at line " + firstAt.line() + ", column "
        + firstAt.column() + "; Grafana refuses to start on a duplicate key", firstAt);
  }
}
