package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.migrate.Change;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningReader;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.syntax.ReadSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Migrating data sources where they are embedded: each case writes out the whole text after the migration, and checks
 * that a second forward run changes nothing and that reverse gives back the input byte for byte.
 */
class EmbeddedMigrationTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final Migrator FORWARD = new Migrator(READER, MigrationOptions.forward().build());
  private static final Migrator REVERSE = new Migrator(READER, MigrationOptions.reverse().build());
  private static final String AMP = "grafana-amazonprometheus-datasource";

  /** Forward gives exactly {@code after}, is idempotent, and reverse restores {@code before}. */
  private static MigrationResult roundTrip(String name, String before, String after) {
    return roundTrip(FORWARD, REVERSE, name, before, after);
  }

  private static MigrationResult roundTrip(Migrator forward, Migrator reverse, String name, String before,
      String after) {
    MigrationResult result = forward.migrate(name, before);
    assertThat(result.refusal()).as("refusal").isNull();
    assertThat(result.newText()).isEqualTo(after);
    MigrationResult again = forward.migrate(name, after);
    assertThat(again.refusal()).as("second forward refusal").isNull();
    assertThat(again.newText()).as("forward twice equals forward once").isEqualTo(after);
    assertThat(again.changes()).as("second forward changes").isEmpty();
    MigrationResult back = reverse.migrate(name, after);
    assertThat(back.refusal()).as("reverse refusal").isNull();
    assertThat(back.newText()).as("reverse(forward(x)) == x").isEqualTo(before);
    return result;
  }

  private static MigrationResult unchanged(String name, String text) {
    MigrationResult result = FORWARD.migrate(name, text);
    assertThat(result.refusal()).as("refusal").isNull();
    assertThat(result.newText()).isEqualTo(text);
    assertThat(result.changes()).isEmpty();
    return result;
  }

  private static List<String> moved(MigrationResult result) {
    return result.changes().stream().map(c -> c.path() + " " + c.fromType() + " -> " + c.toType()).toList();
  }

  private static List<Diagnostic> notices(MigrationResult result, Code code) {
    return result.notices().stream().filter(n -> n.code() == code).toList();
  }

  // ---- kube-prometheus-stack additionalDataSources -----------------------------------------------------------

  private static final String KPS = """
      prometheus:
        prometheusSpec:
          remoteWrite:
            - url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write
              sigv4:
                region: eu-west-1
      grafana:
        enabled: true
        additionalDataSources:
          - name: AMP
            type: prometheus
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
            access: proxy
            isDefault: false
            jsonData:
              sigV4Auth: true
              sigV4AuthType: default
              sigV4Region: eu-west-1
          - name: Loki
            type: loki
            url: http://loki:3100
      """;

  @Test
  void aSigV4ItemOfKubePrometheusStackValuesGetsTheTypeAndOneMarkerLineIndentedLikeItsSiblings() {
    MigrationResult result = roundTrip("values.yaml", KPS, """
        prometheus:
          prometheusSpec:
            remoteWrite:
              - url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write
                sigv4:
                  region: eu-west-1
        grafana:
          enabled: true
          additionalDataSources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              access: proxy
              isDefault: false
              jsonData:
                sigV4Auth: true
                sigV4AuthType: default
                sigV4Region: eu-west-1
                prometheus-type-migration: true
            - name: Loki
              type: loki
              url: http://loki:3100
        """);
    assertThat(moved(result)).containsExactly("grafana.additionalDataSources[0] prometheus -> " + AMP);
    Change change = result.changes().get(0);
    assertThat(change.marker()).isEqualTo(Change.MarkerAction.ADDED);
    assertThat(change.position().line()).isEqualTo(10);
  }

  @Test
  void aCrlfFileGetsItsMarkerLineWithCrlf() {
    String before = KPS.replace("\n", "\r\n");
    MigrationResult result = FORWARD.migrate("values.yaml", before);
    assertThat(result.newText()).contains(
        "        sigV4Region: eu-west-1\r\n        prometheus-type-migration: true\r\n    - name: Loki\r\n");
    assertThat(result.newText().replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    roundTrip("values.yaml", before, """
        prometheus:
          prometheusSpec:
            remoteWrite:
              - url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write
                sigv4:
                  region: eu-west-1
        grafana:
          enabled: true
          additionalDataSources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              access: proxy
              isDefault: false
              jsonData:
                sigV4Auth: true
                sigV4AuthType: default
                sigV4Region: eu-west-1
                prometheus-type-migration: true
            - name: Loki
              type: loki
              url: http://loki:3100
        """.replace("\n", "\r\n"));
  }

  @Test
  void aFileEndingInsideTheUnitWithoutAFinalNewlineGetsTheMarkerOnANewLastLine() {
    roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1""", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
                prometheus-type-migration: true""");
  }

  @Test
  void aCrlfFileWithoutAFinalNewlineGetsACrlfBeforeTheMarker() {
    String before = """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1""".replace("\n", "\r\n");
    roundTrip("values.yaml", before, """
        grafana:
          additionalDataSources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
                prometheus-type-migration: true""".replace("\n", "\r\n"));
  }

  @Test
  void commentsAtColumnZeroBetweenNestedKeysStayWhereTheyAre() {
    roundTrip("values.yaml", """
        grafana:
          enabled: true
        # a comment at column 0 between grafana's keys
          additionalDataSources:
        # a comment at column 0 above the item
            - name: AMP
        # a comment at column 0 inside the item
              jsonData:
        # a comment at column 0 inside jsonData
                sigV4Auth: true
                sigV4Region: eu-west-1
        # a comment at column 0 after jsonData
              type: prometheus
        # a comment at column 0 after the item
          plugins: []
        """, """
        grafana:
          enabled: true
        # a comment at column 0 between grafana's keys
          additionalDataSources:
        # a comment at column 0 above the item
            - name: AMP
        # a comment at column 0 inside the item
              jsonData:
        # a comment at column 0 inside jsonData
                sigV4Auth: true
                sigV4Region: eu-west-1
                prometheus-type-migration: true
        # a comment at column 0 after jsonData
              type: grafana-amazonprometheus-datasource
        # a comment at column 0 after the item
          plugins: []
        """);
  }

  @Test
  void theMarkerKeyIsQuotedTheWayItsMappingsKeysAre() {
    roundTrip("datasource.yaml", """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          instanceSelector:
            matchLabels:
              dashboards: grafana
          datasource:
            name: amp
            type: prometheus
            access: proxy
            url: ${AMP_ENDPOINT_URL}
            "jsonData":
              'sigV4Auth': true
              'sigV4AuthType': "ec2_iam_role"
              'sigV4Region': eu-west-1
            editable: true
        """, """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          instanceSelector:
            matchLabels:
              dashboards: grafana
          datasource:
            name: amp
            type: grafana-amazonprometheus-datasource
            access: proxy
            url: ${AMP_ENDPOINT_URL}
            "jsonData":
              'sigV4Auth': true
              'sigV4AuthType': "ec2_iam_role"
              'sigV4Region': eu-west-1
              'prometheus-type-migration': true
            editable: true
        """);
  }

  @Test
  void doubleQuotedJsonDataKeysGetADoubleQuotedMarker() {
    roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
            - "name": AMP
              "type": "prometheus"
              "jsonData":
                "sigV4Auth": true
                "sigV4Region": "eu-west-1"
        """, """
        grafana:
          additionalDataSources:
            - "name": AMP
              "type": "grafana-amazonprometheus-datasource"
              "jsonData":
                "sigV4Auth": true
                "sigV4Region": "eu-west-1"
                "prometheus-type-migration": true
        """);
  }

  @Test
  void aMappingWithPlainAndQuotedKeysGetsAPlainMarker() {
    roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData:
                'sigV4Auth': true
                sigV4Region: eu-west-1
        """, """
        grafana:
          additionalDataSources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              jsonData:
                'sigV4Auth': true
                sigV4Region: eu-west-1
                prometheus-type-migration: true
        """);
  }

  @Test
  void aJsonStyleFlowMappingGetsADoubleQuotedMarker() {
    roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData: {"sigV4Auth": true, "sigV4Region": "eu-west-1"}
        """, """
        grafana:
          additionalDataSources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              jsonData: {"sigV4Auth": true, "sigV4Region": "eu-west-1", "prometheus-type-migration": true}
        """);
  }

  @Test
  void keysInAlphabeticalOrderWithTheTypeAfterJsonData() {
    roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
          - access: proxy
            editable: false
            isDefault: false
            jsonData:
              sigV4Auth: true
              sigV4AuthType: default
              sigV4Region: eu-west-1
            name: AMP
            type: prometheus
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
        """, """
        grafana:
          additionalDataSources:
          - access: proxy
            editable: false
            isDefault: false
            jsonData:
              sigV4Auth: true
              sigV4AuthType: default
              sigV4Region: eu-west-1
              prometheus-type-migration: true
            name: AMP
            type: grafana-amazonprometheus-datasource
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
        """);
  }

  // ---- multi-document streams ----------------------------------------------------------------------------

  @Test
  void inAStreamOfResourcesOnlyTheGrafanaDatasourceChanges() {
    MigrationResult result = roundTrip("resources.yaml", """
        ---
        # the credentials
        apiVersion: v1
        kind: Secret
        metadata:
          name: creds
        stringData:
          token: not-a-real-token
        ---
        # a ConfigMap that mentions data sources but is no unit
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          note: "type: prometheus, sigV4Auth: true"
        ---
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          instanceSelector:
            matchLabels:
              dashboards: grafana
          datasource:
            name: AMP
            type: prometheus
            access: proxy
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
        # between documents
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/app:1
                  env:
                    - name: TYPE
                      value: prometheus
        ---
        """, """
        ---
        # the credentials
        apiVersion: v1
        kind: Secret
        metadata:
          name: creds
        stringData:
          token: not-a-real-token
        ---
        # a ConfigMap that mentions data sources but is no unit
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          note: "type: prometheus, sigV4Auth: true"
        ---
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          instanceSelector:
            matchLabels:
              dashboards: grafana
          datasource:
            name: AMP
            type: grafana-amazonprometheus-datasource
            access: proxy
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              prometheus-type-migration: true
        # between documents
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/app:1
                  env:
                    - name: TYPE
                      value: prometheus
        ---
        """);
    assertThat(moved(result)).containsExactly("spec.datasource prometheus -> " + AMP);
    assertThat(result.changes().get(0).position().line()).isEqualTo(27);
  }

  @Test
  void aGrafanaDatasourceWhoseStreamEndsInsideItsJsonDataWithoutANewline() {
    roundTrip("resources.yaml", """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: grafana
        ---
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          datasource:
            name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: true""", """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: grafana
        ---
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          datasource:
            name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              prometheus-type-migration: true""");
  }

  // ---- YAML 1.1 booleans ---------------------------------------------------------------------------------

  @Test
  void sigV4AuthYesInHelmValuesIsABooleanThereAndMigrates() {
    roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: yes
                sigV4Region: eu-west-1
        """, """
        grafana:
          additionalDataSources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              jsonData:
                sigV4Auth: yes
                sigV4Region: eu-west-1
                prometheus-type-migration: true
        """);
  }

  @Test
  void sigV4AuthOnInAGrafanaDatasourceIsABooleanForKubectlAndMigrates() {
    roundTrip("datasource.yaml", """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          datasource:
            name: AMP
            type: prometheus
            jsonData: {sigV4Auth: on, sigV4Region: eu-west-1}
        """, """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          datasource:
            name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData: {sigV4Auth: on, sigV4Region: eu-west-1, prometheus-type-migration: true}
        """);
  }

  @Test
  void aQuotedTrueInHelmValuesStaysAStringAndDoesNotMigrate() {
    MigrationResult result = unchanged("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: "true"
                sigV4Region: eu-west-1
        """);
    assertThat(notices(result, Code.SIGV4_AUTH_NOT_BOOLEAN_TRUE)).singleElement().satisfies(n -> {
      assertThat(n.path()).isEqualTo("grafana.additionalDataSources[0]");
      assertThat(n.position().line()).isEqualTo(6);
    });
  }

  // ---- grafana chart values -------------------------------------------------------------------------------

  @Test
  void chartValuesUnderAFluxHelmReleaseMigrate() {
    MigrationResult result = roundTrip("release.yaml", """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: monitoring
        spec:
          chart:
            spec:
              chart: grafana
          values:
            grafana:
              datasources:
                datasources.yaml:
                  apiVersion: 1
                  datasources:
                    - name: AMP
                      type: prometheus
                      jsonData:
                        sigV4Auth: true
                        sigV4Region: eu-west-1
        """, """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: monitoring
        spec:
          chart:
            spec:
              chart: grafana
          values:
            grafana:
              datasources:
                datasources.yaml:
                  apiVersion: 1
                  datasources:
                    - name: AMP
                      type: grafana-amazonprometheus-datasource
                      jsonData:
                        sigV4Auth: true
                        sigV4Region: eu-west-1
                        prometheus-type-migration: true
        """);
    assertThat(moved(result)).containsExactly(
        "spec.values.grafana.datasources[\"datasources.yaml\"].datasources[0] prometheus -> " + AMP);
  }

  @Test
  void anItemOfAListInsideAnOpenShiftTemplateMigrates() {
    MigrationResult result = roundTrip("template.yaml", """
        apiVersion: template.openshift.io/v1
        kind: Template
        metadata:
          name: grafana-datasources
        objects:
          - apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: grafana
          - apiVersion: grafana.integreatly.org/v1beta1
            kind: GrafanaDatasource
            metadata:
              name: amp
            spec:
              datasource:
                name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
        parameters:
          - name: REGION
        """, """
        apiVersion: template.openshift.io/v1
        kind: Template
        metadata:
          name: grafana-datasources
        objects:
          - apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: grafana
          - apiVersion: grafana.integreatly.org/v1beta1
            kind: GrafanaDatasource
            metadata:
              name: amp
            spec:
              datasource:
                name: AMP
                type: grafana-amazonprometheus-datasource
                jsonData:
                  sigV4Auth: true
                  prometheus-type-migration: true
        parameters:
          - name: REGION
        """);
    assertThat(moved(result)).containsExactly("objects[1].spec.datasource prometheus -> " + AMP);
  }

  @Test
  void theSecretVariantOfChartValuesMigrates() {
    MigrationResult result = roundTrip("values.yaml", """
        datasources:
          secret.yaml:
            secret:
              apiVersion: 1
              datasources:
              - name: AMP
                type: prometheus
                url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
        plugins:
          - grafana-amazonprometheus-datasource
        """, """
        datasources:
          secret.yaml:
            secret:
              apiVersion: 1
              datasources:
              - name: AMP
                type: grafana-amazonprometheus-datasource
                url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
                  prometheus-type-migration: true
        plugins:
          - grafana-amazonprometheus-datasource
        """);
    assertThat(moved(result)).containsExactly(
        "datasources[\"secret.yaml\"].secret.datasources[0] prometheus -> " + AMP);
    assertThat(notices(result, Code.DECLARE_PLUGIN)).singleElement().satisfies(n ->
        assertThat(n.message()).contains(Shape.CHART_VALUES.pluginPlace()));
  }

  // ---- grafana-operator v4 ---------------------------------------------------------------------------------

  private static final String V4 = """
      apiVersion: integreatly.org/v1alpha1
      kind: GrafanaDataSource
      metadata:
        name: aws-prometheus
      spec:
        name: aws-prometheus.yaml
        datasources:
        - access: proxy
          editable: true
          isDefault: true
          jsonData:
            sigV4Auth: true
            sigV4Region: eu-west-1
          name: prometheus
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
      """;

  @Test
  void aV4GrafanaDataSourceGetsOnlyTheTypeBecauseItsCrdDropsTheMarker() {
    Migrator reverseUnmarked = new Migrator(READER, MigrationOptions.reverse().reverseUnmarked(true).build());
    MigrationResult result = roundTrip(FORWARD, reverseUnmarked, "v4.yaml", V4, """
        apiVersion: integreatly.org/v1alpha1
        kind: GrafanaDataSource
        metadata:
          name: aws-prometheus
        spec:
          name: aws-prometheus.yaml
          datasources:
          - access: proxy
            editable: true
            isDefault: true
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
            name: prometheus
            type: grafana-amazonprometheus-datasource
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
        """);
    assertThat(result.changes()).singleElement().satisfies(c -> {
      assertThat(c.marker()).isEqualTo(Change.MarkerAction.NONE);
      assertThat(c.path()).isEqualTo("spec.datasources[0]");
    });
    assertThat(notices(result, Code.MARKER_NOT_KEPT)).singleElement().satisfies(n -> {
      assertThat(n.path()).isEqualTo("spec.datasources[0]");
      assertThat(n.message()).contains("only the type changes").contains("prometheus-type-migration");
    });
  }

  @Test
  void aMigratedV4ItemComesBackOnlyWithReverseUnmarked() {
    String migrated = FORWARD.migrate("v4.yaml", V4).newText();
    MigrationResult plainReverse = REVERSE.migrate("v4.yaml", migrated);
    assertThat(plainReverse.changed()).isFalse();
    assertThat(notices(plainReverse, Code.NATIVE_PLUGIN_SOURCE)).singleElement().satisfies(n ->
        assertThat(n.message()).contains("migrate --to prometheus --all moves it back"));
  }

  // ---- Ansible and user units -------------------------------------------------------------------------------

  @Test
  void anAnsibleRoleItemMigrates() {
    MigrationResult result = roundTrip("group_vars/grafana.yml", """
        grafana_version: 11.5.0
        grafana_datasources:
          - name: AMP
            type: prometheus
            access: proxy
            url: "https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1"
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
          - name: Loki
            type: loki
        """, """
        grafana_version: 11.5.0
        grafana_datasources:
          - name: AMP
            type: grafana-amazonprometheus-datasource
            access: proxy
            url: "https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1"
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              prometheus-type-migration: true
          - name: Loki
            type: loki
        """);
    assertThat(moved(result)).containsExactly("grafana_datasources[0] prometheus -> " + AMP);
  }

  @Test
  void aUnitTheUserNamesIsFoundAndMigrated() {
    SourceReader sources = new SourceReader(READER,
        UnitSettings.AUTO.withRules(List.of(UnitRule.parse("spec.values.custom=items"))));
    Migrator forward = new Migrator(sources, MigrationOptions.forward().build());
    Migrator reverse = new Migrator(sources, MigrationOptions.reverse().build());
    MigrationResult result = roundTrip(forward, reverse, "release.yaml", """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: in-house
        spec:
          values:
            custom:
              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
        """, """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: in-house
        spec:
          values:
            custom:
              - name: AMP
                type: grafana-amazonprometheus-datasource
                jsonData:
                  sigV4Auth: true
                  prometheus-type-migration: true
        """);
    assertThat(moved(result)).containsExactly("spec.values.custom[0] prometheus -> " + AMP);
    assertThat(notices(result, Code.DECLARE_PLUGIN)).singleElement().satisfies(n ->
        assertThat(n.message()).contains(Shape.USER.pluginPlace()));
  }

  // ---- duplicate keys ---------------------------------------------------------------------------------------

  @Test
  void aKeyWrittenTwiceInValuesKeepsTheLastAndTheLastIsWhatMigrates() {
    MigrationResult result = roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: loki
              jsonData:
                sigV4Auth: false
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
        """, """
        grafana:
          additionalDataSources:
            - name: AMP
              type: loki
              jsonData:
                sigV4Auth: false
              type: grafana-amazonprometheus-datasource
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
                prometheus-type-migration: true
        """);
    assertThat(moved(result)).containsExactly("grafana.additionalDataSources[0] prometheus -> " + AMP);
  }

  @Test
  void aKeyWrittenTwiceWhoseLastValueDoesNotMoveLeavesTheItemAlone() {
    unchanged("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: true
              jsonData:
                sigV4Auth: false
        """);
  }

  @Test
  void aShadowedCopyOfAValuesKeyIsNotEdited() {
    MigrationResult result = roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
            - name: Shadowed
              type: prometheus
              jsonData:
                sigV4Auth: true
        grafana:
          additionalDataSources:
            - name: Kept
              type: prometheus
              jsonData:
                sigV4Auth: true
        """, """
        grafana:
          additionalDataSources:
            - name: Shadowed
              type: prometheus
              jsonData:
                sigV4Auth: true
        grafana:
          additionalDataSources:
            - name: Kept
              type: grafana-amazonprometheus-datasource
              jsonData:
                sigV4Auth: true
                prometheus-type-migration: true
        """);
    assertThat(result.changes()).extracting(Change::dataSource).containsExactly("\"Kept\"");
  }

  @Test
  void aUnitThatCannotBeEditedIsRefusedAloneAndTheOtherUnitsOfItsFileMigrate() {
    MigrationResult result = FORWARD.migrate("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData: &shared
                sigV4Auth: true
            - name: CloudWatch
              type: cloudwatch
              jsonData: *shared
          datasources:
            datasources.yaml:
              apiVersion: 1
              datasources:
                - name: AMP (file)
                  type: prometheus
                  jsonData:
                    sigV4Auth: true
        """);
    assertThat(result.refused()).isFalse();
    assertThat(result.newText()).isEqualTo("""
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData: &shared
                sigV4Auth: true
            - name: CloudWatch
              type: cloudwatch
              jsonData: *shared
          datasources:
            datasources.yaml:
              apiVersion: 1
              datasources:
                - name: AMP (file)
                  type: grafana-amazonprometheus-datasource
                  jsonData:
                    sigV4Auth: true
                    prometheus-type-migration: true
        """);
    assertThat(moved(result)).containsExactly(
        "grafana.datasources[\"datasources.yaml\"].datasources[0] prometheus -> " + AMP);
    assertThat(notices(result, Code.MIGRATION_REFUSED)).singleElement().satisfies(n -> {
      assertThat(n.path()).isEqualTo("grafana.additionalDataSources");
      assertThat(n.position().line()).isEqualTo(5);
    });
  }

  // ---- plain provisioning files -----------------------------------------------------------------------------

  @Test
  void aPlainProvisioningFileMigratesOnlyItsFirstDocumentAsBefore() {
    MigrationResult result = roundTrip("datasources.yaml", """
        apiVersion: 1
        datasources:
          - name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: true
        ---
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: never-read
        spec:
          datasource:
            name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: true
        """, """
        apiVersion: 1
        datasources:
          - name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              prometheus-type-migration: true
        ---
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: never-read
        spec:
          datasource:
            name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: true
        """);
    assertThat(moved(result)).containsExactly(" prometheus -> " + AMP);
    assertThat(notices(result, Code.LATER_DOCUMENTS)).hasSize(1);
    assertThat(notices(result, Code.DECLARE_PLUGIN)).isEmpty();
  }

  @Test
  void aKeyWrittenTwiceInAPlainProvisioningFileIsStillRefused() {
    String text = """
        apiVersion: 1
        datasources:
          - name: AMP
            type: loki
            type: prometheus
            jsonData:
              sigV4Auth: true
        """;
    MigrationResult result = FORWARD.migrate("datasources.yaml", text);
    assertThat(result.refused()).isTrue();
    assertThat(result.newText()).isEqualTo(text);
    assertThat(result.refusal().code()).isEqualTo(Code.DUPLICATE_KEY);
    assertThat(result.refusal().position()).hasToString("5:5");
  }

  @Test
  void yesInAPlainProvisioningFileIsAStringForGrafanaAndDoesNotMigrate() {
    unchanged("datasources.yaml", """
        apiVersion: 1
        datasources:
          - name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: yes
        """);
  }

  // ---- kube-prometheus-stack's default data source -----------------------------------------------------------

  @Test
  void theChartsDefaultDataSourceIsNeverEditedAndTheNoticeSaysHowToMoveIt() {
    String text = """
        grafana:
          sidecar:
            datasources:
              enabled: true
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              uid: amp
              extraJsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
        """;
    MigrationResult result = unchanged("values.yaml", text);
    assertThat(notices(result, Code.FIXED_TYPE)).singleElement().satisfies(n -> {
      assertThat(n.path()).isEqualTo("grafana.sidecar.datasources");
      assertThat(n.position().line()).isEqualTo(4);
      assertThat(n.message())
          .contains("cannot be migrated in the values file")
          .contains("grafana.sidecar.datasources.defaultDatasourceEnabled: false")
          .contains("grafana.additionalDataSources")
          .contains("type: " + AMP)
          .contains("uid: amp")
          .contains("url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1")
          .contains("isDefault: true")
          .contains("prometheus-type-migration: true");
    });
    assertThat(notices(result, Code.DECLARE_PLUGIN)).isEmpty();
    assertThat(REVERSE.migrate("values.yaml", text).notices()).noneMatch(n -> n.code() == Code.FIXED_TYPE);
  }

  // ---- anchors ------------------------------------------------------------------------------------------------

  @Test
  void anAnchoredJsonDataSharedByTwoItemsThatBothMoveIsEditedOnce() {
    roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP eu
              type: prometheus
              jsonData: &sigv4
                sigV4Auth: true
                sigV4Region: eu-west-1
            - name: AMP eu (copy)
              type: prometheus
              jsonData: *sigv4
        """, """
        grafana:
          additionalDataSources:
            - name: AMP eu
              type: grafana-amazonprometheus-datasource
              jsonData: &sigv4
                sigV4Auth: true
                sigV4Region: eu-west-1
                prometheus-type-migration: true
            - name: AMP eu (copy)
              type: grafana-amazonprometheus-datasource
              jsonData: *sigv4
        """);
  }

  @Test
  void anItemThatIsAnAliasOfAMovingItemMovesWithIt() {
    MigrationResult result = roundTrip("values.yaml", """
        grafana:
          additionalDataSources:
            - &amp
              name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: true
            - *amp
        """, """
        grafana:
          additionalDataSources:
            - &amp
              name: AMP
              type: grafana-amazonprometheus-datasource
              jsonData:
                sigV4Auth: true
                prometheus-type-migration: true
            - *amp
        """);
    assertThat(moved(result)).containsExactly(
        "grafana.additionalDataSources[0] prometheus -> " + AMP,
        "grafana.additionalDataSources[1] prometheus -> " + AMP);
  }

  @Test
  void anAnchoredJsonDataSharedWithAnItemThatDoesNotMoveIsRefusedAtItsOuterPosition() {
    String text = """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData: &sigv4
                sigV4Auth: true
            - name: CloudWatch
              type: cloudwatch
              jsonData: *sigv4
        """;
    MigrationResult result = FORWARD.migrate("values.yaml", text);
    assertThat(result.newText()).isEqualTo(text);
    assertThat(result.changes()).isEmpty();
    // the unit is refused alone: the file's other units would still migrate
    assertThat(result.refused()).isFalse();
    Diagnostic refusal = notices(result, Code.MIGRATION_REFUSED).get(0);
    assertThat(refusal.message()).contains("anchored (&sigv4)").contains("line 9");
    assertThat(refusal.position().line()).isEqualTo(5);
    assertThat(refusal.path()).isEqualTo("grafana.additionalDataSources");
  }

  @Test
  void anAliasedJsonDataWhoseAnchorIsOutsideTheUnitGetsAMapOfItsOwnWithAMergeKey() {
    roundTrip("values.yaml", """
        defaults: &sigv4
          sigV4Auth: true
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData: *sigv4
        """, """
        defaults: &sigv4
          sigV4Auth: true
        grafana:
          additionalDataSources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              jsonData:
                <<: *sigv4
                prometheus-type-migration: true
        """);
  }

  @Test
  void aJsonDataAnchoredInTheUnitAndUsedOutsideItIsRefusedAtItsOuterPosition() {
    String text = """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData: &sigv4
                sigV4Auth: true
        prometheus:
          settings: *sigv4
        """;
    MigrationResult result = FORWARD.migrate("values.yaml", text);
    assertThat(result.newText()).isEqualTo(text);
    assertThat(result.changes()).isEmpty();
    assertThat(notices(result, Code.MIGRATION_REFUSED)).singleElement().satisfies(refusal -> {
      assertThat(refusal.message()).contains("anchored (&sigv4)").contains("line 8");
      assertThat(refusal.position()).hasToString("5:17");
      assertThat(refusal.path()).isEqualTo("grafana.additionalDataSources");
    });
  }

  // ---- the plugin hint ---------------------------------------------------------------------------------------

  @Test
  void afterAForwardChangeTheNoticeNamesWhereTheShapeDeclaresThePlugin() {
    MigrationResult result = FORWARD.migrate("values.yaml", KPS);
    assertThat(notices(result, Code.DECLARE_PLUGIN)).singleElement().satisfies(n -> {
      assertThat(n.path()).isEqualTo("grafana.additionalDataSources");
      assertThat(n.position().line()).isEqualTo(10);
      assertThat(n.message()).isEqualTo("declare " + AMP + " in " + Shape.KPS_ADDITIONAL.pluginPlace()
          + ": Grafana does not install a plugin for a provisioned data source");
    });
    assertThat(notices(REVERSE.migrate("values.yaml", result.newText()), Code.DECLARE_PLUGIN)).isEmpty();
    assertThat(notices(FORWARD.migrate("values.yaml", result.newText()), Code.DECLARE_PLUGIN)).isEmpty();
  }

  @Test
  void eachShapeNamesItsOwnPlaceForThePlugin() {
    MigrationResult result = FORWARD.migrate("datasource.yaml", """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          datasource:
            name: AMP
            type: prometheus
            jsonData: {sigV4Auth: true}
        """);
    assertThat(notices(result, Code.DECLARE_PLUGIN)).singleElement().satisfies(n -> {
      assertThat(n.path()).isEqualTo("spec.datasource");
      assertThat(n.message()).contains("spec.plugins of the GrafanaDatasource");
    });
  }

  // ---- VictoriaMetrics k8s stack -------------------------------------------------------------------------------

  @Test
  void victoriaMetricsStackExtraDataSourcesMigrateAsItems() {
    MigrationResult result = roundTrip("vm-values.yaml", """
        defaultDatasources:
          victoriametrics:
            perReplica: false
          extra:
            - name: AMP
              type: prometheus
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
        """, """
        defaultDatasources:
          victoriametrics:
            perReplica: false
          extra:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
                prometheus-type-migration: true
        """);
    assertThat(moved(result)).containsExactly("defaultDatasources.extra[0] prometheus -> " + AMP);
    assertThat(notices(result, Code.DECLARE_PLUGIN)).singleElement().satisfies(n ->
        assertThat(n.message()).contains("grafana.plugins"));
    unchanged("other-values.yaml", """
        sidecar:
          extra:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: true
        """);
  }
}
