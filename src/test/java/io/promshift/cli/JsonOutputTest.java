package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code status} and {@code migrate} with {@code --format json}: one document a script can read, same facts as text. */
class JsonOutputTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void statusAsJsonHasEveryFileItsDataSourcesAndTheTotalsOfTheTextReport() {
    Cli.Run text = Cli.run("status", "samples/provisioning");
    Cli.Run json = Cli.run("status", "--format", "json", "samples/provisioning");

    assertThat(json.code()).isEqualTo(text.code());
    JsonNode document = JSON.readTree(json.out());
    JsonNode totals = document.get("totals");
    String totalsLine = text.out().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(totalsLine).startsWith(totals.get("files").asInt() + " files, " + totals.get("dataSources").asInt()
        + " data sources: " + totals.get("pending").asInt() + " pending");
    assertThat(document.get("files")).hasSize(totals.get("files").asInt());
    JsonNode amp = null;
    for (JsonNode file : document.get("files")) {
      if (file.get("file").asString().endsWith("10-amp-eu-west-1.yaml")) {
        amp = file;
      }
    }
    assertThat(amp).isNotNull();
    assertThat(amp.get("verdict").asString()).isEqualTo("read");
    JsonNode first = amp.get("dataSources").get(0);
    assertThat(first.get("state").asString()).isEqualTo("pending");
    assertThat(first.get("targetType").asString()).isEqualTo("grafana-amazonprometheus-datasource");
    assertThat(first.get("line").asInt()).isPositive();
  }

  @Test
  void aFileThatCannotBeReadIsInTheDocumentWithItsDiagnostic(@TempDir Path dir) {
    Trees.write(dir.resolve("broken.yaml"), "apiVersion: 1\ndatasources:\n  - name: [\n");
    Cli.Run json = Cli.run("status", "--format", "json", dir.toString());

    assertThat(json.code()).isEqualTo(2);
    JsonNode file = JSON.readTree(json.out()).get("files").get(0);
    assertThat(file.get("verdict").asString()).isEqualTo("unreadable");
    JsonNode diagnostic = file.get("diagnostics").get(0);
    assertThat(diagnostic.get("rule").asString()).isEqualTo("yaml-syntax");
    assertThat(diagnostic.get("line").asInt()).isBetween(3, 4);
  }

  @Test
  void migrateAsJsonListsTheChangesAndInADryRunTheMaskedDiff() {
    Cli.Run json = Cli.run("migrate", "--format", "json", "samples/provisioning");
    Cli.Run text = Cli.run("migrate", "samples/provisioning");

    assertThat(json.code()).isEqualTo(text.code());
    assertThat(json.err()).isEqualTo(text.err());
    JsonNode document = JSON.readTree(json.out());
    assertThat(document.get("target").asString()).isEqualTo("plugin types");
    int changes = 0;
    for (JsonNode file : document.get("files")) {
      changes += file.get("changes").size();
      if (file.get("verdict").asString().equals("changed")) {
        assertThat(file.get("diff").asString()).startsWith("--- a/").doesNotContain("AKIA");
      }
    }
    assertThat(changes).isEqualTo(document.get("totals").get("dataSources").asInt()).isPositive();
    assertThat(Cli.run("migrate", "--format", "xml", "samples").code()).as("usage error").isEqualTo(2);
  }

  @Test
  void migrateAsSarifHasEveryDiagnosticOfTheRunWithItsCodeDescribed() {
    Cli.Run sarif = Cli.run("migrate", "--check", "--format", "sarif", "samples");
    assertThat(sarif.code()).isEqualTo(2);
    JsonNode run = JSON.readTree(sarif.out()).get("runs").get(0);
    java.util.Set<String> described = new java.util.HashSet<>();
    run.get("tool").get("driver").get("rules").forEach(rule -> described.add(rule.get("id").asString()));
    java.util.Set<String> used = new java.util.HashSet<>();
    run.get("results").forEach(result -> used.add(result.get("ruleId").asString()));
    assertThat(used).contains("yaml-syntax", "duplicate-key", "template", "fixed-version", "not-provisioning");
    assertThat(described).containsAll(used);
  }
}
