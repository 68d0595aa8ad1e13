package io.promshift.migrate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before/after checks for migrations. Every forward check also asserts the promises: a second forward
 * changes nothing, and reverse gives back the input byte for byte.
 */
final class MigrationHarness {
  static final Migrator FORWARD = new Migrator(MigrationOptions.forward().build());
  static final Migrator REVERSE = new Migrator(MigrationOptions.reverse().build());

  private MigrationHarness() {}

  /** Forward turns {@code before} into {@code after}; forward is idempotent; reverse restores {@code before}. */
  static MigrationResult forward(String before, String after) {
    MigrationResult result = FORWARD.migrate("test.yaml", before);
    assertThat(result.refusal()).as("refusal").isNull();
    assertThat(result.newText()).isEqualTo(after);
    MigrationResult again = FORWARD.migrate("test.yaml", after);
    assertThat(again.newText()).as("forward twice equals forward once").isEqualTo(after);
    MigrationResult back = REVERSE.migrate("test.yaml", after);
    assertThat(back.refusal()).as("reverse refusal").isNull();
    assertThat(back.newText()).as("reverse(forward(x)) == x").isEqualTo(before);
    return result;
  }

  /** Forward leaves the text exactly as it is. */
  static MigrationResult unchanged(String text) {
    MigrationResult result = FORWARD.migrate("test.yaml", text);
    assertThat(result.newText()).isEqualTo(text);
    assertThat(result.changed()).isFalse();
    return result;
  }

  static MigrationResult refused(String text) {
    MigrationResult result = FORWARD.migrate("test.yaml", text);
    assertThat(result.refused()).as("refused").isTrue();
    assertThat(result.newText()).isEqualTo(text);
    return result;
  }
}
