package io.promshift.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The characters of a file as Grafana's YAML reader (go-yaml v3) reads them, where SnakeYAML Engine reads them
 * otherwise: every verdict and value here was checked against go-yaml v3 itself.
 */
class GoYamlTextTest {
  private static final String HEAD = "apiVersion: 1\ndatasources:\n  - name: a\n    type: prometheus\n";
  private final YamlReader reader = new YamlReader();

  // --- Grafana refuses; promshift read these files before ---

  @Test
  void surrogateEscapesAreRefusedPairedOrNotAsGoYamlRefusesThem() {
    refused(HEAD + "    url: \"\\ud83d\\ude00\"\n", "5:11", e -> {
      assertThat(e.problem()).contains("found invalid Unicode character escape code", "\\uD83D", "surrogate");
      assertThat(e.problem()).contains("\\U0001F600"); // the one escape that works
    });
    refused(HEAD + "    url: \"x\\uDE00\"\n", "5:12", e -> assertThat(e.problem()).contains("\\uDE00"));
    refused(HEAD + "    url: \"\\U0000D83D\"\n", "5:11", e -> assertThat(e.problem()).contains("surrogate"));
    refused(HEAD + "    url: \"\\U00110000\"\n", null, e -> { });
    // a multi-line scalar: go-yaml names the line of its opening quote
    refused(HEAD + "    url: \"a\n      \\ud83d\"\n", "5:10",
        e -> assertThat(e.problem()).contains("at line 6, column 7"));
    assertThat(value(HEAD + "    url: \"\\U0001F600 \\u00e9 \\\\ud83d\"\n")).isEqualTo("😀 é \\ud83d");
    assertThat(value(HEAD + "    url: '\\ud83d'\n")).isEqualTo("\\ud83d");
  }

  @Test
  void aLineOfSpacesAndATabIsRefusedWhereGoYamlRefusesIt() {
    // after a plain value, left of its indentation: go-yaml names the value's line
    refused(HEAD + "  \t\n    url: x\n", "4:11", e -> {
      assertThat(e.problem()).contains("found a tab character that violates indentation", "line 5, column 3");
    });
    refused(HEAD + "    url: x\n  \t\n", "5:10", e -> assertThat(e.problem()).contains("violates indentation"));
    refused("apiVersion: 1\n\t\ndatasources: []\n", "2:1", e -> { });
    // after anything but a plain scalar: the tab itself cannot start a token
    refused(HEAD + "    url: \"x\"\n  \t\n    uid: u\n", "6:3", e -> {
      assertThat(e.problem()).contains("found character that cannot start any token");
    });
    refused("  \t\n" + HEAD, "1:3", e -> { });
    refused("a:\n  \t\n  b: 1\n", "2:3", e -> { });
    refused("a: [x]\n\t\n", "2:1", e -> { });
    refused("- a: x\n \t\n- b\n", "2:2", e -> { });
    // in a block scalar: left of its indentation, or before its first line
    refused("a: |\n  x\n \t\nb: 1\n", "3:2", e -> {
      assertThat(e.problem()).contains("found a tab character where an indentation space is expected");
    });
    refused("a: |\n\t\n  x\n", "2:1", e -> { });
    // a tab after the indicator that starts a line
    refused("-\tx\n", "1:2", e -> { });
    refused("a:\n  - \tx\n", "2:5", e -> { });

    // where go-yaml reads it
    assertThat(map("apiVersion: 1\n  \t\ndatasources: []\n")).containsEntry("apiVersion", 1L);
    assertThat(list("- a: x\n   \t\n- b\n")).isEqualTo(List.of(Map.of("a", "x"), "b"));
    assertThat(map("a: \"x\n  \t\n     y\"\n")).containsEntry("a", "x\ny");
    assertThat(map("a: [1,\n\t2]\n")).containsEntry("a", List.of(1L, 2L));
    assertThat(map("a: |\n  x\n  \t\nb: 1\n")).containsEntry("a", "x\n\t\n");
    assertThat(map("a: |2\n  \t\n   x\n")).containsEntry("a", "\t\n x\n");
    assertThat(map("x: plain\n \t continued\n")).containsEntry("x", "plain continued");
    assertThat(map("a: x \t\nb: y\n")).containsEntry("b", "y");
  }

