package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code ../shared/corpus/embedded} yields the units and items a person finds in it (counted by hand:
 * shape, path and number of items per unit), including provisioning files inside strings (ConfigMap and Secret data,
 * JSON, base64, {@code |+}), kube-prometheus-stack's {@code additionalDataSourcesString} (022) and the heredoc
 * bodies that compose entrypoint scripts write (011, 012, 014).
 */
class EmbeddedCorpusTest {
  private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    expect("001", "OPERATOR_V5 spec.datasource 1");
    expect("002", "OPERATOR_V5 spec.datasource 1");
    expect("003", "OPERATOR_V5 spec.datasource 1");
    expect("004", "CHART_VALUES datasources[\"datasources.yaml\"] 2");
    expect("005", "KPS_ADDITIONAL grafana.additionalDataSources 1");
    expect("006", "KPS_ADDITIONAL grafana.additionalDataSources 1");
    expect("007", "KPS_ADDITIONAL grafana.additionalDataSources 1");
    expect("008", "KPS_ADDITIONAL grafana.additionalDataSources 1");
    expect("009", "CHART_VALUES datasources[\"datasources.yaml\"] 1");
    expect("010", "CHART_VALUES datasources[\"datasources.yaml\"] 1");
    expect("011", "HEREDOC_FILE services.grafana.entrypoint[2] 1"); // cat <<EOF > .../datasources/ds.yaml
    expect("012", "HEREDOC_FILE services.grafana.entrypoint[2] 2");
    expect("013", "STRING_FILE data[\"loki.yaml\"] 3");
    expect("014", "HEREDOC_FILE services.grafana.entrypoint[2] 1");
    expect("015", "OPERATOR_V4 spec.datasources 1");
    expect("016", "OPERATOR_V4 spec.datasources 1");
    expect("017", "OPERATOR_V4 spec.datasources 1");
    expect("018", "OPERATOR_V5 spec.datasource 1");
    expect("019", "OPERATOR_V5 spec.datasource 1", "OPERATOR_V5 spec.datasource 1");
    expect("020", "OPERATOR_V5 spec.datasource 1");
    expect("021", "OPERATOR_V5 spec.datasource 1");
    expect("022", "KPS_STRING tests[0].set.grafana.additionalDataSourcesString 1"); // a helm-unittest case
    expect("023", "CHART_VALUES grafana.datasources[\"datasources.yaml\"] 3");
    expect("024");
    expect("025");
    expect("026", "STRING_FILE data.datasources 1"); // a ConfigMap key without .yaml, mounted under a .yaml name
    expect("027", "CHART_VALUES datasources[\"datasources.yaml\"] 2");
    expect("028", "STRING_FILE stringData[\"datasources.yaml\"] 1"); // JSON in a block scalar
    expect("029", "STRING_FILE data[\"datasources.yaml\"] 1"); // base64: read, never rewritten
    // copy.content is a Jinja template that does not read: refused alone, at its position
    expect("030", "REFUSED [1][\"ansible.builtin.copy\"].content");
    expect("031", "KPS_ADDITIONAL grafana.additionalDataSources 1");
    expect("032", "KPS_ADDITIONAL grafana.additionalDataSources 1");
    // the chart's default data source is switched off (defaultDatasourceEnabled: false): not an item
    expect("033", "KPS_ADDITIONAL grafana.additionalDataSources 1");
    expect("034", "CHART_VALUES datasources[\"datasources.yaml\"] 1");
    expect("035", "STRING_FILE data[\"prometheus.yaml\"] 1"); // |+ keep chomping, version 0
    expect("036", "OPERATOR_V4 spec.datasources 1");
    expect("037", "OPERATOR_V5 spec.datasource 1");
    expect("038", "OPERATOR_V5 spec.datasource 1");
  }

  private static void expect(String file, String... units) {
    EXPECTED.put(file, List.of(units));
  }

  private final SourceReader reader = new SourceReader(new ProvisioningReader(ReadSettings.DEFAULTS),
      UnitSettings.AUTO);

  @Test
  void everyFileYieldsTheUnitsAndItemsAPersonFinds() {
    List<Path> files = Corpus.files("embedded");
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (Path file : files) {
      String number = file.getFileName().toString().substring(0, 3);
      SourceFile read = reader.read(file);
      List<String> units = new ArrayList<>();
      for (Unit unit : read.units()) {
        units.add(unit.shape() + " " + unit.path() + " " + unit.file().dataSources().size());
      }
      for (UnitProblem problem : read.problems()) {
        units.add("REFUSED " + problem.path());
      }
      found.put(number, units);
    }
    assertThat(found).containsExactlyInAnyOrderEntriesOf(EXPECTED);
  }

  @Test
  void itemsTotalFortyThreeInThirtySixUnits() {
    List<Path> files = Corpus.files("embedded");
    int units = 0;
    int items = 0;
    for (Path file : files) {
      for (Unit unit : reader.read(file).units()) {
        units++;
        items += unit.file().dataSources().size();
      }
    }
    assertThat(units).isEqualTo(36);
    assertThat(items).isEqualTo(43);
  }
}
