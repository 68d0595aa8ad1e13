package io.promshift.grafana;

import io.promshift.syntax.MappingNode;
import io.promshift.syntax.YamlNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping with go-yaml v3's merge keys applied: the mapping's own keys first, then the keys merged in (see
 * {@link GoYaml} for which win). Lookups are by key text; in a map keyed by values ({@link GoKeys}) two keys can show
 * the same text (the int 1 and the string "1"), and a lookup finds the first.
 */
public final class GoMap implements GoValue {
  private final MappingNode node;
  private final List<Entry> entries;
  private static final int SMALL = 12;
  /** Index by key for larger maps; null for small ones. */
  private final Map<String, Entry> byKey;
  private final List<Entry> shadowed;

  GoMap(MappingNode node, List<Entry> entries, List<Entry> shadowed) {
    this.node = node;
    this.entries = List.copyOf(entries);
    this.shadowed = List.copyOf(shadowed);
    // most maps are small: a linear scan beats hashing every key of a large file
    Map<String, Entry> index = null;
    if (entries.size() > SMALL) {
      index = new HashMap<>(entries.size() * 2);
      for (Entry entry : entries) {
        index.putIfAbsent(entry.key(), entry);
      }
    }
    this.byKey = index;
  }

  /**
   * One key of the map as Grafana sees it.
   *
   * @param key the key's text
   * @param keyNode the key as written (in the merged mapping, when {@code merged})
   * @param valueNode the value as written at that place: an {@link io.promshift.syntax.AliasNode} when the
   *     value is an alias
   * @param value the resolved value
   * @param merged whether the key arrived through a merge key {@code <<}
   */
  public record Entry(String key, YamlNode keyNode, YamlNode valueNode, GoValue value, boolean merged) {}

  @Override
  public MappingNode node() {
    return node;
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * Entries a merge key offered that lost to a key of the same name (the mapping's own, or an earlier
   * merged map's): what the key would read if the winning entry were removed.
   */
  public Optional<Entry> shadowed(String key) {
    return shadowed.stream().filter(e -> e.key().equals(key)).findFirst();
  }

  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(find(key));
  }

  public Optional<GoValue> get(String key) {
    Entry entry = find(key);
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  public boolean containsKey(String key) {
    return find(key) != null;
  }

  private Entry find(String key) {
    if (byKey != null) {
      return byKey.get(key);
    }
    for (Entry entry : entries) {
      if (entry.key().equals(key)) {
        return entry;
      }
    }
    return null;
  }

  public int size() {
    return entries.size();
  }

  @Override
  public Object toPlain() {
    Map<String, Object> plain = new LinkedHashMap<>();
    for (Entry entry : entries) {
      plain.put(entry.key(), entry.value().toPlain());
    }
    return plain;
  }

  @Override
  public String kindName() {
    return "map";
  }

  @Override
  public String toString() {
    return "GoMap" + Collections.unmodifiableList(entries.stream().map(Entry::key).toList());
  }
}
