package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

  @Test
  void groupsEveryDataSourceByFileWithLineNameTypeAndStateThenTotals() {
    Cli.Run run = Cli.run("status", "samples/provisioning");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("""
        samples/provisioning/datasources/10-amp-eu-west-1.yaml
          30  AMP Production  prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true)
          48  AMP Platform    prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true)
          68  AMP Batch       prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true)

        """);
    assertThat(run.out()).contains("""
        samples/provisioning/datasources/50-amp-plugin.yaml
          10  AMP Nordics  grafana-amazonprometheus-datasource  migrated (prometheus-type-migration: true)
          28  AMP Tokyo    grafana-amazonprometheus-datasource  nothing to do
        """);
    assertThat(run.out()).contains("15  Azure Prometheus AKS Prod    prometheus  pending: Grafana moves it to"
        + " grafana-azureprometheus-datasource (jsonData.azureCredentials is set)");
    assertThat(run.out())
        .contains("34  AMP Staging  prometheus  will not migrate: sigV4Auth is the string \"true\", not the boolean true")
        .contains("50  AMP Sandbox  prometheus  will not migrate: sigV4Auth is a placeholder ($AMP_SANDBOX_SIGV4)")
        .endsWith("11 files, 25 data sources: 12 pending (10 to Amazon, 2 to Azure), 2 will not migrate, 1 migrated,"
            + " 10 nothing to do; 1 skipped, 0 unreadable\n");
    assertThat(run.out()).doesNotContain("dashboards.yaml");
    assertThat(run.err()).isEqualTo("samples/provisioning/dashboards/dashboards.yaml: note: not a data source"
        + " provisioning file (no datasources or deleteDatasources) and no data sources embedded in it; skipped\n");
  }

  @Test
  void unreadableFilesAreNamedWithLineAndColumnOnStderrAndTheRestIsStillReported() {
    Cli.Run run = Cli.run("status", "samples");
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(
        "samples/invalid/duplicate-key.yaml:15:7: error: duplicate key \"sigV4Region\"",
        "samples/invalid/syntax-error.yaml:14:13: error: invalid YAML",
        "samples/invalid/templated.yaml:2:1: error: this is a template");
    // files after the broken ones (in path order) are still listed
    assertThat(run.out()).contains("samples/invalid/unprefixed-keys.yaml", "samples/provisioning/datasources/70-staging-org2.yaml")
        .endsWith("; 1 skipped, 3 unreadable\n");
  }

  @Test
  void aMissingPathIsAFileThatCannotBeRead() {
    Cli.Run run = Cli.run("status", "samples/provisioning/datasources/10-amp-eu-west-1.yaml", "no/such/file.yaml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("no/such/file.yaml:1:1: error: there is no file or folder at this path");
    assertThat(run.out()).contains("AMP Production").endsWith("1 unreadable\n");
  }

  @Test
  void verboseSaysWhyEachSourceIsLeftAloneAndQuietPrintsOnlyErrors() {
    Cli.Run verbose = Cli.run("status", "-v", "samples/provisioning/datasources/20-observability-stack.yaml",
        "samples/provisioning/datasources/50-amp-plugin.yaml");
    assertThat(verbose.out())
        .contains("Loki                   loki        nothing to do (not a Prometheus type)")
        .contains("Prometheus In-Cluster  prometheus  nothing to do (core Prometheus without SigV4 or Azure auth)")
        .contains("AMP Tokyo    grafana-amazonprometheus-datasource  nothing to do (created as"
            + " grafana-amazonprometheus-datasource: no prometheus-type-migration marker)");

    Cli.Run quiet = Cli.run("status", "--quiet", "samples");
    assertThat(quiet.code()).isEqualTo(2);
    assertThat(quiet.out()).isEmpty();
    assertThat(quiet.err()).doesNotContain("note:").contains("error:");
    assertThat(quiet.err().lines()).hasSize(3);
  }

  @Test
  void statesOfEveryKindInOneFile(@TempDir Path dir) {
    Trees.write(dir.resolve("ds.yaml"), """
        apiVersion: 1
        datasources:
          - {name: Signed, type: prometheus, jsonData: {sigV4Auth: true}}
          - {name: Quoted, type: prometheus, jsonData: {sigV4Auth: "true"}}
          - {name: Yes word, type: prometheus, jsonData: {sigV4Auth: yes}}
          - {name: From env, type: prometheus, jsonData: {sigV4Auth: "${SIGV4}"}}
          - {name: Azure, type: prometheus, jsonData: {azureCredentials: {authType: msi}}}
          - {name: Done, type: grafana-azureprometheus-datasource, jsonData: {prometheus-type-migration: true}}
          - {type: prometheus}
        """);
    Cli.Run run = Cli.run("status", dir.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out().replace(dir.toString(), "DIR")).isEqualTo("""
        DIR/ds.yaml
          3  Signed          prometheus                          pending: Grafana moves it to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true)
          4  Quoted          prometheus                          will not migrate: sigV4Auth is the string "true", not the boolean true: the editor shows the notice, but requests are not signed and the migration skips it; run promshift fix first (it writes sigV4Auth: true), then migrate
          5  Yes word        prometheus                          will not migrate: sigV4Auth is the YAML 1.1 word yes (a string for Grafana 9.4+), not the boolean true: the editor shows the notice, but requests are not signed and the migration skips it; run promshift fix first (it writes sigV4Auth: true), then migrate
          6  From env        prometheus                          will not migrate: sigV4Auth is a placeholder (${SIGV4}): Grafana moves it only if it expands to true at run time, which the file alone cannot tell
          7  Azure           prometheus                          pending: Grafana moves it to grafana-azureprometheus-datasource (jsonData.azureCredentials is set)
          8  Done            grafana-azureprometheus-datasource  migrated (prometheus-type-migration: true)
          9  datasources[6]  prometheus                          nothing to do

        1 file, 7 data sources: 2 pending (1 to Amazon, 1 to Azure), 3 will not migrate, 1 migrated, 1 nothing to do; 0 skipped, 0 unreadable
        """);
  }

  @Test
  void namesCannotMoveTheTerminalsCursor(@TempDir Path dir) {
    Trees.write(dir.resolve("ds.yaml"), "apiVersion: 1\ndatasources:\n  - {name: \"evil\\e[2J\\rname\", type: loki}\n");
    Cli.Run run = Cli.run("status", dir.toString());
    assertThat(run.out()).contains("evil\\u001b[2J\\u000dname").doesNotContain("\u001b").doesNotContain("\r");
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() {
    String[] args = {"status", "samples/provisioning/datasources/70-staging-org2.yaml", "samples/invalid/syntax-error.yaml"};
    Cli.Run plain = Cli.run(args);
    assertThat(plain.out() + plain.err()).doesNotContain("\u001b[");

    Cli.Run terminal = Cli.run(Cli.terminal(Map.of("TERM", "xterm-256color")), args);
    assertThat(terminal.out()).contains("\u001b[31mwill not migrate\u001b[0m", "\u001b[1msamples/provisioning");
    assertThat(terminal.err()).contains("\u001b[1;31merror:\u001b[0m");

    for (Map<String, String> env : java.util.List.of(Map.of("NO_COLOR", "1"), Map.of("NO_COLOR", ""),
        Map.of("TERM", "dumb"))) {
      Cli.Run noColor = Cli.run(Cli.terminal(env), args);
      assertThat(noColor.out() + noColor.err()).as(env.toString()).doesNotContain("\u001b[");
      assertThat(noColor.out()).isEqualTo(plain.out());
    }
  }

  @Test
  void aProgressLineOnlyOnATerminalForRunsOverTwoHundredFilesAndNeverInCi(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 201; i++) {
      Trees.write(dir.resolve(String.format("f%03d.yaml", i)), "apiVersion: 1\ndatasources: []\n");
    }
    Cli.Run terminal = Cli.run(Cli.terminal(Map.of("NO_COLOR", "1")), "status", dir.toString());
    assertThat(terminal.err()).startsWith("\rstatus:   0/201 files (0%)").endsWith("\r\u001b[2K");
    assertThat(terminal.out()).doesNotContain("\r");

    assertThat(Cli.run("status", dir.toString()).err()).isEmpty();
    assertThat(Cli.run(Cli.terminal(Map.of("CI", "true")), "status", dir.toString()).err()).isEmpty();
    assertThat(Cli.run(Cli.terminal(Map.of()), "status", "-q", dir.toString()).err()).isEmpty();
    Files.delete(dir.resolve("f200.yaml"));
    assertThat(Cli.run(Cli.terminal(Map.of()), "status", dir.toString()).err()).as("200 files: no progress").isEmpty();
  }

  @Test
  void outputIsTheSameWhateverTheNumberOfThreads() {
    Cli.Run one = Cli.run("status", "--jobs", "1", "samples");
    Cli.Run many = Cli.run("status", "-j", "8", "samples");
    assertThat(many).isEqualTo(one);
  }

  @Test
  void includeAndExcludeGlobsNarrowTheWalk() {
    Cli.Run run = Cli.run("status", "--include", "**/datasources/*.yaml", "--exclude", "**/1*", "samples");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("20-observability-stack.yaml").doesNotContain("10-amp-eu-west-1.yaml")
        .doesNotContain("12-amp-cross-account.yml").doesNotContain("invalid/");
  }
}
