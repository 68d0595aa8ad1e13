package io.promshift.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrafanaViewTest {
  private static GrafanaView view(String yaml) {
    ProvisioningReader reader = new ProvisioningReader(ReadSettings.DEFAULTS);
    return GrafanaView.of(reader.read(SourceText.of("t.yaml", yaml)));
  }

  private static Map<String, Object> first(GrafanaView view) {
    return view.dataSources().get(0).fields();
  }

  @Test
  void typedFieldsOfAnApiVersion1FileAreTextConvertedAsGrafanaConvertsThem() {
    GrafanaView view = view("""
        apiVersion: 1
        datasources:
          - name: a
            isDefault: "true"
            basicAuth: 1
            orgId: "007"
            version: 3
            editable: ~
        """);
    assertThat(view.readsCleanly()).isTrue();
    assertThat(first(view)).containsExactly(Map.entry("name", "a"), Map.entry("orgId", 7L),
        Map.entry("basicAuth", true), Map.entry("isDefault", true), Map.entry("version", 3L));
  }

  @Test
  void aYaml11WordInATypedFieldIsAConversionGrafanaFailsOn() {
    GrafanaView view = view("""
        apiVersion: 1
        datasources:
          - name: a
            isDefault: yes
        """);
    assertThat(view.readsCleanly()).isFalse();
    GrafanaView.Failure failure = view.failures().get(0);
    assertThat(failure.field()).isEqualTo("isDefault");
    assertThat(failure.at().line()).isEqualTo(4);
    assertThat(failure.at().column()).isEqualTo(16);
    assertThat(failure.message()).isEqualTo("strconv.ParseBool: parsing \"yes\": invalid syntax");
    assertThat(first(view)).containsEntry("isDefault", "yes");
  }

  @Test
  void anIntThatIsNotBase10OrOutOfRangeFailsAndAnEmptyOneStaysUnset() {
    GrafanaView hex = view("apiVersion: 1\ndatasources:\n  - name: a\n    orgId: 0x1F\n");
    assertThat(hex.failures()).extracting(GrafanaView.Failure::message)
        .containsExactly("strconv.ParseInt: parsing \"0x1F\": invalid syntax");
    GrafanaView big = view("apiVersion: 1\ndatasources:\n  - name: a\n    version: 9223372036854775808\n");
    assertThat(big.failures()).extracting(GrafanaView.Failure::message)
        .containsExactly("strconv.Atoi: parsing \"9223372036854775808\": value out of range");
    GrafanaView empty = view("apiVersion: 1\ndatasources:\n  - name: a\n    version: ''\n");
    assertThat(empty.readsCleanly()).isTrue();
    assertThat(first(empty)).doesNotContainKey("version");
  }

  @Test
  void aPlaceholderInATypedFieldIsShownAsWrittenForGrafanaConvertsItAfterInterpolation() {
    GrafanaView view = view("apiVersion: 1\ndatasources:\n  - name: a\n    isDefault: $IS_DEFAULT\n");
    assertThat(view.readsCleanly()).isTrue();
    assertThat(first(view)).containsEntry("isDefault", "$IS_DEFAULT");
  }

  @Test
  void aVersion0FileHasPlainGoFieldsThatGoYamlFillsItself() {
    GrafanaView view = view("""
        datasources:
          - name: a
            is_default: yes
            org_id: 2.9
            basic_auth: "off"
        """);
    assertThat(view.legacy()).isTrue();
    assertThat(view.readsCleanly()).isTrue();
    assertThat(first(view)).containsExactly(Map.entry("name", "a"), Map.entry("orgId", 2L),
        Map.entry("basicAuth", false), Map.entry("isDefault", true));
  }

  @Test
  void aVersion0FieldOutOfRangeFailsGoYamlsDecode() {
    GrafanaView view = view("datasources:\n  - name: a\n    org_id: 1e50\n    version: true\n");
    assertThat(view.failures()).extracting(GrafanaView.Failure::field).containsExactly("org_id", "version");
    assertThat(view.failures().get(0).message()).isEqualTo("cannot unmarshal !!float into int64");
  }

  @Test
  void jsonDataKeepsGoYamlsTypesAndSecretsAreMasked() {
    GrafanaView view = view("""
        apiVersion: 1
        datasources:
          - name: a
            url: https://user:hunter2@h/
            jsonData:
              sigV4Auth: yes
              seriesLimit: 0x10
              ratio: 1.0
              when: 2001-12-14
              nothing: ~
              list: [1, "2"]
            secureJsonData:
              basicAuthPassword: hunter2
              sigV4SecretKey: $__env{SECRET}
        """);
    Map<String, Object> fields = first(view);
    assertThat(fields.get("url")).isEqualTo("https://user:" + Secrets.MASK + "@h/");
    @SuppressWarnings("unchecked")
    Map<String, Object> jsonData = (Map<String, Object>) fields.get("jsonData");
    assertThat(jsonData).containsEntry("sigV4Auth", "yes").containsEntry("seriesLimit", 16L)
        .containsEntry("ratio", 1.0).containsEntry("when", "2001-12-14T00:00:00Z").containsEntry("nothing", null)
        .containsEntry("list", List.of(1L, "2"));
    assertThat(fields.get("secureJsonData")).isEqualTo(Map.of("basicAuthPassword", Secrets.MASK,
        "sigV4SecretKey", "$__env{SECRET}"));
    assertThat(fields.toString()).doesNotContain("hunter2");
  }

  @Test
  void aNullItemOrAScalarItemIsAFailureAndAStructRootIsNeeded() {
    assertThat(view("apiVersion: 1\ndatasources:\n  - ~\n").failures()).extracting(GrafanaView.Failure::message)
        .containsExactly("a null item: Grafana crashes on it (nil pointer dereference)");
    assertThat(view("apiVersion: 1\ndatasources:\n  - abc\n").failures()).extracting(GrafanaView.Failure::message)
        .containsExactly("cannot unmarshal !!str into a data source");
    assertThat(view("apiVersion: \"1\"\ndatasources: []\n").failures()).extracting(GrafanaView.Failure::field)
        .containsExactly("apiVersion");
  }

  @Test
  void pruneIsAPlainGoBool() {
    assertThat(view("apiVersion: 1\nprune: yes\ndatasources: []\n").prune()).isTrue();
    assertThat(view("apiVersion: 1\nprune: \"true\"\ndatasources: []\n").failures())
        .extracting(GrafanaView.Failure::field).containsExactly("prune");
  }
}
