package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.promshift.model.ProvisioningFile;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.syntax.YamlReader;
import io.promshift.text.Position;
import io.promshift.text.SourceException;
import io.promshift.text.SourceException.Kind;
import io.promshift.text.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every place that raises a {@link SourceException} while reading says its {@link Kind}; {@link Validator#of}
 * maps the kind to a rule and a fix, and gives the rule and fix that matching the message's words gave before.
 */
class ReadErrorKindsTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);

  @TempDir
  static Path dir;

  static Stream<Arguments> raiseSites() throws IOException {
    Path big = Files.writeString(dir.resolve("big.yaml"), "apiVersion: 1\ndatasources: []\n");
    ReadSettings tiny = ReadSettings.builder().maxFileSize(10).build();
    ReadSettings shallow = ReadSettings.builder().maxDepth(2).build();
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(8))
          .append('*').append((char) (c - 1)).append("]\n");
    }
    String manyValues = "apiVersion: 1\ndatasources: []\nx: [" + "1,".repeat(1_000_001) + "]\n";
    return Stream.of(
        site("engine syntax error", Kind.SYNTAX, "yaml-syntax", "1:5", () -> read("a: b: c\n")),
        site("engine reader error", Kind.SYNTAX, "yaml-syntax", null, () -> read("a: b\u0007\n")),
        site("alias to no anchor", Kind.SYNTAX, "yaml-syntax", "1:4", () -> read("a: *nope\n")),
        site("recursive alias", Kind.SYNTAX, "yaml-syntax", "1:21", () -> read("datasources: &x [1, *x]\n")),
        site("tag the value does not fit", Kind.SYNTAX, "yaml-syntax", "1:14", () -> read("datasources: !!bool yes\n")),
        site("merge key without a map", Kind.SYNTAX, "yaml-syntax", "1:5", () -> read("<<: 1\n")),
        site("merge key list without maps", Kind.SYNTAX, "yaml-syntax", "1:6", () -> read("<<: [1]\n")),
        site("duplicate key", Kind.DUPLICATE_KEY, "duplicate-key", "2:1", () -> read("a: 1\na: 2\n")),
        site("template", Kind.TEMPLATE, "template", "1:6", () -> read("url: {{ .Values.url }}\n")),
        site("size, from bytes", Kind.LIMIT, "limit", "1:1",
            () -> new ProvisioningReader(tiny).read("t.yaml", bytes("apiVersion: 1\n"))),
        site("size, on disk", Kind.LIMIT, "limit", "1:1", () -> ProvisioningReader.readBytes(big, 10)),
        site("size, syntax reader bytes", Kind.LIMIT, "limit", "1:1",
            () -> new YamlReader(tiny).read("t.yaml", bytes("apiVersion: 1\n"))),
        site("size, syntax reader text", Kind.LIMIT, "limit", "1:1",
            () -> new YamlReader(tiny).read(SourceText.of("t.yaml", "apiVersion: 1\n"))),
        site("nesting depth", Kind.LIMIT, "limit", "1:5",
            () -> new ProvisioningReader(shallow).read("t.yaml", bytes("a: [[[1]]]\n"))),
        site("alias bomb", Kind.LIMIT, "limit", null, () -> read(bomb.toString())),
        site("values through aliases", Kind.LIMIT, "limit", "1:1", () -> JsonView.of(read(manyValues))),
        site("file not there", Kind.NOT_FOUND, "unreadable", "1:1",
            () -> ProvisioningReader.readBytes(dir.resolve("missing.yaml"), 100)),
        site("a folder, not a file", Kind.UNREADABLE, "unreadable", "1:1",
            () -> ProvisioningReader.readBytes(dir, 100)),
        site("invalid UTF-8", Kind.ENCODING, "unreadable", "1:4",
            () -> READER.read("t.yaml", new byte[] {'a', ':', ' ', (byte) 0xFF, '\n'})),
        site("NUL byte", Kind.ENCODING, "unreadable", "1:5", () -> read("a: x\0y\n")),
        site("two byte order marks", Kind.MISREAD, "yaml-syntax", "1:1", () -> read("\uFEFF\uFEFFa: 1\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("raiseSites")
  void eachRaiseSiteSaysItsKindAndTheRuleIsTheOneTheWordsGaveBefore(String site, Kind kind, String rule,
      String at, Supplier<?> raise) {
    SourceException e = catchThrowableOfType(SourceException.class, raise::get);
    assertThat(e).as("raised").isNotNull();
    assertThat(e.kind()).isEqualTo(kind);
    if (at != null) {
      assertThat(e.position()).hasToString(at);
    }
    Diagnostic finding = Validator.of(e);
    assertThat(finding.rule()).isEqualTo(rule).isEqualTo(ruleByWords(e.problem()));
    assertThat(finding.fix()).isEqualTo(fixByWords(e));
    assertThat(finding.position()).isEqualTo(e.position());
  }

  @Test
  void aDuplicateKeysFixNamesTheFirstOneAndWithoutItSaysSoPlainly() {
    SourceException twice = catchThrowableOfType(SourceException.class, () -> read("a: 1\nb: 2\na: 3\n"));
    assertThat(twice.related()).contains(new Position(0, 1, 1));
    assertThat(Validator.of(twice).fix()).isEqualTo("keep one of the two: remove this key or the one at line 1, column 1");
    SourceException unrelated = new SourceException("f", Position.START, Kind.DUPLICATE_KEY, "duplicate key \"a\"");
    assertThat(Validator.of(unrelated).fix()).isEqualTo("remove one of the two keys");
  }

  @Test
  void theKindDecidesNotTheWords() {
    // words that once chose a rule choose nothing now
    SourceException syntax = new SourceException("f", Position.START, Kind.SYNTAX, "duplicate key, over the limit");
    assertThat(Validator.of(syntax).rule()).isEqualTo("yaml-syntax");
    SourceException template = new SourceException("f", Position.START, Kind.TEMPLATE, "invalid YAML: {{");
    assertThat(Validator.of(template).rule()).isEqualTo("template");
  }

  @Test
  void aMigrationsRefusalIsNoReadingError() {
    SourceException refusal = new SourceException("f", Position.START, Kind.UNEDITABLE, "cannot edit \"a\"");
    assertThatThrownBy(() -> Validator.of(refusal)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot edit");
  }

  @Test
  void everyKindIsRaisedSomewhereOrDocumentedAsTheMigrations() throws IOException {
    List<Kind> raised = raiseSites().map(a -> (Kind) a.get()[1]).distinct().toList();
    assertThat(raised).containsExactlyInAnyOrder(
        Stream.of(Kind.values()).filter(k -> k != Kind.UNEDITABLE).toArray(Kind[]::new));
  }

  private static Arguments site(String name, Kind kind, String rule, String at, Supplier<?> raise) {
    return Arguments.of(name, kind, rule, at, raise);
  }

  private static ProvisioningFile read(String yaml) {
    return READER.read("t.yaml", bytes(yaml));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------- how Validator.of chose before the kinds: the message's words

  private static String ruleByWords(String problem) {
    if (problem.startsWith("duplicate key")) {
      return "duplicate-key";
    } else if (problem.startsWith("this is a template")) {
      return "template";
    } else if (problem.contains("over the limit") || problem.startsWith("nesting is deeper")
        || problem.startsWith("excessive aliasing") || problem.startsWith("the document expands")) {
      return "limit";
    } else if (problem.startsWith("cannot read the file") || problem.startsWith("the file is not valid UTF-8")
        || problem.startsWith("the file contains a NUL byte") || problem.startsWith("there is no file or folder")
        || problem.startsWith("the file looks like UTF-16")) {
      return "unreadable";
    }
    return "yaml-syntax";
  }

  private static String fixByWords(SourceException e) {
    return switch (ruleByWords(e.problem())) {
      case "duplicate-key" -> e.related().map(first -> "keep one of the two: remove this key or the one at line "
          + first.line() + ", column " + first.column()).orElse("remove one of the two keys");
      case "template" -> "render the template (helm template, ansible, terraform) and validate the rendered file";
      case "limit" -> "split or simplify the file; a provisioning file never needs this much";
      case "unreadable" -> e.problem().startsWith("cannot read") ? "check the path and its permissions"
          : e.problem().startsWith("there is no file") ? "check the path for a typo; a relative path starts at the"
              + " current folder"
          : "save the file as UTF-8 text";
      default -> e.problem().contains("two byte order marks")
          ? "write the file as it is meant to be read; Grafana would store something else"
          : "correct the YAML at this position; Grafana refuses the whole file";
    };
  }
}
