package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grafana's interpolateValue: $$ escapes, ExpandVar, then os.ExpandEnv. */
class InterpolatorTest {
  private static final Map<String, String> ENV = Map.of("VAR", "x", "A", "$B", "B", "z", "EMPTY", "");
  private final Interpolator plain = new Interpolator(ENV, null);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "$VAR                | x",
      "${VAR}              | x",
      "$__env{VAR}         | x",
      "pre-$VAR-post       | pre-x-post",
      "$UNSET              | ''",
      "${UNSET}            | ''",
      "$__env{UNSET}       | ''",
      "a$$b                | a$b",
      "$$VAR               | $VAR",
      "$${__value.raw}     | ${__value.raw}",
      "${__value.raw}      | ''",
      "$__unknown{x}       | {x}",
      "x$                  | x$",
      "'$ x'               | '$ x'",
      "$1                  | ''",
      "${}x                | x",
      "${VAR               | VAR",
      "${A}                | z",
      "$VAR.$VAR           | x.x",
      "$EMPTY              | ''",
      "no placeholder      | no placeholder"})
  void expandsAsGrafanaDoes(String raw, String expanded) {
    Interpolator.Result result = plain.interpolate(raw);
    assertThat(result.value()).isEqualTo(expanded);
    assertThat(result.unresolved()).isFalse();
    assertThat(result.changed()).isEqualTo(!raw.equals(expanded));
  }

  @Test
  void fileAndVaultPlaceholdersAreUnresolvedWithoutAFileRoot() {
    assertThat(plain.interpolate("$__file{/run/secrets/key}").unresolved()).isTrue();
    assertThat(plain.interpolate("$VAR-$__vault{aws:key}").unresolved()).isTrue();
    assertThat(plain.interpolate("$__vault{aws:key}").value()).isEqualTo("$__vault{aws:key}");
  }

  @Test
  void fileContentIsTrimmedAndReadBelowTheRoot(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("run/secrets"));
    Files.writeString(root.resolve("run/secrets/region"), "  eu-west-1\n");
    Interpolator withFiles = new Interpolator(ENV, root);
    assertThat(withFiles.interpolate("$__file{/run/secrets/region}").value()).isEqualTo("eu-west-1");
    assertThat(withFiles.interpolate("$__file{run/secrets/region}").value()).isEqualTo("eu-west-1");
    Interpolator.Result missing = withFiles.interpolate("$__file{/run/secrets/none}");
    assertThat(missing.error()).contains("$__file{/run/secrets/none}", "cannot be read");
    assertThat(missing.unresolved()).isTrue();
    assertThat(withFiles.interpolate("$__file{/../../etc/passwd}").error()).isNotNull();
  }

  @Test
  void aFileThatNeverEndsIsRefusedOverTheLimitNotReadForEver(@TempDir Path root) throws IOException {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "/dev/zero");
    Files.createSymbolicLink(root.resolve("endless"), zero);
    Interpolator withFiles = new Interpolator(ENV, root);

    Interpolator.Result endless = withFiles.interpolate("$__file{/endless}");

    assertThat(endless.unresolved()).isTrue();
    assertThat(endless.error()).contains("$__file{/endless} cannot be read (").contains("over the limit")
        .doesNotContain("Exception");
  }
}
