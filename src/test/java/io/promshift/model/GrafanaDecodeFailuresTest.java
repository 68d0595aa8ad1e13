package io.promshift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.promshift.embed.SourceReader;
import io.promshift.embed.UnitSettings;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Validator;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Class B of issue 14: files whose decoding into Grafana's structs fails (so Grafana does not start) that promshift
 * used to read. Each is now refused where go-yaml refuses it, or (a Go type that cannot hold the number) an error
 * finding of the schema, as a wrong type already was.
 */
class GrafanaDecodeFailuresTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);

  private static SourceException refusal(String yaml) {
    SourceException e = catchThrowableOfType(SourceException.class, () -> READER.read(SourceText.of("t.yaml", yaml)));
    assertThat(e).as("refused: %s", yaml).isNotNull();
    return e;
  }

  private static List<String> schemaFindings(String yaml) {
    List<Diagnostic> findings = Validator.create().validate(READER.read(SourceText.of("t.yaml", yaml)));
    return findings.stream().filter(d -> d.code() == Code.SCHEMA).map(d -> d.position() + " " + d.message()).toList();
  }

  @Test
  void aKeyThatIsAListOrAMapCannotBeDecodedIntoAStringOrAMapKey() {
    // go-yaml decodes every key of a struct or a map[string]... into a Go string, even a key no field has
    assertThat(refusal("apiVersion: 1\n[]: x\ndatasources: []\n").problem())
        .contains("cannot unmarshal !!seq into string");
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - name: x\n    jsonData: {? [a]: 1}\n").position())
        .hasToString("4:18");
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - name: x\n    ? {a: 1}\n    : 1\n").problem())
        .contains("cannot unmarshal !!map into string");
    // an untyped map with a key that is no string keys by values: a list cannot be one
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - jsonData: {k: {? [a]: 1}}\n").problem())
        .contains("invalid map key");
  }

  @Test
  void explicitTagsGoYamlCannotDecode() {
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - jsonData: {k: !!null x}\n").problem())
        .contains("cannot decode as !!null");
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - jsonData: {k: !!binary \"%%%\"}\n").problem())
        .contains("!!binary value contains invalid base64 data");
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - jsonData: {k: !!binary aGk}\n").problem())
        .as("Go's standard base64 wants its padding").contains("!!binary");
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - jsonData: {k: !!float 18446744073709551615}\n").problem())
        .contains("cannot decode as !!float");
  }

  @Test
  void aListOfProvisioningFilesIsRefusedAsGrafanaCannotDecodeIt() {
    String list = "- apiVersion: 1\n  datasources:\n    - name: x\n";
    assertThat(refusal(list).problem()).contains("the file is a list", "remove the \"- \" before apiVersion");
    SourceReader embedded = new SourceReader(READER, UnitSettings.AUTO);
    assertThat(catchThrowableOfType(SourceException.class, () -> embedded.read(SourceText.of("t.yaml", list))))
        .isNotNull();
    // any other list (an Ansible task list beside the files) is just not a provisioning file
    assertThat(READER.read(SourceText.of("tasks.yaml", "- name: install\n  apt: {name: grafana}\n"))
        .isDataSourceProvisioning()).isFalse();
  }

  @Test
  void aVersion0IntegerBeyondInt64IsAnErrorAndAFractionIsDropped() {
    assertThat(schemaFindings("datasources:\n  - name: x\n    org_id: 1e50\n"))
        .singleElement().asString().startsWith("3:13 org_id is the number 1.0E50, above the maximum");
    assertThat(schemaFindings("datasources:\n  - name: x\n    version: 0xFFFFFFFFFFFFFFFF\n"))
        .singleElement().asString().startsWith("3:14 version is the number 18446744073709551615, above the maximum");
    assertThat(schemaFindings("datasources:\n  - name: x\n    org_id: 9223372036854775808\n")).hasSize(1);
    assertThat(schemaFindings("datasources:\n  - name: x\n    org_id: .nan\n")).hasSize(1);
    // go-yaml sets int64(1.5) = 1, and MaxInt64 itself fits
    assertThat(schemaFindings("datasources:\n  - name: x\n    org_id: 1.5\n    version: 9223372036854775807\n"))
        .isEmpty();
  }

  @Test
  void theEmbeddedVersionStructIsAFieldGoYamlPanicsOn() {
    assertThat(refusal("apiVersion: 1\nconfigversion: {apiVersion: 1}\ndatasources: []\n").problem())
        .contains("configversion");
    assertThat(READER.read(SourceText.of("t.yaml", "apiVersion: 1\nconfigversion: ~\ndatasources: []\n")))
        .isNotNull();
  }
}
