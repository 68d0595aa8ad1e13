package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data sources embedded in other files, through the command line: kube-prometheus-stack values, a grafana-operator
 * resource per document, and a plain provisioning file beside them, which prints as it always did.
 */
class EmbeddedCliTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String VALUES = """
      # kube-prometheus-stack values
      grafana:
        adminPassword: hunter2
        additionalDataSources:
          - name: AMP
            type: prometheus
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
            jsonData:
              sigV4Auth: true
              sigV4AuthType: default
              sigV4Region: eu-west-1
          - name: Loki
            type: loki
            url: http://loki:3100
      """;
  private static final String OPERATOR = """
      apiVersion: grafana.integreatly.org/v1beta1
      kind: GrafanaDatasource
      metadata:
        name: amp
      spec:
        instanceSelector:
          matchLabels:
            dashboards: grafana
        datasource:
          name: AMP operator
          type: prometheus
          access: proxy
          url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-2/
          jsonData:
            sigV4Auth: true
            sigV4AuthType: default
            sigV4Region: us-east-1
      ---
      apiVersion: grafana.integreatly.org/v1beta1
      kind: GrafanaDatasource
      metadata:
        name: loki
      spec:
        instanceSelector:
          matchLabels:
            dashboards: grafana
        datasource:
          name: Loki operator
          type: loki
          access: proxy
          url: http://loki:3100
      """;
  private static final String PLAIN = """
      apiVersion: 1
      datasources:
        - name: Plain AMP
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: true
            sigV4Region: eu-west-1
      """;
  private static final String PLAIN_STATUS = """
      DIR/plain.yaml
        3  Plain AMP  prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true)

      """;

  @TempDir
  Path dir;

  @BeforeEach
  void threeFiles() {
    Trees.write(dir.resolve("operator.yaml"), OPERATOR);
    Trees.write(dir.resolve("plain.yaml"), PLAIN);
    Trees.write(dir.resolve("values.yaml"), VALUES);
  }

  @Test
  void statusPlacesEmbeddedItemsByLineAndColumnWithPathShapeAndDeliveryAndThePlainFileAsBefore() {
    Cli.Run run = Cli.run("status", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().replace(dir.toString(), "DIR")).isEqualTo("""
        DIR/operator.yaml
          10:5  AMP operator   prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true)
                spec.datasource: grafana-operator GrafanaDatasource; delivery F3/F4: operator push (every resync up to v5.18; on change from v5.19)
          28:5  Loki operator  loki        nothing to do
                spec.datasource: grafana-operator GrafanaDatasource; delivery F3/F4: operator push (every resync up to v5.18; on change from v5.19)

        """ + PLAIN_STATUS + """
        DIR/values.yaml
           5:7  AMP   prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true)
                grafana.additionalDataSources[0]: kube-prometheus-stack additionalDataSources; delivery F2: file and sidecar reload
          12:7  Loki  loki        nothing to do
                grafana.additionalDataSources[1]: kube-prometheus-stack additionalDataSources; delivery F2: file and sidecar reload

        3 files, 5 data sources: 3 pending (3 to Amazon, 0 to Azure), 0 will not migrate, 0 migrated, 2 nothing to do; 0 skipped, 0 unreadable
        """);
    assertThat(Cli.run("status", dir.resolve("plain.yaml").toString()).out().replace(dir.toString(), "DIR"))
        .as("a plain file alone").startsWith(PLAIN_STATUS);
  }

  @Test
  void statusAsJsonGivesEveryItemItsFilePositionPathShapeStateAndDelivery() {
    Cli.Run run = Cli.run("status", "--format", "json", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode document = JSON.readTree(run.out());
    List<JsonNode> items = new ArrayList<>();
    document.get("files").forEach(file -> file.get("dataSources").forEach(items::add));
    assertThat(items).hasSize(5);

    JsonNode operator = items.get(0);
    assertThat(operator.get("file").asString()).isEqualTo(dir.resolve("operator.yaml").toString());
    assertThat(operator.get("line").asInt()).isEqualTo(10);
    assertThat(operator.get("column").asInt()).isEqualTo(5);
    assertThat(operator.get("path").asString()).isEqualTo("spec.datasource");
    assertThat(operator.get("shape").asString()).isEqualTo("operator-v5");
    assertThat(operator.get("shapeLabel").asString()).isEqualTo("grafana-operator GrafanaDatasource");
    assertThat(operator.get("name").asString()).isEqualTo("AMP operator");
    assertThat(operator.get("state").asString()).isEqualTo("pending");
    assertThat(operator.get("targetType").asString()).isEqualTo("grafana-amazonprometheus-datasource");
    assertThat(operator.get("delivery").get("id").asString()).isEqualTo("F3/F4");
    assertThat(operator.get("delivery").get("description").asString()).startsWith("operator push");
    assertThat(items.get(1).get("line").asInt()).as("the second document's item").isEqualTo(28);

    JsonNode plain = items.get(2);
    assertThat(plain.get("path").asString()).isEmpty();
    assertThat(plain.get("shape").asString()).isEqualTo("provisioning-file");
    assertThat(plain.get("delivery").get("id").asString()).isEqualTo("F1");

    JsonNode amp = items.get(3);
    assertThat(amp.get("path").asString()).isEqualTo("grafana.additionalDataSources[0]");
    assertThat(amp.get("shape").asString()).isEqualTo("kps-additional");
    assertThat(amp.get("delivery").get("id").asString()).isEqualTo("F2");
    assertThat(items.get(4).get("state").asString()).isEqualTo("nothing to do");

    JsonNode totals = document.get("totals");
    assertThat(totals.get("dataSources").asInt()).isEqualTo(5);
    assertThat(totals.get("pending").asInt()).isEqualTo(3);
    assertThat(totals.get("fixedType").asInt()).isZero();
  }

  @Test
  void checkListsTheFilesWithEmbeddedItemsAndWriteMigratesThemInTheirFiles() throws IOException {
    Cli.Run check = Cli.run("migrate", "--check", dir.toString());
    assertThat(check.code()).as(check.toString()).isEqualTo(1);
    assertThat(check.out().replace(dir.toString(), "DIR"))
        .isEqualTo("DIR/operator.yaml\nDIR/plain.yaml\nDIR/values.yaml\n");
    assertThat(Files.readString(dir.resolve("values.yaml"))).isEqualTo(VALUES);

    Cli.Run write = Cli.run("migrate", "--write", "--verbose", dir.toString());
    assertThat(write.code()).as(write.toString()).isZero();
    assertThat(write.err().replace(dir.toString(), "DIR")).contains("""
        DIR/values.yaml: rewritten (1 data source)
          5:7 "AMP" at grafana.additionalDataSources[0]: prometheus -> grafana-amazonprometheus-datasource (marker added)
        """, """
        DIR/operator.yaml: rewritten (1 data source)
          10:5 "AMP operator" at spec.datasource: prometheus -> grafana-amazonprometheus-datasource (marker added)
        """);
    assertThat(Files.readString(dir.resolve("values.yaml"))).isEqualTo(VALUES
        .replace("      type: prometheus", "      type: grafana-amazonprometheus-datasource")
        .replace("        sigV4Region: eu-west-1\n", "        sigV4Region: eu-west-1\n        prometheus-type-migration: true\n"));
    assertThat(Files.readString(dir.resolve("operator.yaml")))
        .contains("    type: grafana-amazonprometheus-datasource\n    access: proxy")
        .contains("      sigV4Region: us-east-1\n      prometheus-type-migration: true\n---")
        .contains("    name: Loki operator\n    type: loki\n");

    Cli.Run after = Cli.run("status", dir.toString());
    assertThat(after.out()).contains("3 migrated, 2 nothing to do");
    assertThat(Cli.run("migrate", "--check", dir.toString()).code()).as("a second run changes nothing").isZero();
  }

  @Test
  void embeddedOffReadsPlainProvisioningFilesOnly() {
    Cli.Run run = Cli.run("status", "--embedded", "off", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out().replace(dir.toString(), "DIR")).isEqualTo(PLAIN_STATUS
        + "3 files, 1 data source: 1 pending (1 to Amazon, 0 to Azure), 0 will not migrate, 0 migrated, 0 nothing to"
        + " do; 2 skipped, 0 unreadable\n");
    assertThat(run.err().replace(dir.toString(), "DIR")).isEqualTo("""
        DIR/operator.yaml: note: not a data source provisioning file (no datasources or deleteDatasources); skipped
        DIR/values.yaml: note: not a data source provisioning file (no datasources or deleteDatasources); skipped
        """);
    assertThat(Cli.run("migrate", "--check", "--embedded", "off", dir.toString()).out().replace(dir.toString(), "DIR"))
        .isEqualTo("DIR/plain.yaml\n");
  }

  @Test
  void aUnitTheUserDeclaresIsReadAtItsPath(@TempDir Path other) {
    Path release = other.resolve("release.yaml");
    Trees.write(release, """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: grafana
        spec:
          values:
            myStuff:
              datasources:
                - name: Custom AMP
                  type: prometheus
                  url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
                  jsonData:
                    sigV4Auth: true
                    sigV4Region: eu-west-1
        """);
    assertThat(Cli.run("status", release.toString()).err()).contains("note: not a data source provisioning file");

    Cli.Run run = Cli.run("status", "--unit", "spec.values.myStuff.datasources=items", release.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out().replace(other.toString(), "DIR")).isEqualTo("""
        DIR/release.yaml
          9:11  Custom AMP  prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true)
                spec.values.myStuff.datasources[0]: unit given by --unit; delivery unknown

        1 file, 1 data source: 1 pending (1 to Amazon, 0 to Azure), 0 will not migrate, 0 migrated, 0 nothing to do; 0 skipped, 0 unreadable
        """);
    Cli.Run json = Cli.run("status", "--format", "json", "--unit", "spec.values.*.datasources=items", release.toString());
    JsonNode item = JSON.readTree(json.out()).get("files").get(0).get("dataSources").get(0);
    assertThat(item.get("shape").asString()).isEqualTo("user");
    assertThat(item.get("delivery").get("id").asString()).isEqualTo("?");

    Cli.Run check = Cli.run("migrate", "--check", "--unit", "spec.values.myStuff.datasources=items", release.toString());
    assertThat(check.code()).as(check.toString()).isEqualTo(1);
  }

  @Test
  void badEmbeddedOrUnitValuesAreUsageErrorsThatSayWhatIsWrong() {
    for (String command : List.of("status", "validate", "migrate")) {
      Cli.Run kind = Cli.run(command, "--unit", "spec.values.myStuff.datasources=list", dir.toString());
      assertThat(kind.code()).as(kind.toString()).isEqualTo(2);
      assertThat(kind.out()).isEmpty();
      assertThat(kind.err()).startsWith("promshift " + command + ": --unit spec.values.myStuff.datasources=list: the"
          + " kind after = must be items, document or item, got list\n");
    }
    Cli.Run noKind = Cli.run("status", "--unit", "spec.values", dir.toString());
    assertThat(noKind.code()).isEqualTo(2);
    assertThat(noKind.err()).startsWith("promshift status: --unit spec.values: expected PATH=items|document|item, got"
        + " spec.values\n");
    Cli.Run mode = Cli.run("validate", "--embedded", "sometimes", dir.toString());
    assertThat(mode.code()).isEqualTo(2);
    assertThat(mode.err()).startsWith("promshift validate: --embedded: unknown value 'sometimes'; use auto or off\n");
    Cli.Run both = Cli.run("migrate", "--embedded", "off", "--unit", "a.b=items", dir.toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).startsWith("promshift migrate: --unit needs --embedded auto");
  }

  @Test
  void findingsInsideAUnitNameTheValuesPathInEveryFormat() {
    Trees.write(dir.resolve("values.yaml"), VALUES.replace("sigV4Auth: true", "sigV4Auth: \"true\""));
    String values = dir.resolve("values.yaml").toString();

    Cli.Run text = Cli.run("validate", values);
    assertThat(text.out()).startsWith(values + ":9:20: warning [sigv4-auth-not-boolean]"
        + " grafana.additionalDataSources[0].jsonData.sigV4Auth: sigV4Auth is the string \"true\"");

    JsonNode finding = JSON.readTree(Cli.run("validate", "--format", "json", values).out()).at("/findings/0");
    assertThat(finding.get("path").asString()).isEqualTo("grafana.additionalDataSources[0].jsonData.sigV4Auth");
    assertThat(finding.get("pointer").asString()).isEqualTo("/datasources/0/jsonData/sigV4Auth");
    JsonNode plainFinding = JSON.readTree(Cli.run("validate", "--format", "json", "samples/invalid/empty-region.yaml")
        .out()).at("/findings/0");
    assertThat(plainFinding.has("path")).as("a plain file's finding has no path").isFalse();

    JsonNode result = JSON.readTree(Cli.run("validate", "--format", "sarif", values).out())
        .get("runs").get(0).get("results").get(0);
    assertThat(result.get("properties").get("path").asString())
        .isEqualTo("grafana.additionalDataSources[0].jsonData.sigV4Auth");
    assertThat(result.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asString())
        .isEqualTo("grafana.additionalDataSources[0].jsonData.sigV4Auth");

    Cli.Run migrate = Cli.run("migrate", values);
    // a migration's notice names the path too (of the item or of its value, as the migration says)
    assertThat(migrate.err()).contains(values + ":9:20: warning: grafana.additionalDataSources[0]");
  }

  @Test
  void kubePrometheusStacksDefaultDataSourceHasAFixedTypeCountedApart() {
    Trees.write(dir.resolve("values.yaml"), """
        grafana:
          sidecar:
            datasources:
              defaultDatasourceEnabled: true
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
              extraJsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
        """);
    Cli.Run run = Cli.run("status", dir.resolve("values.yaml").toString());

    assertThat(run.out()).contains("""
          4:7  Prometheus  prometheus  fixed type: jsonData.sigV4Auth is true, but the chart writes its type: Grafana\
         moves it at every start and the chart's file moves it back
               grafana.sidecar.datasources: kube-prometheus-stack default data source; delivery F2: file and sidecar reload
        """).endsWith("1 file, 1 data source: 0 pending, 0 will not migrate, 0 migrated, 1 fixed type, 0 nothing to do;"
        + " 0 skipped, 0 unreadable\n");
    JsonNode json = JSON.readTree(Cli.run("status", "--format", "json", dir.resolve("values.yaml").toString()).out());
    assertThat(json.get("files").get(0).get("dataSources").get(0).get("state").asString()).isEqualTo("fixed type");
    assertThat(json.get("totals").get("fixedType").asInt()).isEqualTo(1);
  }
}
