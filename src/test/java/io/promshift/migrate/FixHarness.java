package io.promshift.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.embed.SourceFile;
import io.promshift.embed.SourceReader;
import io.promshift.embed.UnitSettings;
import io.promshift.model.ProvisioningReader;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Validator;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Before/after checks for {@code promshift fix}. Every check of a fix also asserts its promises: no refusal, fixing
 * the result again changes nothing (idempotence), and the result re-validates without any of the fixed findings (the
 * same rule at the same pointer and path).
 */
final class FixHarness {
  static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);
  static final SourceReader SOURCES = new SourceReader(READER, UnitSettings.AUTO);
  static final Fixer FIXER = new Fixer(SOURCES, Validator.create(), FixOptions.DEFAULTS);

  private FixHarness() {}

  /** The default fixer turns {@code before} into {@code after}, with the promises. */
  static MigrationResult fixes(String before, String after) {
    return fixes(FIXER, Validator.create(), before, after);
  }

  static MigrationResult fixes(Fixer fixer, Validator validator, String before, String after) {
    MigrationResult result = fixer.fix("test.yaml", before);
    assertThat(result.refusal()).as("refusal").isNull();
    assertThat(result.newText()).isEqualTo(after);
    assertThat(result.fixes()).as("a changed file says what was fixed").isNotEmpty();
    assertIdempotent(fixer, result);
    assertFixedFindingsGone(validator, result);
    return result;
  }

  /** The fixer leaves {@code text} as it is, and its finding {@code rule} at {@code pointer} stays. */
  static MigrationResult unchanged(String text, Code rule, String pointer) {
    return unchanged(FIXER, Validator.create(), text, rule, pointer);
  }

  static MigrationResult unchanged(Fixer fixer, Validator validator, String text, Code rule, String pointer) {
    MigrationResult result = fixer.fix("test.yaml", text);
    assertThat(result.refusal()).as("refusal").isNull();
    assertThat(result.newText()).isEqualTo(text);
    assertThat(result.changed()).isFalse();
    assertThat(result.fixes()).isEmpty();
    if (rule != null) {
      assertThat(findings(validator, text)).as("the finding stays").contains(rule + " " + pointer);
    }
    return result;
  }

  /** Fixing a fixed text changes nothing and fixes nothing. */
  static void assertIdempotent(Fixer fixer, MigrationResult result) {
    MigrationResult again = fixer.fix(result.file(), result.newBytes());
    assertThat(again.refusal()).as("refusal of the second fix").isNull();
    assertThat(again.newBytes()).as("fix twice = fix once").isEqualTo(result.newBytes());
    assertThat(again.fixes()).as("nothing left to fix").isEmpty();
  }

  /** None of the fixed findings is reported for the fixed text: the same rule at the same pointer (and path). */
  static void assertFixedFindingsGone(Validator validator, MigrationResult result) {
    Set<String> after = validator.validate(SOURCES.read(SourceText.of(result.file(), result.newText()))).stream()
        .map(FixHarness::key).collect(Collectors.toSet());
    for (Fix fix : result.fixes()) {
      assertThat(after).as("%s: the fixed finding %s is gone", result.file(), fix).doesNotContain(key(fix));
    }
  }

  static String key(Diagnostic d) {
    return d.code() + " " + d.pointer() + " " + d.path();
  }

  static String key(Fix fix) {
    return fix.rule() + " " + fix.pointer() + " " + fix.path();
  }

  /** The findings of a text as {@code RULE /pointer} (plain files). */
  static List<String> findings(Validator validator, String text) {
    SourceFile read = SOURCES.read(SourceText.of("test.yaml", text));
    return validator.validate(read).stream().map(d -> d.code() + " " + d.pointer()).toList();
  }

  /** What each fix changed, as the report says it. */
  static List<String> changes(MigrationResult result) {
    return result.fixes().stream().map(Fix::change).toList();
  }
}
