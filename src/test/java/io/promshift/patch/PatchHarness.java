package io.promshift.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.syntax.AliasNode;
import io.promshift.syntax.Comment;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Before/after checks shared by the patch tests. */
final class PatchHarness {
  private PatchHarness() {}

  static SourceText src(String text) {
    return SourceText.of("test.yaml", text);
  }

  static YamlDocument read(String text) {
    return new YamlReader().read(src(text));
  }

  static YamlDocument read(SourceText source) {
    return new YamlReader().read(source);
  }

  static String apply(SourceText source, Collection<Edit> edits) {
    return EditSet.of(edits).apply(source.text());
  }

  static String apply(SourceText source, Edit edit) {
    return EditSet.of(edit).apply(source.text());
  }

  // ------------------------------------------------------------------------------------------------ paths

  /** A node by path: {@code ""} is the root, then keys or sequence indexes separated by {@code /}. */
  static YamlNode at(YamlDocument doc, String path) {
    YamlNode node = doc.root();
    if (path.isEmpty()) {
      return node;
    }
    for (String step : path.split("/")) {
      if (node instanceof SequenceNode seq) {
        node = seq.items().get(Integer.parseInt(step));
      } else if (node instanceof MappingNode map) {
        MappingNode.Entry entry = map.entry(step);
        if (entry == null) {
          throw new AssertionError("no key " + step + " on path " + path);
        }
        node = entry.value();
      } else {
        throw new AssertionError("cannot go into " + node + " on path " + path);
      }
    }
    return node;
  }

  static MappingNode mapAt(YamlDocument doc, String path) {
    YamlNode node = at(doc, path);
    assertThat(node).as("node at '%s'", path).isInstanceOf(MappingNode.class);
    return (MappingNode) node;
  }

  /** Every mapping of a tree with its structural path (indexes into children, keys as 2i, values as 2i+1). */
  static List<Located> mappings(YamlNode root) {
    List<Located> out = new ArrayList<>();
    collect(root, new ArrayList<>(), out);
    return out;
  }

  record Located(List<Integer> path, MappingNode map) {}

