package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provisioning file inside a ConfigMap's string, through the command line: status places each item at its outer
 * line:column with the string's path ▸ the inner path, in text and in JSON, and says where a string does not read.
 */
class StringUnitCliTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String CONFIG_MAP = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: grafana-datasources
        labels:
          grafana_datasource: "1"
      data:
        ds.yaml: |
          apiVersion: 1
          datasources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
            - name: Loki
              type: loki
              url: http://loki:3100
        templated.yaml: |
          apiVersion: 1
          datasources:
          {{- if .Values.amp }}
            - name: AMP
          {{- end }}
      """;

  @TempDir
  Path dir;

  @BeforeEach
  void configMap() {
    Trees.write(dir.resolve("cm.yaml"), CONFIG_MAP);
  }

  @Test
  void statusTextPlacesTheStringsItemsAndSaysWhereATemplatedStringIs() {
    Cli.Run run = Cli.run("status", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out().replace(dir.toString(), "DIR")).isEqualTo("""
        DIR/cm.yaml
          11:9  AMP   prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true)
                data["ds.yaml"] ▸ datasources[0]: ConfigMap/Secret for the k8s-sidecar; delivery F2: file and sidecar reload
          16:9  Loki  loki        nothing to do
                data["ds.yaml"] ▸ datasources[1]: ConfigMap/Secret for the k8s-sidecar; delivery F2: file and sidecar reload

        1 file, 2 data sources: 1 pending (1 to Amazon, 0 to Azure), 0 will not migrate, 0 migrated, 1 nothing to do; 0 skipped, 0 unreadable
        """);
    assertThat(run.err().replace(dir.toString(), "DIR")).isEqualTo("DIR/cm.yaml:22:5: error: data[\"templated.yaml\"]:"
        + " this is a template (\"{{\" tag), not YAML that Grafana reads: render it (helm template, ansible,"
        + " terraform) and run promshift on the result\n");
  }

  @Test
  void statusJsonGivesTheStringsItemsTheirPathDownToTheInnerItem() {
    Cli.Run run = Cli.run("status", "--format", "json", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode file = JSON.readTree(run.out()).get("files").get(0);
    JsonNode amp = file.get("dataSources").get(0);
    assertThat(amp.get("line").asInt()).isEqualTo(11);
    assertThat(amp.get("column").asInt()).isEqualTo(9);
    assertThat(amp.get("path").asString()).isEqualTo("data[\"ds.yaml\"] ▸ datasources[0]");
    assertThat(amp.get("shape").asString()).isEqualTo("sidecar-file");
    assertThat(amp.get("state").asString()).isEqualTo("pending");
    assertThat(amp.get("delivery").get("id").asString()).isEqualTo("F2");
    assertThat(file.get("dataSources").get(1).get("path").asString()).isEqualTo("data[\"ds.yaml\"] ▸ datasources[1]");
    JsonNode template = file.get("diagnostics").get(0);
    assertThat(template.get("rule").asString()).isEqualTo("template");
    assertThat(template.get("line").asInt()).isEqualTo(22);
    assertThat(template.get("column").asInt()).isEqualTo(5);
    assertThat(template.get("path").asString()).isEqualTo("data[\"templated.yaml\"]");
  }
}