  @Test
  void controlCharactersAreRefusedWhereverTheyAreAsGoYamlsReaderRefusesThem() {
    refused(HEAD + "    url: \"a\u007Fb\"\n", "5:12", e -> {
      assertThat(e.problem()).contains("U+007F (DEL)", "control characters are not allowed", "\\x7F");
    });
    refused(HEAD + "    url: 'a\u007Fb'\n", "5:12", e -> { });
    refused(HEAD + "    url: a\u007Fb\n", "5:11", e -> { });
    refused(HEAD + "    url: x # a\u007Fb\n", "5:15", e -> { });
    refused(HEAD + "    url: \"a\u0001b\"\n", "5:12", e -> assertThat(e.problem()).contains("U+0001"));
    refused(HEAD + "    url: \"a\u0080b\"\n", "5:12", e -> { });
    refused(HEAD + "    url: \"a\u009Fb\"\n", "5:12", e -> { });
    refused(HEAD + "    url: \"a\uFFFEb\"\n", "5:12", e -> assertThat(e.problem()).contains("U+FFFE"));
    // go-yaml's reader decodes (and checks) 512-byte blocks: what follows the first document closely is read
    refused(HEAD + "    url: x\n---\na: \u0001\n", "7:4", e -> { });
    // the next document, past what go-yaml reads ahead, is never read
    StringBuilder far = new StringBuilder(HEAD + "    url: x\n---\n");
    for (int i = 0; i < 300; i++) {
      far.append("k").append(i).append(": v\n");
    }
    assertThat(reader.read(SourceText.of("ds.yaml", far + "z: \u007F\n")).moreDocuments()).isTrue();
    // NEL is no control character for go-yaml: a line break (folded to a space in a quoted value)
    assertThat(value(HEAD + "    url: \"a\u0085b\"\n")).isEqualTo("a b");
  }

  @Test
  void lineAndParagraphSeparatorsAreLineBreaksAsGoYamlReadsThem() {
    // in a plain value the rest of the line starts a new one, at column 0: go-yaml refuses the file
    refused(HEAD + "    url: a\u2028b\n", null, e -> { });
    refused(HEAD + "    url: a\u2029b\n", null, e -> { });
    refused(HEAD + "    url: a\u0085b\n", null, e -> { });
    refused(HEAD + "    url: |\n      a\u2028b\n", null, e -> { });
    refused(HEAD + "    url: x # a\u2028b\n", null, e -> { });
    // a quoted value keeps them as go-yaml does (blanks around a line break dropped)
    assertThat(value(HEAD + "    url: \"a\u2028b\"\n")).isEqualTo("a\u2028b");
    assertThat(value(HEAD + "    url: 'a \u2029 b'\n")).isEqualTo("a\u2029b");
    assertThat(value(HEAD + "    url: \"a\u2028\nb\"\n")).isEqualTo("a\u2028\nb");
    // ... and a line broken by one reads on
    assertThat(map(HEAD + "    url: x\u2028    uid: u\n").toString()).contains("uid=u");
    assertThat(map("a: x\u2028  y\n")).containsEntry("a", "x\u2028y");
    assertThat(map("a: |\n  x\u2028  y\n")).containsEntry("a", "x\u2028y\n");
    assertThat(map("a: >\n  x\u2028  y\n  z\n")).containsEntry("a", "x\u2028y z\n");
  }

