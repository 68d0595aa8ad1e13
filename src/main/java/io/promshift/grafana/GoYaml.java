package io.promshift.grafana;

import io.promshift.syntax.AliasNode;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.text.SourceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document as Grafana 9.4+ decodes it with go-yaml v3: scalars resolved by {@link GoScalars}, aliases
 * followed, merge keys applied ({@code <<: *x}, {@code <<: [*x, *y]}, an inline map; explicit keys win,
 * earlier merged maps win over later ones — go-yaml v3 {@code decode.go merge}).
 *
 * <p>Aliased nodes resolve once and are shared, so the view is a graph as small as the file even when the
 * aliases would expand to much more. Not thread-safe; use one per document (it is cheap).
 */
public final class GoYaml {
  private final YamlDocument document;
  private final YamlDialect dialect;
  private final Map<YamlNode, GoValue> resolved = new IdentityHashMap<>();

  private GoYaml(YamlDocument document, YamlDialect dialect) {
    this.document = document;
    this.dialect = dialect;
  }

  /** The first document's root as Grafana reads it, or a {@link GoValue.GoNull} for an empty document. */
  public static GoValue resolve(YamlDocument document) {
    return resolve(document, YamlDialect.GRAFANA);
  }

  /**
   * The document's root as the given reader decodes it. With {@link YamlDialect#YAML_1_1} a key written twice keeps
   * its last value (the document then lists it in {@link YamlDocument#duplicateKeys()}).
   */
  public static GoValue resolve(YamlDocument document, YamlDialect dialect) {
    if (document.root() == null) {
      return new GoValue.GoNull(null);
    }
    return new GoYaml(document, dialect).value(document.root());
  }

  private GoValue value(YamlNode node) {
    YamlNode target = AliasNode.resolve(node);
    // Only anchored nodes can be reached twice (through their aliases): memoize just those.
    GoValue known = target.hasAnchor() ? resolved.get(target) : null;
    if (known != null) {
      return known;
    }
    GoValue value;
    if (target instanceof ScalarNode scalar) {
      value = scalar(scalar);
    } else if (target instanceof SequenceNode sequence) {
      List<GoValue> items = new ArrayList<>(sequence.items().size());
      for (YamlNode item : sequence.items()) {
        items.add(value(item));
      }
      value = new GoList(items, sequence);
    } else {
      value = mapping((MappingNode) target);
    }
    if (target.hasAnchor()) {
      resolved.put(target, value);
    }
    return value;
  }

  private GoValue scalar(ScalarNode scalar) {
    try {
      return GoScalars.resolve(scalar, dialect);
    } catch (GoScalars.TagMismatch e) {
      throw document.source().error(scalar.span().start(), SourceException.Kind.SYNTAX, e.getMessage());
    }
  }

  private GoMap mapping(MappingNode node) {
    List<GoMap.Entry> entries = new ArrayList<>(node.entries().size());
    List<GoMap.Entry> shadowed = new ArrayList<>();
    Set<String> keys = new HashSet<>(node.entries().size() * 2);
    YamlNode merge = null;
    for (MappingNode.Entry entry : node.entries()) {
      if (isMergeKey(entry.key())) {
        merge = entry.value(); // go-yaml keeps the last one; two are a duplicate key anyway
        continue;
      }
      if (isNullKey(entry.key())) {
        value(entry.value()); // still decoded (and checked) by go-yaml, but a null key has no place in jsonData
        continue;
      }
      String key = keyText(entry.key());
      GoMap.Entry own = new GoMap.Entry(key, entry.key(), entry.value(), value(entry.value()), false);
      if (keys.add(key)) {
        entries.add(own);
      } else {
        // only a reader that keeps the last of a duplicate key gets here (go-yaml v3 refused the document)
        for (int i = 0; i < entries.size(); i++) {
          if (entries.get(i).key().equals(key)) {
            entries.set(i, own);
            break;
          }
        }
      }
    }
    if (merge != null) {
      for (YamlNode source : mergeSources(merge)) {
        GoMap merged = (GoMap) value(source);
        for (GoMap.Entry entry : merged.entries()) {
          GoMap.Entry copy = new GoMap.Entry(entry.key(), entry.keyNode(), entry.valueNode(), entry.value(), true);
          if (keys.add(entry.key())) {
            entries.add(copy);
          } else {
            shadowed.add(copy);
          }
        }
      }
    }
    return new GoMap(node, entries, shadowed);
  }

  /** The maps a merge key's value names: a map, an alias of one, or a list of those. */
  private List<YamlNode> mergeSources(YamlNode value) {
    YamlNode target = AliasNode.resolve(value);
    if (target instanceof MappingNode) {
      return List.of(target);
    }
    if (target instanceof SequenceNode sequence && value == target) {
      List<YamlNode> sources = new ArrayList<>();
      for (YamlNode item : sequence.items()) {
        if (!(AliasNode.resolve(item) instanceof MappingNode)) {
          throw error(item, "a merge key's list must hold only maps (or aliases of maps);"
              + " Grafana's YAML reader refuses this file");
        }
        sources.add(AliasNode.resolve(item));
      }
      return sources;
    }
    throw error(value, "a merge key (<<) needs a map, an alias of a map, or a list of them;"
        + " Grafana's YAML reader refuses this file");
  }

  /**
   * A key that reads as null has no place in a string-keyed map. Untagged keys are checked by their text
   * alone (the common case, without resolving every key); tagged ones are resolved, so that a tag go-yaml
   * refuses is refused here too.
   */
  private boolean isNullKey(YamlNode key) {
    YamlNode target = AliasNode.resolve(key);
    if (target instanceof ScalarNode scalar && scalar.tag() == null) {
      return scalar.style() == ScalarStyle.PLAIN && GoScalars.isNullWord(scalar.value());
    }
    return value(key) instanceof GoValue.GoNull;
  }

  /** A plain {@code <<} (or one tagged {@code !!merge}); a quoted {@code "<<"} is an ordinary key. */
  public static boolean isMergeKey(YamlNode key) {
    if (!(key instanceof ScalarNode scalar) || !scalar.value().equals("<<")) {
      return false;
    }
    String tag = GoScalars.shortTag(scalar.tag());
    if (tag != null) {
      return tag.equals("!!merge");
    }
    return scalar.style() == ScalarStyle.PLAIN;
  }

  /** go-yaml stores a key's written text ({@code n.Value}) in a string-keyed map. */
  private String keyText(YamlNode key) {
    YamlNode target = AliasNode.resolve(key);
    if (target instanceof ScalarNode scalar) {
      return scalar.value();
    }
    return document.source().text().substring(target.span().start(), target.span().end());
  }

  private SourceException error(YamlNode node, String problem) {
    int offset = node instanceof ScalarNode scalar ? scalar.valueSpan().start() : node.span().start();
    return document.source().error(offset, SourceException.Kind.SYNTAX, problem);
  }
}
