package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import org.junit.jupiter.api.Test;

/**
 * {@code {{ }}} inside a string of Helm values is a value Helm renders ({@code tpl}); outside every string it is
 * template syntax that merely parses (as a flow mapping): such a file is a chart template and is refused at that tag.
 */
class TemplatesInValuesTest {
  private final SourceReader reader = new SourceReader(new ProvisioningReader(ReadSettings.DEFAULTS),
      UnitSettings.AUTO);

  @Test
  void aTemplateInsideAStringIsAValue() {
    SourceFile file = reader.read(SourceText.of("values.yaml", """
        grafana:
          additionalDataSources:
            - name: Loki
              type: loki
              url: http://{{ .Release.Name }}-loki-gateway
            - name: "{{ .Values.promName }}"
              type: prometheus
              url: 'http://{{ .Release.Name }}-prometheus:9090'
        """));
    assertThat(file.units()).singleElement().satisfies(unit ->
        assertThat(unit.file().dataSources()).hasSize(2));
  }

  @Test
  void aTemplateOutsideEveryStringMakesTheFileATemplate() {
    String chartTemplate = """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        spec:
          datasource:
            name: "{{ .Values.name }}"
            type: prometheus
            url: {{ .Values.AMP_ENDPOINT_URL }}
        """;
    assertThatThrownBy(() -> reader.read(SourceText.of("templates/amp.yaml", chartTemplate)))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.TEMPLATE);
          assertThat(e.position().line()).isEqualTo(7);
          assertThat(e.position().column()).isEqualTo(10);
        });
  }

  @Test
  void aTemplateInACommentIsNeither() {
    SourceFile file = reader.read(SourceText.of("values.yaml", """
        # {{ this is only a comment }}
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus   # {{ not a value either }}
        """));
    assertThat(file.units()).hasSize(1);
  }
}
