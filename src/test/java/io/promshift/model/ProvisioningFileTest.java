package io.promshift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.Promshift;
import io.promshift.grafana.GoValue;
import io.promshift.text.SourceException;
import org.junit.jupiter.api.Test;

class ProvisioningFileTest {
  private final Promshift promshift = Promshift.create();

  private ProvisioningFile read(String text) {
    return promshift.read("p.yaml", text);
  }

  @Test
  void readsApiVersionOneDataSourcesWithPositions() {
    ProvisioningFile file = read("""
        apiVersion: 1
        deleteDatasources:
          - name: Old
            orgId: 1
        datasources:
          - name: AMP
            type: prometheus
            uid: amp-1
            isDefault: TRUE
            jsonData:
              sigV4Auth: True
              sigV4Region: eu-west-1
        """);
    assertThat(file.isDataSourceProvisioning()).isTrue();
    assertThat(file.apiVersion()).isEqualTo(1);
    assertThat(file.isLegacy()).isFalse();
    assertThat(file.deleteDataSources()).singleElement().satisfies(d -> assertThat(d.name()).hasValue("Old"));
    DataSource amp = file.dataSources().get(0);
    assertThat(amp.name()).hasValue("AMP");
    assertThat(amp.uid()).hasValue("amp-1");
    assertThat(amp.text(Field.IS_DEFAULT)).as("typed fields keep the raw text").hasValue("TRUE");
    assertThat(file.position(amp.node())).hasToString("6:5");
    assertThat(file.position(amp.entry(Field.TYPE).orElseThrow().valueNode())).hasToString("7:11");
    assertThat(PromTypeMigration.decide(amp)).isEqualTo(PromTypeMigration.Reason.SIGV4_AUTH);
  }

  @Test
  void missingApiVersionMeansLegacyVersionZeroWithSnakeCaseKeys() {
    ProvisioningFile file = read("""
        datasources:
          - name: Legacy
            type: prometheus
            is_default: true
            json_data:
              sigV4Auth: true
            jsonData:
              ignored: in version 0
        """);
    assertThat(file.isLegacy()).isTrue();
    DataSource legacy = file.dataSources().get(0);
    assertThat(legacy.text(Field.IS_DEFAULT)).hasValue("true");
    assertThat(legacy.jsonData().orElseThrow().containsKey("sigV4Auth")).isTrue();
    assertThat(legacy.uid()).as("version 0 has no uid").isEmpty();
  }

  @Test
  void jsonDataIsSeenThroughMergeKeys() {
    ProvisioningFile file = read("""
        apiVersion: 1
        x-aws: &aws
          sigV4Auth: true
          sigV4AuthType: default
        datasources:
          - name: A
            type: prometheus
            jsonData:
              <<: *aws
              sigV4Region: us-east-1
          - name: B
            type: prometheus
            jsonData:
              <<: *aws
              sigV4Auth: false
        """);
    assertThat(PromTypeMigration.decide(file.dataSources().get(0))).isEqualTo(PromTypeMigration.Reason.SIGV4_AUTH);
    assertThat(PromTypeMigration.decide(file.dataSources().get(1))).as("explicit key wins").isEqualTo(PromTypeMigration.Reason.NONE);
  }

  @Test
  void grafanasRuleAzureFirstThenOnlyABooleanTrue() {
    ProvisioningFile file = read("""
        apiVersion: 1
        datasources:
          - {name: both, type: prometheus, jsonData: {sigV4Auth: true, azureCredentials: {authType: msi}}}
          - {name: nullAzure, type: prometheus, jsonData: {azureCredentials: null}}
          - {name: quoted, type: prometheus, jsonData: {sigV4Auth: "true"}}
          - {name: yes, type: prometheus, jsonData: {sigV4Auth: yes}}
          - {name: one, type: prometheus, jsonData: {sigV4Auth: 1}}
          - {name: plugin, type: grafana-amazonprometheus-datasource, jsonData: {sigV4Auth: true}}
        """);
    assertThat(file.dataSources()).extracting(PromTypeMigration::decide).containsExactly(
        PromTypeMigration.Reason.AZURE_CREDENTIALS, PromTypeMigration.Reason.NONE, PromTypeMigration.Reason.NONE,
        PromTypeMigration.Reason.NONE, PromTypeMigration.Reason.NONE, PromTypeMigration.Reason.NONE);
    assertThat(file.dataSources().get(3).jsonData().orElseThrow().get("sigV4Auth").orElseThrow())
        .isInstanceOfSatisfying(GoValue.GoString.class, s -> assertThat(s.yaml11BoolWord()).isTrue());
  }

  @Test
  void aFileWithoutDataSourcesIsRecognised() {
    assertThat(read("apiVersion: 1\nproviders:\n  - name: dashboards\n").isDataSourceProvisioning()).isFalse();
    assertThat(read("").isDataSourceProvisioning()).isFalse();
    assertThat(read("apiVersion: 1\ndeleteDatasources: [{name: x, orgId: 1}]\n").isDataSourceProvisioning()).isTrue();
  }

  @Test
  void templatesAreRefusedEvenWhenTheyParse() {
    assertThatThrownBy(() -> read("datasources:\n  - name: x\n    url: http://{{ host }}:9090\n"))
        .isInstanceOf(SourceException.class).hasMessageStartingWith("p.yaml:3:17: this is a template");
    assertThat(read("# {{ ansible_managed }}\ndatasources: []\n").isDataSourceProvisioning()).isTrue();
  }
}
