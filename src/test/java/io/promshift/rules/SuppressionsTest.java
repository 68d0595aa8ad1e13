package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.promshift.text.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suppression comments of a file: {@code # promshift-disable-line} and {@code # promshift-disable-next-line},
 * found only where a YAML comment starts, applied by the line of each finding.
 */
class SuppressionsTest {

  private static Diagnostic finding(int line, int column, Code code) {
    return Diagnostic.of("f.yaml", new Position(0, line, column), code, code.title());
  }

  private static List<Suppressions.Directive> scan(String text) {
    return Suppressions.scan("f.yaml", text).directives();
  }

  @Test
  void aSameLineDirectiveSuppressesTheFindingsOfItsOwnLine() {
    Suppressions suppressions = Suppressions.scan("f.yaml", """
        datasources:
          - name: x
            jsonData: {accessKey: AKIAXXXXXXXXXXXXXXXX} # promshift-disable-line literal-aws-key
        """);
    Diagnostic onIt = finding(3, 27, Code.LITERAL_AWS_KEY);
    Diagnostic otherRule = finding(3, 5, Code.SIGV4_KEYS_WHILE_OFF);
    Diagnostic otherLine = finding(2, 13, Code.LITERAL_AWS_KEY);
    Suppressions.Applied applied = suppressions.apply(List.of(otherLine, onIt, otherRule));
    assertThat(applied.findings()).containsExactly(otherLine, otherRule);
    assertThat(applied.suppressed()).extracting(Suppressed::finding, Suppressed::directive)
        .containsExactly(tuple(onIt, new Position(73, 3, 49)));
  }

  @Test
  void aNextLineDirectiveSuppressesTheLineAfterIt() {
    Suppressions suppressions = Suppressions.scan("f.yaml", """
        datasources:
          # promshift-disable-next-line migration-pending
          - name: x
            type: prometheus
        """);
    Diagnostic next = finding(3, 5, Code.MIGRATION_PENDING);
    Diagnostic later = finding(4, 11, Code.MIGRATION_PENDING);
    Suppressions.Applied applied = suppressions.apply(List.of(next, later));
    assertThat(applied.suppressed()).extracting(Suppressed::finding).containsExactly(next);
    assertThat(applied.findings()).containsExactly(later);
    assertThat(suppressions.directives()).singleElement().satisfies(d -> {
      assertThat(d.nextLine()).isTrue();
      assertThat(d.line()).isEqualTo(3);
      assertThat(d.at()).isEqualTo(new Position(15, 2, 3));
    });
  }

  @Test
  void severalRulesAreSeparatedByCommasOrSpacesAndTheReasonFollowsTwoDashes() {
    List<Suppressions.Directive> directives = scan(
        "a: 1 # promshift-disable-line uid-invalid, access-invalid  duplicate-name -- kept for the old dashboards\n");
    assertThat(directives).singleElement().satisfies(d -> {
      assertThat(d.rules()).extracting(Suppressions.Rule::id)
          .containsExactly("uid-invalid", "access-invalid", "duplicate-name");
      assertThat(d.rules().get(1).at().column()).isEqualTo(44);
      assertThat(d.justification()).isEqualTo("kept for the old dashboards");
      assertThat(d.all()).isFalse();
    });
  }

  @Test
  void noRuleOrAllSuppressesEveryRuleOnTheLine() {
    Diagnostic a = finding(1, 4, Code.UID_INVALID);
    Diagnostic b = finding(1, 9, Code.MIGRATION_PENDING);
    for (String comment : List.of("# promshift-disable-line", "# promshift-disable-line all",
        "#promshift-disable-line ALL -- generated")) {
      Suppressions suppressions = Suppressions.scan("f.yaml", "a: 1 " + comment + "\n");
      assertThat(suppressions.directives()).singleElement().satisfies(d -> assertThat(d.all()).isTrue());
      Suppressions.Applied applied = suppressions.apply(List.of(a, b));
      assertThat(applied.findings()).as(comment).isEmpty();
      assertThat(applied.suppressed()).as(comment).extracting(Suppressed::finding).containsExactly(a, b);
    }
  }

  @Test
  void aHashInsideAQuotedScalarOrAPlainScalarIsNoComment() {
    assertThat(scan("url: \"http://h/#x # promshift-disable-line url-too-long\"\n")).isEmpty();
    assertThat(scan("name: 'it''s # promshift-disable-line name-missing'\n")).isEmpty();
    assertThat(scan("- [\"a\", 'b # promshift-disable-line all']\n")).isEmpty();
    assertThat(scan("url: http://h/#promshift-disable-line\n")).as("no space before #: plain text").isEmpty();
    // a quote inside a plain scalar opens nothing: the # after it starts a comment
    assertThat(scan("name: it's mine # promshift-disable-line name-too-long\n")).hasSize(1);
    assertThat(scan("name: \"quoted\" # promshift-disable-line name-too-long\n")).hasSize(1);
  }

  @Test
  void otherWordsAreNoDirective() {
    assertThat(scan("a: 1 # promshift-disable-lines all\nb: 2 # promshift-disable literal-aws-key\n"
        + "c: 3 # see promshift-disable-line\n")).isEmpty();
  }

  @Test
  void aDirectiveInsideAnEmbeddedBlockScalarIsOnItsOuterLine() {
    Suppressions suppressions = Suppressions.scan("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        data:
          datasources.yaml: |
            datasources:
              - name: amp
                # promshift-disable-next-line sigv4-auth-not-boolean
                jsonData: {sigV4Auth: "true"}
        """);
    assertThat(suppressions.directives()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(8));
    Diagnostic inUnit = finding(8, 39, Code.SIGV4_AUTH_NOT_BOOLEAN).withPath("data.datasources.yaml");
    assertThat(suppressions.apply(List.of(inUnit)).suppressed()).extracting(Suppressed::finding)
        .containsExactly(inUnit);
  }

  @Test
  void anUnknownRuleIsAWarningAtItsPlaceWithTheRuleMeant() {
    Suppressions.Applied applied = Suppressions.scan("f.yaml",
        "a: 1 # promshift-disable-line literal-aws-kye, no-such-rule\n").apply(List.of());
    assertThat(applied.findings()).extracting(Diagnostic::code, Diagnostic::severity, Diagnostic::line,
        Diagnostic::column).containsExactly(
            tuple(Code.SUPPRESSION_UNKNOWN_RULE, Severity.WARNING, 1, 31),
            tuple(Code.SUPPRESSION_UNKNOWN_RULE, Severity.WARNING, 1, 48));
    assertThat(applied.findings().get(0).message()).isEqualTo(
        "no rule is called \"literal-aws-kye\": promshift-disable-line suppresses nothing under this name");
    assertThat(applied.findings().get(0).fix()).isEqualTo("write literal-aws-key (the rule id is misspelt)");
    assertThat(applied.findings().get(1).fix()).startsWith("write a rule id as reports print it");
  }

  @Test
  void aDirectiveThatSuppressesNothingIsAnInfo() {
    Diagnostic used = finding(2, 3, Code.UID_INVALID);
    Suppressions.Applied applied = Suppressions.scan("f.yaml", """
        # promshift-disable-next-line uid-invalid, access-invalid
        a: 1
        b: 2 # promshift-disable-line
        """).apply(List.of(used));
    assertThat(applied.suppressed()).extracting(Suppressed::finding).containsExactly(used);
    assertThat(applied.findings()).extracting(Diagnostic::code, Diagnostic::severity, Diagnostic::line,
        Diagnostic::column, Diagnostic::message).containsExactly(
            tuple(Code.SUPPRESSION_UNUSED, Severity.INFO, 1, 44,
                "promshift-disable-next-line access-invalid suppresses nothing: no access-invalid finding on line 2"),
            tuple(Code.SUPPRESSION_UNUSED, Severity.INFO, 3, 6,
                "promshift-disable-line (every rule) suppresses no finding on its line"));
  }

  @Test
  void aReadRefusalIsNeverSuppressed() {
    Diagnostic refusal = finding(1, 9, Code.YAML_SYNTAX);
    Suppressions.Applied applied = Suppressions.scan("f.yaml", "a: [1, # promshift-disable-line yaml-syntax\n")
        .apply(List.of(refusal));
    assertThat(applied.suppressed()).isEmpty();
    assertThat(applied.findings()).extracting(Diagnostic::code)
        .containsExactly(Code.YAML_SYNTAX, Code.SUPPRESSION_UNUSED);
    assertThat(applied.findings().get(1).message()).startsWith("yaml-syntax is never suppressed");
    assertThat(Suppressions.scan("f.yaml", "a: [1, # promshift-disable-line\n").apply(List.of(refusal)).suppressed())
        .isEmpty();
  }

  @Test
  void aFileWithoutTheWordHasNoDirectives() {
    assertThat(Suppressions.scan("f.yaml", "a: 1 # a comment\n")).isSameAs(Suppressions.NONE);
  }
}
