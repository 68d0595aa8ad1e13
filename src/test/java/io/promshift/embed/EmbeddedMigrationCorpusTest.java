package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.migrate.Change;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SigV4 {@code prometheus} items of {@code ../shared/corpus/embedded} migrate faithfully (type and marker only, at
 * their place in the outer file) and come back byte for byte; nothing else in the corpus changes.
 */
class EmbeddedMigrationCorpusTest {
  private final ProvisioningReader reader = new ProvisioningReader(ReadSettings.DEFAULTS);
  private final Migrator forward = new Migrator(reader, MigrationOptions.forward().build());
  private final Migrator reverse = new Migrator(reader, MigrationOptions.reverse().build());
  private final Migrator reverseUnmarked = new Migrator(reader,
      MigrationOptions.reverse().reverseUnmarked(true).build());

  @Test
  void theEightSigV4PrometheusItemsMigrateAndComeBackByteForByte() throws Exception {
    List<String> moved = new ArrayList<>();
    for (Path file : Corpus.files("embedded")) {
      String number = file.getFileName().toString().substring(0, 3);
      byte[] original = Files.readAllBytes(file);
      MigrationResult result = forward.migrate(file.toString(), original);
      assertThat(result.refused()).as(number + " refused: %s", result.refusal()).isFalse();
      for (Change change : result.changes()) {
        moved.add(number + " " + change.path() + " " + change.toType());
      }
      if (!result.changed()) {
        continue;
      }
      assertThat(forward.migrate(file.toString(), result.newBytes()).changed()).as(number + " is idempotent").isFalse();
      Migrator back = number.equals("015") ? reverseUnmarked : reverse;
      MigrationResult restored = back.migrate(file.toString(), result.newBytes());
      assertThat(restored.newBytes()).as(number + " comes back byte for byte").isEqualTo(original);
    }
    assertThat(moved).containsExactly(
        "001 spec.datasource grafana-amazonprometheus-datasource",
        "005 grafana.additionalDataSources[0] grafana-amazonprometheus-datasource",
        "006 grafana.additionalDataSources[0] grafana-amazonprometheus-datasource",
        "007 grafana.additionalDataSources[0] grafana-amazonprometheus-datasource",
        "015 spec.datasources[0] grafana-amazonprometheus-datasource",
        "031 grafana.additionalDataSources[0] grafana-amazonprometheus-datasource",
        "032 grafana.additionalDataSources[0] grafana-amazonprometheus-datasource",
        "037 spec.datasource grafana-amazonprometheus-datasource");
  }

  @Test
  void onlyTheTypeAndOneMarkerLineChange() throws Exception {
    for (Path file : Corpus.files("embedded")) {
      String text = Files.readString(file);
      MigrationResult result = forward.migrate(file.toString(), text);
      if (!result.changed()) {
        continue;
      }
      List<String> before = text.lines().toList();
      List<String> after = result.newText().lines().toList();
      boolean keepsMarker = !file.getFileName().toString().startsWith("015");
      assertThat(after).as(file.toString()).hasSize(before.size() + (keepsMarker ? 1 : 0));
      List<String> removed = new ArrayList<>(before);
      removed.removeAll(after);
      List<String> added = new ArrayList<>(after);
      added.removeAll(before);
      assertThat(removed).as(file.toString()).singleElement().asString().contains("type: prometheus");
      assertThat(added).as(file.toString()).anySatisfy(line ->
          assertThat(line).contains("type: grafana-amazonprometheus-datasource"));
      if (keepsMarker) {
        assertThat(added).as(file.toString()).anySatisfy(line ->
            assertThat(line).contains("prometheus-type-migration").contains("true"));
      }
    }
  }
}
