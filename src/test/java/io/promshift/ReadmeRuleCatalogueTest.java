package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.rules.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's rule catalogue (under "Validation", where SARIF's helpUri points) names every rule the validator
 * reports, so a new rule cannot ship without its line there.
 */
class ReadmeRuleCatalogueTest {
  @Test
  void everyValidatorRuleIsInTheCatalogue() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("\n## Validation\n");
    assertThat(start).as("a Validation section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    String catalogue = readme.substring(start, end < 0 ? readme.length() : end);

    assertThat(Code.rules()).isNotEmpty()
        .allSatisfy(code -> assertThat(catalogue).as(code.id()).contains("`" + code.id() + "`"));
  }
}