  @Test
  void aTabBeforeACommentIsRefusedOnlyWhereGoYamlRefusesATab() {
    assertThat(value(HEAD + "    url: x\t# c\n")).isEqualTo("x");
    assertThat(value(HEAD + "    url: \"x\"\t# c\n")).isEqualTo("x");
    refused(HEAD + "    url: x\n\t# c\n", "5:10", e -> assertThat(e.problem()).contains("violates indentation"));
    refused(HEAD + "    url: \"x\"\n\t# c\n", "6:1", e -> assertThat(e.problem()).contains("cannot start any token"));
    refused("\t# c\na: 1\n", "1:1", e -> { });
    // a comment after a token on its line is read with it: the tab after it starts the next line
    refused("a: \"x\" # c\n\t# d\nb: 1\n", "2:1", e -> { });
    refused("a: # c\n\t# d\n  b: 1\n", "2:1", e -> { });
    // after a comment that starts its line (or follows ---, ...,  -) go-yaml reads on to the next comment
    assertThat(map("# c\n\t# d\na: 1\n")).containsEntry("a", 1L);
    assertThat(map("a: \"x\"\n# c\n\t# d\nb: 1\n")).containsEntry("b", 1L);
    assertThat(map("--- # c\n\t# d\na: 1\n")).containsEntry("a", 1L);
    assertThat(list("- # c\n\t# d\n  - x\n")).isEqualTo(List.of(List.of("x")));
    assertThat(map(HEAD + "    url: x\n    # c\n\t# d\n").toString()).contains("url=x");
    assertThat(map("a:\n  b: x\n   \t# c\n  c: y\n")).containsEntry("a", Map.of("b", "x", "c", "y"));
  }

  @Test
  void twoByteOrderMarksAreRefusedForGoYamlMisreadsTheFile() {
    byte[] bytes = utf8("\uFEFF\uFEFF" + HEAD + "    url: x\n");
    assertThatThrownBy(() -> reader.read("ds.yaml", bytes)).isInstanceOfSatisfying(SourceException.class, e -> {
      assertThat(e.kind()).isEqualTo(SourceException.Kind.MISREAD);
      assertThat(e.position()).hasToString("1:1");
      assertThat(e.problem()).contains("two byte order marks", "atasources", "remove the extra byte order mark");
    });
    assertThat(reader.read("ds.yaml", utf8("\uFEFF" + HEAD)).root()).isNotNull();
  }

  @Test
  void anchorAndAliasNamesOutsideGoYamlsLettersDigitsUnderscoreAndDashAreRefused() {
    refused("a: &日本 x\nb: *日本\n", "1:4", e -> {
      assertThat(e.problem()).contains("this anchor (&…)", "did not find expected alphabetic or numeric character");
      assertThat(e.problem()).doesNotContain("日本"); // a value that starts with & may be a secret
    });
    refused("a: &a! x\n", "1:4", e -> { });
    // go-yaml's name ends at ':' or '?', where the unquoted value starts (in block context)
    assertThat(map("a: &a:b x\nb: *a\nc: &c?d \"e\"\n")).containsEntry("a", ":b x").containsEntry("b", ":b x")
        .containsEntry("c", "?d \"e\"");
    refused("a:\n  &é\n  b: 1\n", "2:3", e -> { });
    refused("a: &a x\nb: *日本\n", "2:4", e -> assertThat(e.problem()).contains("this alias (*…)"));
    refused("password: *abc!def\n", "1:11", e -> { });
    assertThat(map("a: &a_-9 x\nb: *a_-9\nc: [&b y, *b]\n"))
        .containsEntry("b", "x").containsEntry("c", List.of("y", "y"));
  }

