package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.model.ProvisioningFile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The JSON document the schema judges, and the way back from a JSON pointer to line:col. */
class JsonViewTest {
  private static final String FILE = """
      apiVersion: 1
      x-aws: &aws
        sigV4Auth: true
        sigV4Region: eu-west-1
      datasources:
        - name: AMP
          type: prometheus
          jsonData:
            <<: *aws
            sigV4Region: us-east-1
            a/b~c: 1
          secureJsonData: *secrets
      """.replace("*secrets", "{sigV4AccessKey: $KEY}");

  private static ProvisioningFile read(String yaml) {
    return Validation.PROMSHIFT.read("t.yaml", yaml);
  }

  @Test
  void theJsonIsWhatGrafanaDecodes() {
    JsonView view = JsonView.of(read(FILE));
    assertThat(view.root().toString()).isEqualTo(JsonMapper.builder().build().readTree("""
        {"apiVersion":1,"x-aws":{"sigV4Auth":true,"sigV4Region":"eu-west-1"},
         "datasources":[{"name":"AMP","type":"prometheus",
           "jsonData":{"sigV4Region":"us-east-1","a/b~c":1,"sigV4Auth":true},
           "secureJsonData":{"sigV4AccessKey":"$KEY"}}]}
        """).toString());
  }

  @Test
  void pointersLeadBackToValuesAndKeys() {
    JsonView view = JsonView.of(read(FILE));
    assertThat(view.position("/apiVersion")).hasToString("1:13");
    assertThat(view.keyPosition("/apiVersion")).hasToString("1:1");
    assertThat(view.position("/datasources/0")).as("a list item: its first key").hasToString("6:5");
    assertThat(view.position("/datasources/0/jsonData/sigV4Region")).as("the explicit key wins").hasToString("10:20");
    assertThat(view.position("/datasources/0/jsonData/sigV4Auth")).as("a merged value: where it is written")
        .hasToString("3:14");
    assertThat(view.keyPosition("/datasources/0/jsonData/sigV4Auth")).hasToString("3:3");
    assertThat(view.position("/datasources/0/jsonData/a~1b~0c")).as("RFC 6901 escapes").hasToString("11:14");
    assertThat(view.position("/datasources/0/secureJsonData/sigV4AccessKey")).hasToString("12:38");
  }

  @Test
  void aMissingValueLandsOnItsParentsKey() {
    JsonView view = JsonView.of(read(FILE));
    assertThat(view.position("/datasources/0/jsonData/sigV4AuthType")).hasToString("8:5");
    assertThat(view.position("/datasources/0/uid")).as("the data source has no key: its item").hasToString("6:5");
    assertThat(view.position("/prune")).hasToString("1:1");
    assertThat(view.has("/datasources/0/uid")).isFalse();
  }

  @Test
  void anEmptyDocumentIsNull() {
    JsonView view = JsonView.of(read("# nothing\n"));
    assertThat(view.root().isNull()).isTrue();
    assertThat(view.position("")).hasToString("1:1");
  }

  @Test
  void expansionConvertsJsonDataLeavesThatCameFromAVariable() {
    ValidationOptions options = ValidationOptions.builder()
        .environment(Map.of("ON", "true", "N", "100", "F", "1.5", "T", "text")).build();
    JsonView view = JsonView.of(read("""
        apiVersion: 1
        datasources:
          - name: $T
            isDefault: $ON
            jsonData:
              a: $ON
              b: "$N"
              c: ${F}
              d: $T
              e: x$N
              f: "true"
              nested: [{g: $ON}]
            secureJsonData:
              k: $N
        """), options);
    assertThat(view.root().at("/datasources/0").toString()).isEqualTo(
        "{\"name\":\"text\",\"isDefault\":\"true\",\"jsonData\":{\"a\":true,\"b\":100,\"c\":1.5,\"d\":\"text\","
            + "\"e\":\"x100\",\"f\":\"true\",\"nested\":[{\"g\":true}]},\"secureJsonData\":{\"k\":\"100\"}}");
  }

  @Test
  void versionZeroIsNeverExpanded() {
    JsonView view = JsonView.of(read("""
        datasources:
          - name: $T
            json_data:
              a: $ON
        """), ValidationOptions.builder().environment(Map.of("T", "x", "ON", "true")).build());
    assertThat(view.root().at("/datasources/0/json_data/a").asString()).isEqualTo("$ON");
    assertThat(view.root().at("/datasources/0/name").asString()).isEqualTo("$T");
  }
}
