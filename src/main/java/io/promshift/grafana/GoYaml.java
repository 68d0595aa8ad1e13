package io.promshift.grafana;

import io.promshift.syntax.AliasNode;
import io.promshift.syntax.DuplicateKey;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.text.Printable;
import io.promshift.text.SourceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A document as go-yaml decodes it into a Go type ({@link GoType}): scalars resolved by {@link GoScalars}, aliases
 * followed, merge keys applied, each value decoded for the type it goes into — which is how Grafana 9.4+ reads a
 * provisioning file into its structs.
 *
 * <p>go-yaml v3 ({@link YamlDialect#GRAFANA}, {@code decode.go}):
 * <ul>
 *   <li>Only what the type decodes must be valid. A struct never decodes the value of a key that is not one of its
 *       fields, a string-keyed map drops a null key with its value, and a merged key that loses to one already there
 *       is dropped before its value is decoded: a duplicate key, a tag the text does not fit or an alias of its own
 *       collection in such a value does not stop Grafana. Such a value is still read here (leniently: the later of two
 *       keys wins, an unfit tag leaves the text, a recursive alias is null), and what decoding it would have refused is
 *       reported as {@link Ignored}.
 *   <li>Wherever it decodes, a key written twice ({@link YamlDocument#duplicateKeys()}), a tag the text does not fit,
 *       {@code !!binary} text that is not base64, a recursive alias, a merge key that names no map, a key a struct or
 *       string-keyed map cannot decode into a string (a list or a map) and a key an untyped map cannot hold are
 *       refused, as is a struct field set twice (through an alias key).
 *   <li>Keys: a struct and a {@code map[string]...} decode a key into its text as written ({@code 0x1F}, {@code true};
 *       a {@code !!binary} key decoded); an {@code interface{}} holding a mapping with a key that is not a string
 *       becomes a {@code map[interface{}]interface{}} keyed by the keys' values ({@link GoKeys}: {@code 1} and
 *       {@code 01} are one key, {@code ~} is the nil key, shown {@code <nil>}); of two keys that are one, the later
 *       wins.
 *   <li>Merge keys ({@code <<}, plain, tagged {@code !} or {@code !!merge}): the mapping's own keys first, then the
 *       merged maps in order, each key merged only if no key equal to it came before — the mapping's own keys compared
 *       as untyped values, so a merged {@code 1} (text "1" in a string-keyed map) is not stopped by an own {@code 1}
 *       (the int 1), and replaces it. A merged map's own merge keys apply after its own keys.
 * </ul>
 *
 * <p>A YAML 1.1 reader ({@link YamlDialect#YAML_1_1}, go-yaml v2 as Helm and kubectl read values) decodes everything
 * into untyped values with text keys: a key written twice keeps its last value, a null key is dropped, own keys win
 * over merged ones by text, a plain {@code <<} alone is a merge key.
 *
 * <p>Aliased nodes decode once per type and are shared, so the view is a graph as small as the file even when the
 * aliases would expand to much more. Not thread-safe; use one per document (it is cheap).
 */
public final class GoYaml {
  private final YamlDocument document;
  private final YamlDialect dialect;
  private final boolean readIgnored;
  /** Keys written twice, by the later key (identity). */
  private final Map<YamlNode, DuplicateKey> duplicates;
  private final Map<GoType, Map<YamlNode, GoValue>> decoded = new HashMap<>();
  private final Map<GoType, Map<YamlNode, GoValue>> readLeniently = new HashMap<>();
  private final List<Ignored> ignored = new ArrayList<>();
  /** Set while reading a value Grafana never decodes: what refuses a decoded value is then reported, not thrown. */
  private Skip skip;

  /** Why Grafana never decodes a value. */
  public enum Reason {
    /** The key is not a field of the struct it is written in. */
    NOT_A_FIELD,
    /** A null key of a map whose keys are text: dropped with its value. */
    NULL_KEY,
    /** A key merged in ({@code <<}) that loses to a key already there. */
    MERGED_KEY_LOST
  }

  /**
   * A problem in a value Grafana never decodes: it does not stop Grafana, but would if the key were read.
   *
   * @param key the key whose value is never decoded (as written; for a merged key, in the merged map)
   * @param keyText the key's text
   * @param pointer the JSON pointer of the key's place in the document
   * @param reason why Grafana never decodes it
   * @param container what the key is written in, for messages ("a data source", "jsonData")
   * @param problem what decoding the value would refuse, at its place
   */
  public record Ignored(YamlNode key, String keyText, String pointer, Reason reason, String container,
      SourceException problem) {}

  /**
   * A document decoded into a Go type.
   *
   * @param root the document's root as decoded ({@link GoValue.GoNull} for an empty document)
   * @param ignored the problems in values Grafana never decodes, in document order of their keys
   */
  public record Decoded(GoValue root, List<Ignored> ignored) {
    public Decoded {
      ignored = List.copyOf(ignored);
    }
  }

  /** The value Grafana never decodes that is being read: where its problems are reported (nowhere when key is null). */
  private record Skip(YamlNode key, String keyText, String pointer, Reason reason, String container) {}

  /** The JSON pointer of a value, built only when a problem needs it. */
  private record Path(Path parent, String segment) {
    static final Path ROOT = new Path(null, null);

    Path child(String key) {
      return new Path(this, key);
    }

    String pointer() {
      if (parent == null) {
        return "";
      }
      return parent.pointer() + "/" + segment.replace("~", "~0").replace("/", "~1");
    }
  }

  /** A key as decoded: its identity in the Go map, and its text; {@code identity} is null for a dropped null key. */
  private record Key(Object identity, String text) {
    static final Key NULL = new Key(null, null);
  }

  private GoYaml(YamlDocument document, YamlDialect dialect, boolean readIgnored) {
    this.document = document;
    this.dialect = dialect;
    this.readIgnored = readIgnored;
    Map<YamlNode, DuplicateKey> bySecond = new IdentityHashMap<>();
    if (dialect == YamlDialect.GRAFANA) {
      for (DuplicateKey duplicate : document.duplicateKeys()) {
        bySecond.putIfAbsent(duplicate.second(), duplicate);
      }
    }
    this.duplicates = bySecond;
  }

  /** The first document's root as Grafana decodes it into {@code interface{}}, or a {@link GoValue.GoNull}. */
  public static GoValue resolve(YamlDocument document) {
    return resolve(document, YamlDialect.GRAFANA);
  }

  /**
   * The document's root as the given reader decodes it into an untyped value. With {@link YamlDialect#YAML_1_1} a key
   * written twice keeps its last value (the document then lists it in {@link YamlDocument#duplicateKeys()}).
   */
  public static GoValue resolve(YamlDocument document, YamlDialect dialect) {
    if (document.root() == null) {
      return new GoValue.GoNull(null);
    }
    return new GoYaml(document, dialect, true).value(document.root(), GoType.ANY, Path.ROOT);
  }

  /**
   * The document as go-yaml v3 decodes it into {@code type} (Grafana's structs).
   *
   * @param readIgnored whether the values Grafana never decodes are read (leniently, their problems reported) into
   *     the result; without, they are left out of it and not looked at
   * @throws SourceException for what go-yaml refuses where it decodes
   */
  public static Decoded decode(YamlDocument document, GoType type, boolean readIgnored) {
    if (document.root() == null) {
      return new Decoded(new GoValue.GoNull(null), List.of());
    }
    GoYaml decoder = new GoYaml(document, YamlDialect.GRAFANA, readIgnored);
    GoValue root = decoder.value(document.root(), type, Path.ROOT);
    return new Decoded(root, decoder.ignored);
  }

  // ---- values -------------------------------------------------------------------------------------------------

  private GoValue value(YamlNode node, GoType type, Path path) {
    if (node instanceof AliasNode alias && alias.recursive()) {
      problem(error(alias, "the alias *" + alias.name() + " stands inside the collection it names; Grafana's YAML"
          + " reader fails on it (anchor '" + alias.name() + "' value contains itself)"));
      return new GoValue.GoNull(alias);
    }
    YamlNode target = AliasNode.resolve(node);
    // Only anchored nodes can be reached twice (through their aliases): memoize just those.
    Map<YamlNode, GoValue> memo = target.hasAnchor()
        ? (skip == null ? decoded : readLeniently).computeIfAbsent(type, t -> new IdentityHashMap<>()) : null;
    GoValue known = memo == null ? null : memo.get(target);
    if (known != null) {
      return known;
    }
    GoValue value;
    if (type instanceof GoType.Unsettable unsettable) {
      value = readSilently(target, path);
      if (!(value instanceof GoValue.GoNull)) {
        problem(error(node, unsettable.why()));
      }
    } else if (target instanceof ScalarNode scalar) {
      value = scalar(scalar);
    } else if (target instanceof SequenceNode sequence) {
      GoType items = type instanceof GoType.ListOf list ? list.items() : type instanceof GoType.Any ? GoType.ANY : null;
      // null: a type error (schemas/ judges it); go-yaml does not look into the list
      value = items == null ? readSilently(sequence, path) : list(sequence, items, path);
    } else {
      MappingNode mapping = (MappingNode) target;
      checkDuplicates(mapping);
      if (type instanceof GoType.Any) {
        value = map(new Building(mapping, dialect == YamlDialect.GRAFANA && !isStringMap(mapping), null, GoType.ANY,
            "a map"), path);
      } else if (type instanceof GoType.StringMap strings) {
        value = map(new Building(mapping, false, null, strings.values(), path.segment == null ? "the map"
            : path.segment), path);
      } else if (type instanceof GoType.Struct struct) {
        value = map(new Building(mapping, false, struct, null, struct.name()), path);
      } else {
        value = readSilently(mapping, path); // a type error: go-yaml checks the keys above, then stops
      }
    }
    if (memo != null) {
      memo.put(target, value);
    }
    return value;
  }

  private GoValue scalar(ScalarNode scalar) {
    try {
      return GoScalars.resolve(scalar, dialect);
    } catch (GoScalars.TagMismatch e) {
      problem(document.source().error(scalar.span().start(), SourceException.Kind.SYNTAX, e.getMessage()));
      return new GoValue.GoString(scalar.value(), scalar, false);
    }
  }

  private GoList list(SequenceNode sequence, GoType items, Path path) {
    List<GoValue> values = new ArrayList<>(sequence.items().size());
    for (int i = 0; i < sequence.items().size(); i++) {
      values.add(value(sequence.items().get(i), items, path.child(Integer.toString(i))));
    }
    return new GoList(values, sequence);
  }

  /**
   * A value go-yaml does not decode as written (a list where a map belongs): the schema says so; its content is read
   * for the model without reporting anything.
   */
  private GoValue readSilently(YamlNode node, Path path) {
    if (skip != null) {
      return value(node, GoType.ANY, path);
    }
    skip = new Skip(null, null, null, null, null);
    try {
      return value(node, GoType.ANY, path);
    } finally {
      skip = null;
    }
  }

  /** The value of a key Grafana never decodes, read leniently; its problems reported under that key. */
  private GoValue readIgnored(MappingNode.Entry entry, String keyText, Reason reason, String container, Path path) {
    if (skip != null) {
      return value(entry.value(), GoType.ANY, path);
    }
    skip = new Skip(entry.key(), keyText, path.pointer(), reason, container);
    try {
      return value(entry.value(), GoType.ANY, path);
    } finally {
      skip = null;
    }
  }

  // ---- mappings -----------------------------------------------------------------------------------------------

  /** A map being decoded: its entries by their key in the Go map (text, or value in an untyped map). */
  private static final class Building {
    final MappingNode node;
    final boolean typedKeys;
    final GoType.Struct struct;
    final GoType values;
    final String name;
    final LinkedHashMap<Object, GoMap.Entry> entries = new LinkedHashMap<>();
    final List<GoMap.Entry> shadowed = new ArrayList<>();

    Building(MappingNode node, boolean typedKeys, GoType.Struct struct, GoType values, String name) {
      this.node = node;
      this.typedKeys = typedKeys;
      this.struct = struct;
      this.values = values;
      this.name = name;
    }
  }

  private GoMap map(Building map, Path path) {
    fill(map, map.node, false, null, path);
    return new GoMap(map.node, new ArrayList<>(map.entries.values()), map.shadowed);
  }

  /**
   * Decodes a mapping's entries into a map: the map's own mapping, or (merged) one its merge key names.
   *
   * @param merged the keys already in the map when {@code source} is merged into it (go-yaml's mergedFields), or null
   *     for the map's own mapping
   */
  private void fill(Building map, MappingNode source, boolean isMerged, Set<Object> merged, Path path) {
    if (isMerged) {
      checkDuplicates(source);
    }
    YamlNode mergeValue = null;
    // a YAML 1.1 reader decodes a merged map whole (a key written twice in it keeps its last value)
    Set<Object> takenHere = isMerged && dialect != YamlDialect.GRAFANA ? new HashSet<>() : null;
    Map<String, YamlNode> fieldsSet = map.struct != null && dialect == YamlDialect.GRAFANA ? new HashMap<>() : null;
    for (MappingNode.Entry entry : source.entries()) {
      if (isMergeKey(entry.key(), dialect)) {
        mergeValue = entry.value(); // go-yaml keeps the last one (two are a duplicate key)
        continue;
      }
      Key key = key(entry.key(), map.typedKeys);
      if (key.identity() == null) {
        if (dialect == YamlDialect.GRAFANA) {
          if (readIgnored) {
            readIgnored(entry, text(entry.key()), Reason.NULL_KEY, map.name, path.child(text(entry.key())));
          }
        } else {
          value(entry.value(), GoType.ANY, path); // a null key has no place in the map; its value is still decoded
        }
        continue;
      }
      Path here = path.child(key.text());
      boolean takenAgain = takenHere != null && takenHere.contains(key.identity());
      if (merged != null && !merged.add(key.identity()) && !takenAgain) {
        // a merged key that loses: go-yaml drops it before decoding its value (a YAML 1.1 reader decodes it)
        if (dialect != YamlDialect.GRAFANA) {
          map.shadowed.add(new GoMap.Entry(key.text(), entry.key(), entry.value(),
              value(entry.value(), map.values, here), true));
        } else if (readIgnored) {
          map.shadowed.add(new GoMap.Entry(key.text(), entry.key(), entry.value(),
              readIgnored(entry, key.text(), Reason.MERGED_KEY_LOST, map.name, here), true));
        }
        continue;
      }
      if (takenHere != null) {
        takenHere.add(key.identity());
      }
      GoType type = map.struct == null ? map.values : map.struct.fields().get(key.text());
      GoValue value;
      if (type == null) {
        if (!readIgnored) {
          continue;
        }
        value = readIgnored(entry, key.text(), Reason.NOT_A_FIELD, map.name, here);
      } else {
        if (fieldsSet != null) {
          YamlNode first = fieldsSet.putIfAbsent(key.text(), entry.key());
          if (first != null) {
            problem(new DuplicateKey(first, entry.key()).error(document.source()));
          }
        }
        value = value(entry.value(), type, here);
      }
      put(map, key, new GoMap.Entry(key.text(), entry.key(), entry.value(), value, isMerged));
    }
    if (mergeValue != null) {
      Set<Object> into = merged != null ? merged : ownKeys(source);
      for (MappingNode mergedMap : mergeSources(mergeValue)) {
        fill(map, mergedMap, true, into, path);
      }
    }
  }

  /** Puts an entry in the map; of two entries with one key in the Go map, the later wins. */
  private static void put(Building map, Key key, GoMap.Entry entry) {
    Object mapKey = map.typedKeys ? key.identity() : key.text();
    GoMap.Entry before = map.entries.put(mapKey, entry);
    if (before != null && entry.merged() && !before.merged()) {
      map.shadowed.add(before); // a merged key replaced an own key of another Go type with the same text
    }
  }

  /**
   * A mapping's own keys as go-yaml v3 collects them before merging (each decoded into an untyped value: {@code 1} is
   * the int 1, not the text "1"); a YAML 1.1 reader compares by text.
   */
  private Set<Object> ownKeys(MappingNode mapping) {
    Set<Object> keys = new HashSet<>(mapping.entries().size() * 2);
    for (MappingNode.Entry entry : mapping.entries()) {
      YamlNode target = AliasNode.resolve(entry.key());
      if (dialect != YamlDialect.GRAFANA) {
        keys.add(text(entry.key()));
      } else if (target instanceof ScalarNode scalar) {
        GoValue value;
        try {
          value = GoScalars.resolve(scalar, dialect);
        } catch (GoScalars.TagMismatch e) {
          continue; // refused (or reported) with the key itself
        }
        keys.add(GoKeys.identity(value, scalar));
      }
    }
    return keys;
  }

  /** A key decoded for its map: into text (a struct, a string-keyed map, any map of a YAML 1.1 reader), or a value. */
  private Key key(YamlNode keyNode, boolean typedKeys) {
    if (keyNode instanceof AliasNode alias && alias.recursive()) {
      problem(error(alias, "the alias *" + alias.name() + " stands inside the collection it names; Grafana's YAML"
          + " reader fails on it (anchor '" + alias.name() + "' value contains itself)"));
      return new Key("*" + alias.name(), "*" + alias.name());
    }
    YamlNode target = AliasNode.resolve(keyNode);
    if (!(target instanceof ScalarNode scalar)) {
      String written = text(target);
      if (dialect == YamlDialect.GRAFANA) {
        String kind = target instanceof SequenceNode ? "list" : "map";
        problem(error(keyNode, typedKeys
            ? "a " + kind + " used as a key: Grafana's YAML reader cannot use it as a map key (invalid map key)"
            : "a " + kind + " used as a key: Grafana decodes the keys here into text and cannot decode this one"
                + " (cannot unmarshal !!" + (target instanceof SequenceNode ? "seq" : "map") + " into string)"));
      }
      return new Key(written, written);
    }
    if (typedKeys) {
      GoValue value = scalar(scalar);
      return new Key(GoKeys.identity(value, scalar), GoKeys.text(value));
    }
    if (dialect != YamlDialect.GRAFANA) {
      return isNullKey(scalar) ? Key.NULL : new Key(scalar.value(), scalar.value());
    }
    String tag = GoScalars.shortTag(scalar.tag());
    if (tag == null || tag.equals("!")) {
      // an untagged key is decided by its text alone (the common case, without resolving every key)
      boolean isNull = scalar.style() == ScalarStyle.PLAIN && GoScalars.isNullWord(scalar.value());
      return isNull ? Key.NULL : new Key(scalar.value(), scalar.value());
    }
    String text;
    try {
      text = GoScalars.goString(scalar, dialect);
    } catch (GoScalars.TagMismatch e) {
      problem(document.source().error(scalar.span().start(), SourceException.Kind.SYNTAX, e.getMessage()));
      text = scalar.value();
    }
    return text == null ? Key.NULL : new Key(text, text);
  }

  /**
   * A key that reads as null (YAML 1.1 reader). Untagged keys are checked by their text alone; tagged ones are
   * resolved, so that a tag the reader refuses is refused here too.
   */
  private boolean isNullKey(ScalarNode scalar) {
    if (scalar.tag() == null) {
      return scalar.style() == ScalarStyle.PLAIN && GoScalars.isNullWord(scalar.value());
    }
    return scalar(scalar) instanceof GoValue.GoNull;
  }

  /**
   * Whether go-yaml v3 decodes a mapping into an untyped value as a {@code map[string]interface{}}: every key is a
   * string (quoted, tagged {@code !!str}, or plain text that resolves to no other type) or a merge key.
   */
  private static boolean isStringMap(MappingNode mapping) {
    for (MappingNode.Entry entry : mapping.entries()) {
      YamlNode target = AliasNode.resolve(entry.key());
      if (!(target instanceof ScalarNode scalar) || !isStringKey(scalar)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isStringKey(ScalarNode scalar) {
    String tag = GoScalars.shortTag(scalar.tag());
    if (tag != null && !tag.equals("!")) {
      return tag.equals("!!str") || tag.equals("!!merge");
    }
    if (scalar.style() != ScalarStyle.PLAIN || scalar.value().equals("<<")) {
      return true;
    }
    return GoScalars.resolvePlain(scalar.value(), scalar) instanceof GoValue.GoString
        && GoTimestamps.toJson(scalar.value()) == null;
  }

  /** go-yaml v3 refuses a mapping it decodes that defines a key twice; a YAML 1.1 reader keeps the last. */
  private void checkDuplicates(MappingNode mapping) {
    if (duplicates.isEmpty()) {
      return;
    }
    for (MappingNode.Entry entry : mapping.entries()) {
      DuplicateKey duplicate = duplicates.get(entry.key());
      if (duplicate != null) {
        problem(duplicate.error(document.source()));
        return;
      }
    }
  }

  /** The maps a merge key's value names: a map, an alias of one, or a list of those. */
  private List<MappingNode> mergeSources(YamlNode value) {
    YamlNode target = AliasNode.resolve(value);
    if (value instanceof AliasNode alias && alias.recursive()) {
      problem(error(alias, "the alias *" + alias.name() + " stands inside the collection it names; Grafana's YAML"
          + " reader fails on it (anchor '" + alias.name() + "' value contains itself)"));
      return List.of();
    }
    if (target instanceof MappingNode map) {
      return List.of(map);
    }
    if (target instanceof SequenceNode sequence && value == target) {
      List<MappingNode> sources = new ArrayList<>();
      for (YamlNode item : sequence.items()) {
        boolean recursive = item instanceof AliasNode alias && alias.recursive();
        if (recursive || !(AliasNode.resolve(item) instanceof MappingNode map)) {
          problem(error(item, "a merge key's list must hold only maps (or aliases of maps);"
              + " Grafana's YAML reader refuses this file"));
          return List.of();
        }
        sources.add(map);
      }
      return sources;
    }
    problem(error(value, "a merge key (<<) needs a map, an alias of a map, or a list of them;"
        + " Grafana's YAML reader refuses this file"));
    return List.of();
  }

  /** A merge key as go-yaml v3 reads one: a plain {@code <<} (also tagged {@code !}), or one tagged {@code !!merge}. */
  public static boolean isMergeKey(YamlNode key) {
    return isMergeKey(key, YamlDialect.GRAFANA);
  }

  /**
   * A merge key as the given reader reads one: {@code <<} plain or tagged {@code !!merge}; go-yaml v3 also takes a
   * plain {@code ! <<}, go-yaml v2 does not. A quoted {@code "<<"} is an ordinary key.
   */
  public static boolean isMergeKey(YamlNode key, YamlDialect dialect) {
    if (!(key instanceof ScalarNode scalar) || !scalar.value().equals("<<")) {
      return false;
    }
    String tag = GoScalars.shortTag(scalar.tag());
    if (tag != null && !(tag.equals("!") && dialect == YamlDialect.GRAFANA)) {
      return tag.equals("!!merge");
    }
    return scalar.style() == ScalarStyle.PLAIN;
  }

  // ---- problems -----------------------------------------------------------------------------------------------

  /** Where Grafana decodes, a problem refuses the file; in a value it never decodes, it is reported. */
  private void problem(SourceException e) {
    if (skip == null) {
      throw e;
    }
    if (skip.key() != null) {
      ignored.add(new Ignored(skip.key(), Printable.shortened(skip.keyText(), 80), skip.pointer(), skip.reason(),
          skip.container(), e));
    }
  }

  /** A node's text as written: a scalar's value, or the characters of a collection. */
  private String text(YamlNode node) {
    YamlNode target = AliasNode.resolve(node);
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
