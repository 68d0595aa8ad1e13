package io.promshift.syntax;

import io.promshift.text.Span;
import java.util.List;

/**
 * A mapping as written (merge keys not applied: {@code <<} is an entry like any other here). For a block
 * mapping the span ends where its last value ends; for a flow mapping it ends after the closing brace.
 */
public record MappingNode(Span span, boolean flow, List<Entry> entries, String tag, String anchor)
    implements YamlNode {

  public MappingNode {
    entries = List.copyOf(entries);
  }

  /** One {@code key: value} pair in source order. */
  public record Entry(YamlNode key, YamlNode value) {
    /** The key's text when the key is a scalar, else null. */
    public String keyText() {
      return key instanceof ScalarNode scalar ? scalar.value() : null;
    }
  }

  /** The first entry whose scalar key reads {@code key}, or null. */
  public Entry entry(String key) {
    for (Entry entry : entries) {
      if (key.equals(entry.keyText())) {
        return entry;
      }
    }
    return null;
  }

  /**
   * The last entry whose scalar key reads {@code key}, or null: the one a reader that keeps the last of a key written
   * twice (go-yaml v2 for Helm and kubectl, PyYAML for Ansible) decodes.
   */
  public Entry lastEntry(String key) {
    Entry found = null;
    for (Entry entry : entries) {
      if (key.equals(entry.keyText())) {
        found = entry;
      }
    }
    return found;
  }

  /** The value of {@link #lastEntry(String) the last entry} of {@code key}, or null. */
  public YamlNode lastValue(String key) {
    Entry entry = lastEntry(key);
    return entry == null ? null : entry.value();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public Entry lastEntry() {
    return entries.isEmpty() ? null : entries.get(entries.size() - 1);
  }
}