  private static void collect(YamlNode node, List<Integer> path, List<Located> out) {
    if (node instanceof MappingNode map) {
      out.add(new Located(List.copyOf(path), map));
      for (int i = 0; i < map.entries().size(); i++) {
        path.add(2 * i);
        collect(map.entries().get(i).key(), path, out);
        path.set(path.size() - 1, 2 * i + 1);
        collect(map.entries().get(i).value(), path, out);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof SequenceNode seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        path.add(i);
        collect(seq.items().get(i), path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  static YamlNode follow(YamlNode root, List<Integer> path) {
    YamlNode node = root;
    for (int step : path) {
      if (node instanceof MappingNode map) {
        MappingNode.Entry entry = map.entries().get(step / 2);
        node = step % 2 == 0 ? entry.key() : entry.value();
      } else if (node instanceof SequenceNode seq) {
        node = seq.items().get(step);
      } else {
        throw new AssertionError("path " + path + " leads into a scalar");
      }
    }
    return node;
  }

  // ------------------------------------------------------------------------------------------------- data

  /**
   * What a tree says, without where it says it: scalars with value, style, tag and anchor; aliases by name;
   * collections with style, tag, anchor and children. {@code skipLastOf}'s last entry is left out (the
   * entry a test added), {@code skipEntry} likewise (one a test removed).
   */
  static Object data(YamlNode node, MappingNode skipLastOf, MappingNode.Entry skipEntry, boolean withFlow) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return List.of("scalar", s.value(), s.style(), String.valueOf(s.tag()), String.valueOf(s.anchor()));
    }
    if (node instanceof AliasNode a) {
      return List.of("alias", a.name());
    }
    if (node instanceof MappingNode m) {
      List<Object> out = new ArrayList<>();
      out.add("map");
      out.add(withFlow && m.flow());
      out.add(String.valueOf(m.tag()));
      out.add(String.valueOf(m.anchor()));
      int n = m.entries().size() - (m == skipLastOf ? 1 : 0);
      for (int i = 0; i < n; i++) {
        MappingNode.Entry e = m.entries().get(i);
        if (e == skipEntry) {
          continue;
        }
        out.add(List.of(data(e.key(), skipLastOf, skipEntry, withFlow), data(e.value(), skipLastOf, skipEntry, withFlow)));
      }
      return out;
    }
    SequenceNode q = (SequenceNode) node;
    List<Object> out = new ArrayList<>();
    out.add("seq");
    out.add(withFlow && q.flow());
    out.add(String.valueOf(q.tag()));
    out.add(String.valueOf(q.anchor()));
    for (YamlNode item : q.items()) {
      out.add(data(item, skipLastOf, skipEntry, withFlow));
    }
    return out;
  }

  static Object data(YamlNode node) {
    return data(node, null, null, true);
  }

  static List<String> commentTexts(YamlDocument doc) {
    List<String> out = new ArrayList<>();
    for (Comment comment : doc.comments()) {
      out.add(comment.text());
    }
    return out;
  }

  /** The value {@code valueText} stands for, read on its own. */
  static Object valueData(String valueText) {
    YamlNode node = read("k: " + valueText + "\n").root();
    return data(((MappingNode) node).entry("k").value());
  }

  // ----------------------------------------------------------------------------------------------- checks

  /**
   * Adds {@code key: valueText} to the mapping at {@code path}, asserts the exact result, that it reads back
   * with the new entry last in that mapping and nothing else changed, and that removing it again gives
   * {@code before} byte for byte. Returns the result.
   */
  static String assertAdd(String before, String path, String key, String valueText, String expected) {
    SourceText source = src(before);
    YamlDocument doc = read(source);
    assertThat(EditSet.empty().apply(source.text())).isSameAs(source.text());
    MappingNode map = mapAt(doc, path);
    Edit edit = YamlEdits.addEntry(source, map, key, valueText);
    String after = apply(source, edit);
    assertThat(after).as("after adding %s to '%s'", key, path).isEqualTo(expected);
    assertAddedEntry(doc, source, after, path, key, valueText);
    return after;
  }

  static void assertAddedEntry(YamlDocument doc, SourceText source, String after, String path, String key,
      String valueText) {
    SourceText afterSource = SourceText.of(source.name(), (source.hasBom() ? "\uFEFF" : "") + after);
    YamlDocument afterDoc = read(afterSource);
    MappingNode before = mapAt(doc, path);
    MappingNode added = mapAt(afterDoc, path);
    assertThat(added.entries()).hasSize(before.entries().size() + 1);
    assertThat(added.lastEntry().keyText()).isEqualTo(key);
    assertThat(data(added.lastEntry().value())).isEqualTo(valueData(valueText));
    assertThat(data(afterDoc.root(), added, null, true)).isEqualTo(data(doc.root()));
    assertThat(commentTexts(afterDoc)).isEqualTo(commentTexts(doc));
    List<Integer> structural = mappings(doc.root()).stream().filter(l -> l.map() == before).findFirst()
        .orElseThrow().path();
    assertThat(EditProperties.oracleMismatch(source.text(), after, structural, -1, added.entries().size() - 1))
        .as("what SnakeYAML 2 reads").isNull();
    List<Edit> removal = YamlEdits.removeEntry(afterSource, added, added.lastEntry());
    assertThat(EditSet.of(removal).apply(afterSource.text())).as("removing the added entry again").isEqualTo(source.text());
  }

  /** Removes the entry {@code key} of the mapping at {@code path}, asserts the exact result and that the rest reads the same. */
  static String assertRemove(String before, String path, String key, String expected) {
    SourceText source = src(before);
    YamlDocument doc = read(source);
    MappingNode map = mapAt(doc, path);
    MappingNode.Entry entry = map.entry(key);
    assertThat(entry).as("entry %s", key).isNotNull();
    String after = apply(source, YamlEdits.removeEntry(source, map, entry));
    assertThat(after).as("after removing %s from '%s'", key, path).isEqualTo(expected);
    YamlDocument afterDoc = read(after);
    MappingNode removed = mapAt(afterDoc, path);
    assertThat(removed.entries()).hasSize(map.entries().size() - 1);
    assertThat(data(afterDoc.root(), null, null, false)).isEqualTo(data(doc.root(), null, entry, false));
    List<Integer> structural = mappings(doc.root()).stream().filter(l -> l.map() == map).findFirst()
        .orElseThrow().path();
    assertThat(EditProperties.oracleMismatch(source.text(), after, structural, map.entries().indexOf(entry), -1))
        .as("what SnakeYAML 2 reads").isNull();
    return after;
  }
}
