package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.Promshift;
import io.promshift.grafana.GoValue;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.model.DataSource;
import io.promshift.model.MigrationState;
import io.promshift.model.ProvisioningReader;
import io.promshift.report.FileOutcome;
import io.promshift.report.Run;
import io.promshift.report.SourceStatus;
import io.promshift.report.Verdict;
import io.promshift.rules.Code;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the units of data sources are found in a file, and how their data reads: each shape at the places people
 * write it, with its outer path, and the look-alikes that are not units.
 */
class UnitLocatorTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final SourceReader SOURCES = new SourceReader(READER, UnitSettings.AUTO);

  private static SourceFile read(String name, String text) {
    return SOURCES.read(SourceText.of(name, text));
  }

  /** Each unit as {@code SHAPE path [carrier] (document n)}. */
  private static List<String> units(String text) {
    return units(SOURCES, text);
  }

  private static List<String> units(SourceReader sources, String text) {
    SourceFile file = sources.read(SourceText.of("file.yaml", text));
    List<String> found = new ArrayList<>();
    for (Unit unit : file.units()) {
      found.add(unit.shape() + " " + unit.path() + (unit.carrier().isEmpty() ? "" : " [" + unit.carrier() + "]")
          + " (document " + unit.document() + ")");
    }
    return found;
  }

  /** Each data source of the file as {@code item path: name type}. */
  private static List<String> items(SourceFile file) {
    List<String> found = new ArrayList<>();
    for (Unit unit : file.units()) {
      for (DataSource ds : unit.file().dataSources()) {
        found.add(unit.itemPath(ds) + ": " + ds.name().orElse("?") + " " + ds.type().orElse("?"));
      }
    }
    return found;
  }

  private static MigrationState state(String text) {
    Unit unit = read("file.yaml", text).units().get(0);
    DataSource ds = unit.file().dataSources().get(0);
    return unit.shape().fixedType() ? MigrationState.ofFixedType(ds) : MigrationState.of(ds);
  }

  // ---- grafana chart values ---------------------------------------------------------------------------------

  private static final String CHART_DATASOURCES = """
      datasources:
        datasources.yaml:
          apiVersion: 1
          datasources:
            - name: Prometheus
              type: prometheus
              url: http://prometheus:9090
      """;

  /** The chart's {@code datasources:} block indented under {@code key:} at {@code depth} levels. */
  private static String under(String prefix, int depth) {
    return prefix + CHART_DATASOURCES.indent(2 * depth);
  }

  @Test
  void chartValuesAtTheRootOfAValuesFile() {
    assertThat(units(CHART_DATASOURCES)).containsExactly("CHART_VALUES datasources[\"datasources.yaml\"] (document 0)");
    assertThat(items(read("values.yaml", CHART_DATASOURCES)))
        .containsExactly("datasources[\"datasources.yaml\"].datasources[0]: Prometheus prometheus");
  }

  @Test
  void chartValuesUnderAnUmbrellaChartsGrafanaKey() {
    assertThat(units(under("grafana:\n", 1)))
        .containsExactly("CHART_VALUES grafana.datasources[\"datasources.yaml\"] (document 0)");
  }

  @Test
  void chartValuesUnderAFluxHelmReleasesValues() {
    String text = """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: monitoring
        spec:
          values:
            grafana:
        """ + CHART_DATASOURCES.indent(6);
    assertThat(units(text)).containsExactly(
        "CHART_VALUES spec.values.grafana.datasources[\"datasources.yaml\"] [Flux HelmRelease] (document 0)");
  }

  @Test
  void chartValuesUnderAnArgoCdApplicationsValuesObject() {
    String text = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: grafana
        spec:
          source:
            chart: grafana
            helm:
              valuesObject:
        """ + CHART_DATASOURCES.indent(8);
    assertThat(units(text)).containsExactly(
        "CHART_VALUES spec.source.helm.valuesObject.datasources[\"datasources.yaml\"] [Argo CD Application]"
            + " (document 0)");
  }

  @Test
  void chartValuesInAKustomizeHelmChartsValuesInline() {
    String text = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        helmCharts:
          - name: grafana
            repo: https://grafana.github.io/helm-charts
            valuesInline:
        """ + CHART_DATASOURCES.indent(8);
    assertThat(units(text)).containsExactly(
        "CHART_VALUES helmCharts[0].valuesInline.datasources[\"datasources.yaml\"] [kustomize] (document 0)");
  }

  @Test
  void chartValuesInTheSecretVariant() {
    String text = """
        datasources:
          secret.yaml:
            secret:
              apiVersion: 1
              datasources:
                - name: AMP
                  type: prometheus
                  jsonData:
                    sigV4Auth: true
        """;
    assertThat(units(text)).containsExactly("CHART_VALUES datasources[\"secret.yaml\"].secret (document 0)");
    assertThat(items(read("values.yaml", text)))
        .containsExactly("datasources[\"secret.yaml\"].secret.datasources[0]: AMP prometheus");
  }

  @Test
  void dashboardProvidersAndDashboardJsonStringsAreNotUnits() {
    String text = """
        dashboardProviders:
          dashboardproviders.yaml:
            apiVersion: 1
            providers:
              - name: default
                folder: ""
        dashboards:
          default:
            overview:
              json: |
                {"panels": [{"datasource": {"type": "prometheus", "uid": "prom"}}],
                 "templating": {"list": [{"type": "datasource", "query": "prometheus"}]}}
        """;
    assertThat(units(text)).isEmpty();
    assertThat(read("values.yaml", text).hasDataSources()).isFalse();
  }

  @Test
  void commentedOutDataSourcesAreNotUnits() {
    String text = """
        grafana:
          enabled: true
        #  additionalDataSources:
        #    - name: AMP
        #      type: prometheus
        #      jsonData:
        #        sigV4Auth: true
        # datasources:
        #   datasources.yaml:
        #     apiVersion: 1
        #     datasources: []
        """;
    assertThat(units(text)).isEmpty();
  }

  // ---- kube-prometheus-stack --------------------------------------------------------------------------------

  @Test
  void additionalDataSourcesAreItemsOnlyUnderGrafana() {
    String text = """
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
            - name: Loki
              type: loki
        additionalDataSources:
          - name: Ignored
            type: prometheus
        """;
    SourceFile file = read("values.yaml", text);
    assertThat(items(file)).containsExactly(
        "grafana.additionalDataSources[0]: AMP prometheus",
        "grafana.additionalDataSources[1]: Loki loki");
    assertThat(file.misplaced()).singleElement().satisfies(m ->
        assertThat(m.path()).hasToString("additionalDataSources"));
  }

  @Test
  void theChartsDefaultDataSourceIsAFixedTypeItem() {
    String text = """
        grafana:
          sidecar:
            datasources:
              enabled: true
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              extraJsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
        """;
    assertThat(units(text)).containsExactly("KPS_DEFAULT grafana.sidecar.datasources (document 0)");
    MigrationState state = state(text);
    assertThat(state.state()).isEqualTo(MigrationState.State.FIXED_TYPE);
    assertThat(state.targetType()).contains("grafana-amazonprometheus-datasource");
  }

  @Test
  void theChartsDefaultIsNotListedWhenItIsSwitchedOff() {
    assertThat(units("""
        grafana:
          sidecar:
            datasources:
              defaultDatasourceEnabled: false
              url: http://prometheus:9090
        """)).isEmpty();
  }

  @Test
  void statusReportsTheDefaultAsFixedTypeWithItsPath(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("values.yaml"), """
        grafana:
          sidecar:
            datasources:
              url: http://prometheus:9090
              extraJsonData:
                sigV4Auth: true
        """);
    Run run = Promshift.create().status(FileSet.of(dir));
    assertThat(run.files()).singleElement().satisfies(outcome ->
        assertThat(outcome.sources()).singleElement().satisfies(source -> {
          assertThat(source.state().state()).isEqualTo(MigrationState.State.FIXED_TYPE);
          assertThat(source.shape()).isEqualTo(Shape.KPS_DEFAULT);
          assertThat(source.path()).isEqualTo("grafana.sidecar.datasources");
          assertThat(source.line()).isEqualTo(4);
          assertThat(source.embedded()).isTrue();
        }));
  }

  // ---- YAML 1.1 booleans --------------------------------------------------------------------------------------

  @Test
  void yesIsABooleanInHelmValuesAndInAResource() {
    assertThat(state("""
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: yes
        """).state()).isEqualTo(MigrationState.State.PENDING);
    assertThat(state("""
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          datasource:
            name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: yes
        """).state()).isEqualTo(MigrationState.State.PENDING);
  }

  @Test
  void aQuotedTrueIsAStringThatWillNotMigrate() {
    MigrationState state = state("""
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: "true"
        """);
    assertThat(state.state()).isEqualTo(MigrationState.State.WILL_NOT_MIGRATE);
  }

  @Test
  void statusSaysWillNotMigrateForAQuotedTrueAndPendingForYes(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("values.yaml"), """
        grafana:
          additionalDataSources:
            - name: quoted
              type: prometheus
              jsonData:
                sigV4Auth: "true"
            - name: word
              type: prometheus
              jsonData:
                sigV4Auth: yes
        """);
    FileOutcome outcome = Promshift.create().status(FileSet.of(dir)).files().get(0);
    assertThat(outcome.sources()).extracting(s -> s.name() + " " + s.path() + " " + s.state().state())
        .containsExactly(
            "quoted grafana.additionalDataSources[0] WILL_NOT_MIGRATE",
            "word grafana.additionalDataSources[1] PENDING");
  }

  // ---- grafana-operator ---------------------------------------------------------------------------------------

  private static final String V5_OBJECT = """
      apiVersion: grafana.integreatly.org/v1beta1
      kind: GrafanaDatasource
      metadata:
        name: amp
      spec:
        datasource:
          name: AMP
          type: prometheus
          jsonData:
            sigV4Auth: true
      """;

  @Test
  void aStreamWithALeadingAndATrailingSeparatorAndCommentsBetweenDocuments() {
    String text = """
        ---
        # the credentials
        apiVersion: v1
        kind: Secret
        metadata:
          name: creds
        stringData:
          token: x
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          datasources.yaml: |
            apiVersion: 1
        # between documents
        ---
        """ + V5_OBJECT + """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: grafana
        ---
        """;
    assertThat(units(text)).containsExactly("OPERATOR_V5 spec.datasource (document 2)");
    SourceFile file = read("resources.yaml", text);
    assertThat(file.stream().documents()).hasSize(5);
    assertThat(file.units().get(0).position().line()).isEqualTo(25);
  }

  @Test
  void aGrafanaDatasourceInsideAList() {
    String text = """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata:
              name: other
        """ + V5_OBJECT.indent(4).replaceFirst("    apiVersion", "  - apiVersion");
    assertThat(units(text)).containsExactly("OPERATOR_V5 items[1].spec.datasource [List] (document 0)");
  }

  @Test
  void aGrafanaDatasourceInsideAnOpenShiftTemplate() {
    String text = """
        apiVersion: template.openshift.io/v1
        kind: Template
        metadata:
          name: datasources
        objects:
        """ + V5_OBJECT.indent(4).replaceFirst("    apiVersion", "  - apiVersion");
    assertThat(units(text)).containsExactly("OPERATOR_V5 objects[0].spec.datasource [OpenShift Template] (document 0)");
  }

  @Test
  void aGrafanaDatasourceInAChartsExtraObjects() {
    String text = """
        replicas: 1
        extraObjects:
          - apiVersion: v1
            kind: Secret
            metadata:
              name: creds
        """ + V5_OBJECT.indent(4).replaceFirst("    apiVersion", "  - apiVersion");
    assertThat(units(text)).containsExactly("OPERATOR_V5 extraObjects[1].spec.datasource (document 0)");
  }

  @Test
  void aV4GrafanaDataSourceHoldsItems() {
    String text = """
        apiVersion: integreatly.org/v1alpha1
        kind: GrafanaDataSource
        metadata:
          name: prometheus
        spec:
          name: prometheus.yaml
          datasources:
          - name: Prometheus
            type: prometheus
          - name: Loki
            type: loki
        """;
    assertThat(units(text)).containsExactly("OPERATOR_V4 spec.datasources (document 0)");
    assertThat(items(read("v4.yaml", text)))
        .containsExactly("spec.datasources[0]: Prometheus prometheus", "spec.datasources[1]: Loki loki");
  }

  @Test
  void aGrafanaDashboardsDatasourcesAreNotUnits() {
    assertThat(units("""
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDashboard
        metadata:
          name: overview
        spec:
          datasources:
            - inputName: DS_PROMETHEUS
              datasourceName: Prometheus
          json: >
            {"panels": [{"datasource": {"type": "prometheus"}}]}
        """)).isEmpty();
  }

  // ---- Ansible and user units ---------------------------------------------------------------------------------

  @Test
  void anAnsibleRolesDataSources() {
    String text = """
        grafana_security:
          admin_user: admin
        grafana_datasources:
          - name: Prometheus
            type: prometheus
            url: http://prometheus:9090
        """;
    assertThat(units(text)).containsExactly("ANSIBLE_ROLE grafana_datasources (document 0)");
  }

  @Test
  void aUnitTheUserDeclaresByPath() {
    SourceReader withRule = new SourceReader(READER,
        UnitSettings.AUTO.withRules(List.of(UnitRule.parse("spec.values.custom=items"))));
    String text = """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: in-house
        spec:
          values:
            custom:
              - name: AMP
                type: prometheus
        """;
    assertThat(units(text)).isEmpty();
    assertThat(units(withRule, text)).containsExactly("USER spec.values.custom [Flux HelmRelease] (document 0)");
    assertThat(items(withRule.read(SourceText.of("release.yaml", text))))
        .containsExactly("spec.values.custom[0]: AMP prometheus");
  }

  // ---- duplicate keys ------------------------------------------------------------------------------------------

  @Test
  void aKeyWrittenTwiceInValuesReadsAsTheLastOneAsHelmDoes() {
    SourceFile file = read("values.yaml", """
        grafana:
          additionalDataSources:
            - name: AMP
              type: loki
              jsonData:
                sigV4Auth: false
              type: prometheus
              jsonData:
                sigV4Auth: true
        """);
    assertThat(file.isPlain()).isFalse();
    DataSource ds = file.units().get(0).file().dataSources().get(0);
    assertThat(ds.type()).contains("prometheus");
    assertThat(ds.jsonData().flatMap(j -> j.get("sigV4Auth")).map(GoValue::isTrue)).contains(true);
    assertThat(file.stream().documents().get(0).duplicateKeys()).hasSize(2);
    assertThat(MigrationState.of(ds).state()).isEqualTo(MigrationState.State.PENDING);
  }

  @Test
  void aValuesKeyWrittenTwiceHoldsUnitsOnlyInItsLastValue() {
    SourceFile file = read("values.yaml", """
        grafana:
          additionalDataSources:
            - name: Shadowed
              type: prometheus
        grafana:
          additionalDataSources:
            - name: Kept
              type: prometheus
          datasources:
            datasources.yaml:
              apiVersion: 1
              datasources:
                - name: Shadowed file
                  type: loki
            datasources.yaml:
              apiVersion: 1
              datasources:
                - name: Kept file
                  type: tempo
        """);
    assertThat(items(file)).containsExactly(
        "grafana.additionalDataSources[0]: Kept prometheus",
        "grafana.datasources[\"datasources.yaml\"].datasources[0]: Kept file tempo");
    assertThat(file.units()).extracting(unit -> unit.position().line()).containsExactly(7, 16);
  }

  @Test
  void theChartsDefaultTakesTheLastOfAKeyWrittenTwice() {
    SourceFile file = read("values.yaml", """
        grafana:
          sidecar:
            datasources:
              url: http://shadowed:9090
              url: http://kept:9090
        """);
    DataSource ds = file.units().get(0).file().dataSources().get(0);
    assertThat(ds.text(io.promshift.model.Field.URL)).contains("http://kept:9090");
  }

  @Test
  void theChartsDefaultInsideAFluxHelmReleaseNamesItsCarrier() {
    assertThat(units("""
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: kube-prometheus-stack
        spec:
          values:
            grafana:
              sidecar:
                datasources:
                  url: http://prometheus:9090
              additionalDataSources:
                - name: Loki
                  type: loki
        """)).containsExactly(
            "KPS_DEFAULT spec.values.grafana.sidecar.datasources [Flux HelmRelease] (document 0)",
            "KPS_ADDITIONAL spec.values.grafana.additionalDataSources [Flux HelmRelease] (document 0)");
  }

  // ---- plain provisioning files and broken streams -----------------------------------------------------------

  @Test
  void aPlainProvisioningFileIsReadAsGrafanaReadsIt() {
    SourceFile file = read("datasources.yaml", """
        apiVersion: 1
        datasources:
          - name: Prometheus
            type: prometheus
        ---
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: never-read
        spec:
          datasource:
            name: AMP
            type: prometheus
        """);
    assertThat(file.isPlain()).isTrue();
    assertThat(file.units()).singleElement().satisfies(unit -> {
      assertThat(unit.shape()).isEqualTo(Shape.PROVISIONING_FILE);
      assertThat(unit.file().dataSources()).extracting(ds -> ds.name().orElse("?")).containsExactly("Prometheus");
    });
  }

  @Test
  void aKeyWrittenTwiceInAPlainProvisioningFileIsStillFatal() {
    assertThatThrownBy(() -> read("datasources.yaml", """
        apiVersion: 1
        datasources:
          - name: Prometheus
            type: prometheus
            type: loki
        """)).isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.DUPLICATE_KEY);
          assertThat(e.position().line()).isEqualTo(5);
        });
  }

  @Test
  void aPlainProvisioningFileWhoseLaterDocumentIsBrokenStillReads() {
    SourceFile file = read("datasources.yaml", """
        apiVersion: 1
        datasources:
          - name: Prometheus
            type: prometheus
        ---
        a:
          b: 1
         c: 2
        """);
    assertThat(file.isPlain()).isTrue();
    assertThat(file.units()).hasSize(1);
  }

  private static final String BROKEN_STREAM = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: first
      ---
      apiVersion: grafana.integreatly.org/v1beta1
      kind: GrafanaDatasource
      spec:
        datasource:
          name: AMP
         type: prometheus
      """;

  @Test
  void aBrokenStreamIsRefusedWithTheParsersLineAndColumn() {
    assertThatThrownBy(() -> read("resources.yaml", BROKEN_STREAM))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.SYNTAX);
          assertThat(e.position().line()).isEqualTo(11);
          assertThat(e.position().column()).isEqualTo(4);
        });
  }

  @Test
  void aDirectoryRunGoesOnPastABrokenFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a-broken.yaml"), BROKEN_STREAM);
    Files.writeString(dir.resolve("b-good.yaml"), V5_OBJECT);
    Promshift promshift = Promshift.create();

    Run status = promshift.status(FileSet.of(dir));
    assertThat(status.files()).extracting(f -> f.file().getFileName() + " " + f.verdict())
        .containsExactly("a-broken.yaml FAILED", "b-good.yaml UNCHANGED");
    assertThat(status.files().get(0).diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Code.YAML_SYNTAX);
      assertThat(d.position()).hasToString("11:4");
    });
    assertThat(status.files().get(1).sources()).extracting(SourceStatus::path).containsExactly("spec.datasource");

    Run migrate = promshift.migrate(FileSet.of(dir), WriteMode.none());
    assertThat(migrate.files()).extracting(f -> f.file().getFileName() + " " + f.verdict())
        .containsExactly("a-broken.yaml FAILED", "b-good.yaml CHANGED");
    assertThat(migrate.files().get(0).diagnostics()).extracting(d -> d.code() + " " + d.position())
        .containsExactly("YAML_SYNTAX 11:4");
    assertThat(Files.readString(dir.resolve("b-good.yaml"))).isEqualTo(V5_OBJECT);
    assertThat(Verdict.values()).contains(Verdict.FAILED);
  }
}
