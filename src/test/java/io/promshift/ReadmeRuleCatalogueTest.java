package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.rules.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's rule catalogue (under "Validation", where SARIF's helpUri points) names every rule the validator
 * reports, so a new rule cannot ship without its line there; and its last column says whether {@code promshift fix}
 * resolves the rule's findings, as {@link Code#fixable()} does.
 */
class ReadmeRuleCatalogueTest {
  private static String catalogue;

  @BeforeAll
  static void readCatalogue() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("\n## Validation\n");
    assertThat(start).as("a Validation section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    catalogue = readme.substring(start, end < 0 ? readme.length() : end);
  }

  @Test
  void everyValidatorRuleIsInTheCatalogue() {
    assertThat(Code.rules()).isNotEmpty()
        .allSatisfy(code -> assertThat(catalogue).as(code.id()).contains("`" + code.id() + "`"));
  }

  @Test
  void aFixableRuleHasARowOfItsOwnThatSaysWhatTheFixWrites() {
    assertThat(Code.fixables()).isNotEmpty().allSatisfy(code -> {
      List<String> cells = row(code);
      assertThat(cells.get(0)).as("the row of " + code.id() + " names it alone").isEqualTo("`" + code.id() + "`");
      assertThat(cells.get(cells.size() - 1)).as("what promshift fix does with " + code.id()).isNotEqualTo("—")
          .isNotBlank();
    });
  }

  @Test
  void everyOtherRuleSaysPromshiftFixLeavesIt() {
    assertThat(Code.rules().stream().filter(code -> !code.fixable()))
        .allSatisfy(code -> assertThat(row(code).get(row(code).size() - 1)).as(code.id()).isEqualTo("—"));
  }

  /** The cells of the catalogue's table row whose first cell names the rule. */
  private static List<String> row(Code code) {
    return catalogue.lines().filter(line -> line.startsWith("| ") && line.split("\\|")[1].contains("`" + code.id() + "`"))
        .findFirst().map(line -> List.of(line.substring(1, line.length() - 1).split(" \\| ")).stream()
            .map(String::strip).toList())
        .orElseThrow(() -> new AssertionError("no catalogue row names " + code.id()));
  }
}
