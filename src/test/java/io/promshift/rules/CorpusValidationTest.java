package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.Promshift;
import io.promshift.testing.Corpus;
import io.promshift.text.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every real provisioning file of the shared corpus validates without an exception (each on its own: they come
 * from unrelated repositories). Prints the findings per rule id. Each error-level finding on a real file was
 * judged a real mistake in that file; they are listed here so that a new one fails the build until someone
 * looks at it.
 */
class CorpusValidationTest {
  /** file rule line:col, each a real mistake of that file (see the reasons). */
  private static final Set<String> GENUINE_ERRORS = Set.of(
      // the AMP plugin's own dev provisioning: sigV4Auth true without sigV4Region, so signing cannot work
      "001-grafana-amazonprometheus-datasources.yml sigv4-region-missing 10:3",
      // an older revision of the same file: no region either, and sigV4AuthType keys without any secureJsonData
      "093-grafana-amazonprometheus-datasources.yml sigv4-region-missing 10:3",
      "093-grafana-amazonprometheus-datasources.yml schema 4:3");

  @Test
  void everyRealFileValidatesAndEveryErrorIsAKnownRealMistake() {
    List<Path> files = Corpus.files("real");
    Promshift promshift = Promshift.create();
    Validator validator = Validator.create();
    List<Diagnostic> all = new ArrayList<>();
    int refused = 0;
    for (Path file : files) {
      try {
        all.addAll(validator.validate(promshift.read(file)));
      } catch (SourceException e) {
        refused++;
        all.add(Validator.of(e));
      }
    }
    Map<String, Long> perRule = all.stream()
        .collect(Collectors.groupingBy(f -> f.severity().label() + " " + f.rule(), TreeMap::new, Collectors.counting()));
    StringBuilder summary = new StringBuilder("validate corpus/real: " + files.size() + " files (" + refused
        + " refused), " + all.size() + " findings\n");
    perRule.forEach((rule, count) -> summary.append(String.format("  %5d  %s%n", count, rule)));
    System.out.print(summary);

    assertThat(all).allSatisfy(f -> {
      assertThat(f.line()).isPositive();
      assertThat(f.column()).isPositive();
      assertThat(Code.find(f.rule())).isPresent();
    });
    assertThat(all.stream().filter(f -> f.severity() == Severity.ERROR)
        .map(f -> Path.of(f.file()).getFileName() + " " + f.rule() + " " + f.position()))
        .containsExactlyInAnyOrderElementsOf(GENUINE_ERRORS);
  }
}