  @Test
  void directivesOtherThanYaml11AndTagAreRefusedAsGoYamlRefusesThem() {
    String body = "---\napiVersion: 1\ndatasources: []\n";
    refused("%YAML 1.2\n" + body, "1:1", e -> {
      assertThat(e.problem()).contains("found incompatible YAML document", "%YAML 1.1");
    });
    refused("%YAML 1.0\n" + body, "1:1", e -> { });
    refused("%YAML 1.10\n" + body, "1:1", e -> { });
    refused("# c\n%YAML 1.2\n" + body, "2:1", e -> { });
    refused("%FOO bar\n" + body, "1:1", e -> assertThat(e.problem()).contains("found unknown directive name"));
    refused("\n%yaml 1.1\n" + body, "2:1", e -> { });
    assertThat(map("%YAML 1.1\n" + body)).containsEntry("apiVersion", 1L);
    assertThat(map("%YAML 01.1\n%TAG !e! tag:example.com,2000:\n" + body)).containsEntry("apiVersion", 1L);
    // go-yaml's scanner reads three tokens past the first document: a directive among them fails the read
    String first = "apiVersion: 1\ndatasources: []\n";
    refused(first + "...\n%YAML 1.1\n%FOO x\n---\na: 1\n", "5:1", e -> { });
    refused(first + "---\n%FOO x\n", "4:1", e -> { });
    assertThat(map(first + "...\n%YAML 1.1\n%TAG ! x\n%FOO x\n---\na: 1\n")).containsEntry("apiVersion", 1L);
    // the version of a later document is checked only when go-yaml reads that document: never, for Grafana
    assertThat(map(first + "...\n%YAML 1.2\n---\na: 1\n")).containsEntry("apiVersion", 1L);
  }

  // --- Grafana reads; promshift refused these files before ---

  @Test
  void theEscapesOnlyGoYamlKnowsAreReadAsGoYamlReadsThem() {
    assertThat(value(HEAD + "    url: \"a\\Lb\"\n")).isEqualTo("a\u2028b");
    assertThat(value(HEAD + "    url: \"a\\Pb\"\n")).isEqualTo("a\u2029b");
    assertThat(value(HEAD + "    url: \"it\\'s\"\n")).isEqualTo("it's");
    assertThat(value(HEAD + "    url: \"C:\\Program Files\\Logs\"\n")).isEqualTo("C:\u2029rogram Files\u2028ogs");
    assertThat(value(HEAD + "    url: \"\\\\L \\\\\\L\"\n")).isEqualTo("\\L \\\u2028");
    // a backslash outside a double-quoted scalar is text, as before
    assertThat(map("a: C:\\Logs\\'x\nb: 'C:\\'\nc: [\"x\\'\", 'y\\', z\\L]\n"))
        .containsEntry("a", "C:\\Logs\\'x").containsEntry("b", "C:\\").containsEntry("c", List.of("x'", "y\\", "z\\L"));
    YamlDocument commented = reader.read(SourceText.of("c.yaml", "a: 1 # don\\'t\n"));
    assertThat(commented.comments()).singleElement().satisfies(c -> assertThat(c.text()).contains("don\\'t"));
    // and such a file is migrated, the value kept byte for byte
    String file = "apiVersion: 1\ndatasources:\n  - name: \"it\\'s \\L amp\"\n    type: prometheus\n"
        + "    jsonData:\n      sigV4Auth: true\n";
    MigrationResult result = new Migrator(MigrationOptions.forward().build()).migrate("ds.yaml", file);
    assertThat(result.refused()).isFalse();
    assertThat(result.newText()).contains("name: \"it\\'s \\L amp\"", "type: grafana-amazonprometheus-datasource");
  }

