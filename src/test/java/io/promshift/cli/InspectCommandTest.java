package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InspectCommandTest {

  @Test
  void showsWhySigV4AuthYesIsAStringInYamlByDefault() {
    Cli.Run run = Cli.run("inspect", "samples/invalid/sigv4-auth-yes.yaml");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("files:\n- file: samples/invalid/sigv4-auth-yes.yaml\n  grafana: reads\n"
        + "  apiVersion: 1\n  dataSources:\n  - line: 5\n    column: 5\n    name: AMP Plugin Unsigned\n")
        .contains("    jsonData:\n      sigV4Auth: \"yes\"\n");
  }

  @Test
  void jsonNamesTheConversionGrafanaFailsOnAtItsPosition() {
    Cli.Run run = Cli.run("inspect", "--format", "json", "samples/invalid/is-default-yes.yaml");
    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode file = JsonMapper.builder().build().readTree(run.out()).path("files").get(0);
    assertThat(file.path("grafana").asString()).isEqualTo("refuses");
    assertThat(file.path("error").path("field").asString()).isEqualTo("isDefault");
    assertThat(file.path("error").path("line").asInt()).isEqualTo(10);
    assertThat(file.path("dataSources").get(0).path("isDefault").asString()).isEqualTo("yes");
  }

  @Test
  void aFileThatCannotBeReadIsAnErrorOnStderrAndARefusalInTheDocument(@TempDir Path tmp) throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "apiVersion: 1\ndatasources:\n  - name: [\n");
    Path good = Files.writeString(tmp.resolve("good.yaml"), "apiVersion: 1\ndatasources:\n  - name: a\n");
    Cli.Run run = Cli.run("inspect", "--format", "json", tmp.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith(bad + ":4:1: error: ");
    JsonNode files = JsonMapper.builder().build().readTree(run.out()).path("files");
    assertThat(files.get(0).path("grafana").asString()).isEqualTo("refuses");
    assertThat(files.get(0).path("error").path("code").asString()).isEqualTo("yaml-syntax");
    assertThat(files.get(1).path("file").asString()).isEqualTo(good.toString());
    assertThat(files.get(1).path("grafana").asString()).isEqualTo("reads");
  }

  @Test
  void embeddedDataSourcesCarryTheirPathAndShape() {
    Cli.Run run = Cli.run("inspect", "--format", "json", "samples/embedded/kube-prometheus-stack-values.yaml");
    JsonNode source = JsonMapper.builder().build().readTree(run.out()).path("files").get(0).path("dataSources").get(1);
    assertThat(source.path("path").asString()).isEqualTo("grafana.additionalDataSources[0]");
    assertThat(source.path("shape").asString()).isEqualTo("kps-additional");
    assertThat(source.path("jsonData").path("sigV4Auth").asBoolean()).isTrue();
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Cli.Run run = Cli.run("inspect", "--format", "xml", "samples/invalid");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--format: unknown value 'xml'; use yaml or json");
  }
}
