package io.promshift.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.grafana.GoYaml;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Texts that go-yaml's scanner (libyaml's) cuts into tokens otherwise than SnakeYAML Engine: promshift reads them as
 * Grafana does, or refuses them where Grafana refuses them. Each expectation was checked against go-yaml v3.
 */
class GoYamlScannerTest {
  private final YamlReader reader = new YamlReader();

  private YamlDocument read(String text) {
    return reader.read(SourceText.of("ds.yaml", text));
  }

  /** The document as Grafana decodes it. */
  private Object data(String text) {
    return GoYaml.resolve(read(text)).toPlain();
  }

  private static String jsonData(String value) {
    return "apiVersion: 1\ndatasources:\n  - name: a\n    type: prometheus\n    jsonData: " + value + "\n";
  }

  private void assertRefused(String text, String position, String problem) {
    assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(SourceException.class, e -> {
      assertThat(e.kind()).isEqualTo(SourceException.Kind.SYNTAX);
      assertThat(e.position()).hasToString(position);
      assertThat(e.problem()).contains(problem);
    });
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String at(YamlDocument doc, io.promshift.text.Span span) {
    return doc.source().text().substring(span.start(), span.end());
  }

  @Test
  void aQuestionMarkInAnUnquotedFlowValueIsRefusedAsGrafanaRefusesIt() {
    // go-yaml ends a plain scalar at '?' in a flow collection: "did not find expected ',' or '}'"
    assertRefused(jsonData("{link: https://h/p?x=1}"), "5:33", "'?' in an unquoted value in a flow collection");
    assertRefused("a: [x ?y]\n", "1:7", "'?'");
    assertRefused("a: [x\n  ?y]\n", "2:3", "'?'");
    // outside a flow collection, and quoted, it is text
    assertThat(data("link: https://h/p?x=1\nq: {link: 'https://h/p?x=1'}\n"))
        .isEqualTo(map("link", "https://h/p?x=1", "q", map("link", "https://h/p?x=1")));
  }

  @Test
  void aQuestionMarkThatStartsAnUnquotedFlowValueIsTheKeyIndicator() {
    // go-yaml: {?x: y} is {x: y}, [?x] is [{x: null}]; {k: ?x} is refused ("did not find expected node content")
    YamlDocument doc = read("a: {?x: y}\nb: [?x: y, ?z, ?z:]\n");
    assertThat(GoYaml.resolve(doc).toPlain()).isEqualTo(map("a", map("x", "y"),
        "b", List.of(map("x", "y"), map("z", null), map("z:", null))));
    MappingNode flow = (MappingNode) ((MappingNode) doc.root()).entry("a").value();
    assertThat(at(doc, flow.entries().get(0).key().span())).isEqualTo("x");
    assertRefused("a: {k: ?x}\n", "1:8", "'?' starts an unquoted value");
  }

  @Test
  void aKeyWithNoSpaceAfterItsColonFollowedByAKeyLineIsRefused() {
    // go-yaml reads "apiVersion:1 datasources" as one plain scalar, then refuses the ':' ("mapping values are not
    // allowed in this context"); the Engine, reading comments, ended the document after the first line
    assertRefused("apiVersion:1\ndatasources:\n  - name: a\n", "2:12", "mapping values are not allowed");
    assertRefused("apiVersion:1\n\n  datasources: []\n", "3:14", "mapping values are not allowed");
    // alone, or followed by a comment or a document, it is one top-level text for both readers
    assertThat(data("apiVersion:1\n")).isEqualTo("apiVersion:1");
    assertThat(data("apiVersion:1\n# datasources: []\n")).isEqualTo("apiVersion:1");
    assertThat(data("apiVersion:1\n\n  # c\n  datasources: []\n")).isEqualTo("apiVersion:1");
    assertThat(data("apiVersion:1\n---\na: b\n")).isEqualTo("apiVersion:1");
  }

  @Test
  void anAliasFollowedByAColonIsAKeyAsGoYamlReadsIt() {
    // go-yaml's alias names are [A-Za-z0-9_-]: the name ends at ':'; the Engine read the alias "k:"
    YamlDocument doc = read("a: &k x\nb:\n  - *k: a\nc: {*k: d}\ne: [*k:, f]\ng: {*k:h}\n*k: i\n");
    assertThat(GoYaml.resolve(doc).toPlain()).isEqualTo(map("a", "x", "b", List.of(map("x", "a")),
        "c", map("x", "d"), "e", List.of(map("x", null), "f"), "g", map("x", "h"), "x", "i"));
    MappingNode item = (MappingNode) ((SequenceNode) ((MappingNode) doc.root()).entry("b").value()).items().get(0);
    AliasNode key = (AliasNode) item.entries().get(0).key();
    assertThat(key.name()).isEqualTo("k");
    assertThat(at(doc, key.span())).isEqualTo("*k");
    assertThat(key.target()).isSameAs(((MappingNode) doc.root()).entry("a").value());
    // "*k:h" in a block is refused by go-yaml too
    assertThatThrownBy(() -> read("a: &k x\nb: *k:h\n")).isInstanceOf(SourceException.class);
  }

  @Test
  void aBlockScalarWhoseBlankFirstLinesAreDeeperThanTheNextKeyIsEmpty() {
    // go-yaml takes the content's indentation from the deepest leading blank line: "  x: y" is no content
    YamlDocument doc = read("a:\n  k: |\n        \n  x: y\n  l: >+\n        \n\n  m: n\n");
    assertThat(GoYaml.resolve(doc).toPlain()).isEqualTo(map("a", map("k", "", "x", "y", "l", "\n\n", "m", "n")));
    MappingNode a = (MappingNode) ((MappingNode) doc.root()).entry("a").value();
    ScalarNode k = (ScalarNode) a.entry("k").value();
    assertThat(k.style()).isEqualTo(ScalarStyle.LITERAL);
    assertThat(at(doc, k.span())).isEqualTo("|\n        \n");
    assertThat(((ScalarNode) a.entry("l").value()).style()).isEqualTo(ScalarStyle.FOLDED);
    assertThat(data("- |\n    \n- b\n")).isEqualTo(List.of("", "b"));
    // when that line is deeper than the key (content for the Engine), go-yaml refuses the file too
    assertThatThrownBy(() -> read("k: |\n      \n  text\n")).isInstanceOf(SourceException.class);
  }

  @Test
  void anExplicitKeyFollowedByABlankLineOrACommentIsRead() {
    // the Engine's parser refused a comment (a blank line is one for it) after '?', and one in some places of a
    // flow collection: "expected the node content, but found '#'"
    YamlDocument doc = read("a:\n  ?\n\n  : v\n  ? # why\n    k\n  : w\n");
    MappingNode a = (MappingNode) ((MappingNode) doc.root()).entry("a").value();
    assertThat(a.entries()).hasSize(2);
    assertThat(((ScalarNode) a.entries().get(0).key()).value()).isEmpty();
    assertThat(((ScalarNode) a.entries().get(0).value()).value()).isEqualTo("v");
    assertThat(a.entry("k").value()).isInstanceOfSatisfying(ScalarNode.class, w -> assertThat(w.value()).isEqualTo("w"));
    assertThat(doc.comments()).extracting(Comment::text).containsExactly(" why");
    YamlDocument flow = read("# head\na: {b: # one\n  c, ? # two\n  d: e, f: # three\n  g}\n# tail\n");
    assertThat(GoYaml.resolve(flow).toPlain()).isEqualTo(map("a", map("b", "c", "d", "e", "f", "g")));
    assertThat(flow.comments()).extracting(Comment::text)
        .containsExactly(" head", " one", " two", " three", " tail");
  }

  @Test
  void aTagTakesCommasAndBracketsAsGoYamlReadsThem() {
    // libyaml's tag chars include , [ ]: [!t, x] is one item, "x" tagged "!t,"
    YamlDocument doc = read("a: {k: [!t, x]}\nb: !!str, y\nc: [!u, [z]]\n");
    assertThat(GoYaml.resolve(doc).toPlain())
        .isEqualTo(map("a", map("k", List.of("x")), "b", "y", "c", List.of(List.of("z"))));
    MappingNode root = (MappingNode) doc.root();
    SequenceNode k = (SequenceNode) ((MappingNode) root.entry("a").value()).entry("k").value();
    ScalarNode x = (ScalarNode) k.items().get(0);
    assertThat(x.tag()).isEqualTo("!t,");
    assertThat(at(doc, x.span())).isEqualTo("!t, x");
    assertThat(at(doc, x.valueSpan())).isEqualTo("x");
    assertThat(root.entry("b").value().tag()).isEqualTo("tag:yaml.org,2002:str,");
    assertThat(((SequenceNode) root.entry("c").value()).items().get(0).tag()).isEqualTo("!u,");
  }

  @Test
  void aLoneDashInAFlowCollectionIsText() {
    // go-yaml: a plain scalar may start with '-' when no blank follows; the Engine found no token there
    YamlDocument doc = read(jsonData("{list: [a, -], dash: -}"));
    assertThat(GoYaml.resolve(doc).toPlain()).isEqualTo(map("apiVersion", 1L, "datasources", List.of(
        map("name", "a", "type", "prometheus", "jsonData", map("list", List.of("a", "-"), "dash", "-")))));
    assertThat(data("[-, -]\n")).isEqualTo(List.of("-", "-"));
  }

  @Test
  void aColonBeforeACommaOrAClosingBracketBelongsToTheUnquotedFlowValue() {
    // in a flow collection libyaml ends a plain scalar at ':' only before a blank: the key is "sigV4Auth:"
    assertThat(data(jsonData("{sigV4Auth:, x: y}")))
        .isEqualTo(map("apiVersion", 1L, "datasources", List.of(map("name", "a", "type", "prometheus",
            "jsonData", map("sigV4Auth:", null, "x", "y")))));
    YamlDocument doc = read("a: {b:}\nc: [d:, e::]\nf: {g:h}\ni: {\"j\":k}\nl: [-:]\n");
    assertThat(GoYaml.resolve(doc).toPlain()).isEqualTo(map("a", map("b:", null), "c", List.of("d:", "e::"),
        "f", map("g:h", null), "i", map("j", "k"), "l", List.of("-:")));
    ScalarNode d = (ScalarNode) ((SequenceNode) ((MappingNode) doc.root()).entry("c").value()).items().get(0);
    assertThat(at(doc, d.span())).isEqualTo("d:");
    // before '[' or '{' go-yaml reads the ':' into the value, then refuses the collection after it
    assertRefused("a: {b:[c]}\n", "1:7", "put a space after the ':'");
  }

  @Test
  void textThatOnlyLooksLikeTheseTokensStaysText() {
    // a quoted value, a block scalar, a comment or an unquoted value may hold "-,", "*k:", "!t,": read as written
    YamlDocument doc = read("# *k: not an alias\na: &k x\nq: \"y -, *k: !t, z\"\nb: |\n  [c, -]\n  *k: d\n"
        + "e: [f !t,g, -, *k: h] # [-, !t, x]\n---\nf: [-, *k: x]\n");
    assertThat(GoYaml.resolve(doc).toPlain()).isEqualTo(map("a", "x", "q", "y -, *k: !t, z",
        "b", "[c, -]\n*k: d\n", "e", Arrays.asList("f !t", "g", "-", map("x", "h"))));
    assertThat(doc.comments()).extracting(Comment::text).containsExactly(" *k: not an alias", " [-, !t, x]");
  }
}