  @Test
  void utf16FilesWithAByteOrderMarkAreReadAndWrittenBackInTheirEncoding() {
    String file = "apiVersion: 1\r\ndatasources:\r\n  - name: é😀\r\n    type: prometheus\r\n"
        + "    jsonData:\r\n      sigV4Auth: true\r\n";
    for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] bytes = utf16(file, charset);
      SourceText source = SourceText.decode("ds.yaml", bytes);
      assertThat(source.text()).isEqualTo(file);
      assertThat(source.charset()).isEqualTo(charset);
      assertThat(source.bytes()).isEqualTo(bytes);
      assertThat(source.position(file.indexOf("type"))).hasToString("4:5");
      MigrationResult result = new Migrator(MigrationOptions.forward().build()).migrate("ds.yaml", bytes);
      assertThat(result.changed()).isTrue();
      assertThat(result.newBytes()).isEqualTo(utf16(result.newText(), charset));
      assertThat(result.newText()).contains("type: grafana-amazonprometheus-datasource\r\n");
    }
    // go-yaml refuses bad UTF-16 too
    byte[] odd = utf16("a: 1\n", StandardCharsets.UTF_16LE);
    byte[] oddLength = java.util.Arrays.copyOf(odd, odd.length + 1);
    assertThatThrownBy(() -> SourceText.decode("ds.yaml", oddLength)).isInstanceOfSatisfying(SourceException.class,
        e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.ENCODING));
    byte[] lone = {(byte) 0xFF, (byte) 0xFE, 'a', 0, ':', 0, ' ', 0, 0x00, (byte) 0xDC};
    assertThatThrownBy(() -> SourceText.decode("ds.yaml", lone)).isInstanceOfSatisfying(SourceException.class,
        e -> assertThat(e.position()).hasToString("1:4"));
  }

  @Test
  void aLeadingLineSeparatorIsALineBreakSoTheFileIsReadAndMigrated() {
    String file = "\u2028apiVersion: 1\ndatasources:\n  - name: a\n    type: prometheus\n"
        + "    jsonData:\n      sigV4Auth: true\n";
    assertThat(map(file)).containsKey("apiVersion");
    MigrationResult result = new Migrator(MigrationOptions.forward().build()).migrate("ds.yaml", file);
    assertThat(result.newText()).startsWith("\u2028apiVersion: 1\n")
        .contains("type: grafana-amazonprometheus-datasource");
  }

  @Test
  void aDirectiveRightAfterTheFirstDocumentEndsItAsInGoYaml() {
    YamlDocument doc = reader.read(SourceText.of("ds.yaml", "apiVersion: 1\ndatasources: []\n%YAML 1.1\n---\na: 1\n"));
    assertThat(((MappingNode) doc.root()).entry("apiVersion")).isNotNull();
    assertThat(doc.moreDocuments()).isTrue();
    assertThat(map("x: |\n  a\n%YAML 1.1\n")).containsEntry("x", "a\n");
    assertThat(map("x: 1\n...\n%YAML 1.1\n---\na: 1\n")).containsEntry("x", 1L);
    // inside a quoted scalar it is text
    assertThat(map("x: \"a\n%YAML 1.1\"\n")).containsEntry("x", "a %YAML 1.1");
    // an unknown one right there is read, and refused, by go-yaml's scanner
    refused("x: 1\n%FOO x\n---\na: 1\n", "2:1", e -> { });
  }

  // --- helpers ---

  private void refused(String text, String position, Consumer<SourceException> more) {
    assertThatThrownBy(() -> reader.read(SourceText.of("ds.yaml", text)))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.SYNTAX);
          if (position != null) {
            assertThat(e.position()).hasToString(position);
          }
          more.accept(e);
        });
  }

  /** The url of the first data source. */
  private String value(String text) {
    Object root = plainOf(text);
    Object first = ((List<?>) ((Map<?, ?>) root).get("datasources")).get(0);
    return (String) ((Map<?, ?>) first).get("url");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(String text) {
    return (Map<String, Object>) plainOf(text);
  }

  private List<?> list(String text) {
    return (List<?>) plainOf(text);
  }

  private Object plainOf(String text) {
    return io.promshift.grafana.GoYaml.resolve(reader.read(SourceText.of("ds.yaml", text))).toPlain();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] utf16(String text, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(charset.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE}
        : new byte[] {(byte) 0xFE, (byte) 0xFF});
    out.writeBytes(text.getBytes(charset));
    return out.toByteArray();
  }
}
