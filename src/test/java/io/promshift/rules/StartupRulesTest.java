package io.promshift.rules;

import static io.promshift.rules.Validation.all;
import static io.promshift.rules.Validation.at;
import static io.promshift.rules.Validation.findings;
import static io.promshift.rules.Validation.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Refusals and the rules under which Grafana does not start: each failing and passing, at line:col. */
class StartupRulesTest {

  @Test
  void duplicateKeyIsARefusalAtTheSecondKeyNamingTheFirst() {
    Diagnostic f = only("duplicate-key", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Region: eu-west-1
              sigV4Region: eu-west-2
        """);
    assertThat(f.position()).hasToString("6:7");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.message()).contains("line 5", "Grafana refuses to start");
    assertThat(f.fix()).contains("line 5, column 7");
    assertThat(at("duplicate-key", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Region: eu-west-1
              sigV4AuthType: default
        """)).isEmpty();
  }

  @Test
  void yamlSyntaxErrorIsARefusalWithAPosition() {
    assertThat(all(findings("""
        apiVersion: 1
        datasources:
          - name: A
            jsonData: {sigV4Auth: true
          - name: B
        """))).containsExactly("5:9 error yaml-syntax");
    assertThat(at("yaml-syntax", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData: {sigV4Auth: true}
        """)).isEmpty();
  }

  @Test
  void templateIsARefusalAtItsFirstTag() {
    Diagnostic f = only("template", """
        apiVersion: 1
        datasources:
          - name: A
            url: http://{{ .Values.host }}:9090
        """);
    assertThat(f.position()).hasToString("4:17");
    assertThat(f.fix()).contains("helm template");
    assertThat(at("template", """
        apiVersion: 1
        datasources:
          - name: A
            url: http://prometheus:9090  # {{ rendered }} in a comment is fine
        """)).isEmpty();
  }

  @Test
  void limitsAreRefusalsWithAPosition() {
    ProvisioningReader shallow = new ProvisioningReader(ReadSettings.builder().maxDepth(3).build());
    String yaml = """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              a: {b: 1}
        """;
    try {
      shallow.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
      throw new AssertionError("not refused");
    } catch (SourceException e) {
      Diagnostic f = Validator.of(e);
      assertThat(f.rule()).isEqualTo("limit");
      assertThat(f.position()).hasToString("5:7");
    }
    assertThat(new ProvisioningReader(ReadSettings.DEFAULTS).read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8))
        .dataSources()).hasSize(1);
  }

  @Test
  void invalidUtf8IsUnreadable() {
    byte[] bytes = "apiVersion: 1\nx: ?\n".getBytes(StandardCharsets.UTF_8);
    bytes[17] = (byte) 0xFF;
    try {
      Validation.PROMSHIFT.read("t.yaml", bytes);
      throw new AssertionError("not refused");
    } catch (SourceException e) {
      assertThat(Validator.of(e)).satisfies(f -> {
        assertThat(f.rule()).isEqualTo("unreadable");
        assertThat(f.position()).hasToString("2:4");
      });
    }
  }

  @Test
  void quotedApiVersion() {
    Diagnostic f = only("api-version-quoted", """
        apiVersion: "1"
        datasources:
          - name: A
        """);
    assertThat(f.position()).hasToString("1:13");
    assertThat(f.message()).contains("not the integer 1", "does not start");
    assertThat(all(findings("""
        apiVersion: "1"
        datasources:
          - name: A
        """))).as("the schema's type error at the same place gives way").containsExactly("1:13 error api-version-quoted");
    assertThat(at("api-version-quoted", "apiVersion: v1\ndatasources: []\n")).containsExactly("1:13 error");
    assertThat(at("api-version-quoted", "apiVersion: 1\ndatasources: []\n")).isEmpty();
  }

  @Test
  void boolFieldsMustBeGoParseBoolWords() {
    String yaml = """
        apiVersion: 1
        datasources:
          - name: A
            isDefault: yes
            basicAuth: "on"
            withCredentials: ""
            editable: 0x1
        """;
    assertThat(at("bool-not-parsebool", yaml)).containsExactly("4:16 error", "5:16 error", "6:22 error", "7:15 error");
    assertThat(only("bool-not-parsebool", """
        apiVersion: 1
        datasources:
          - name: A
            isDefault: yes
        """).message()).contains("strconv.ParseBool: parsing \"yes\": invalid syntax");
    assertThat(all(findings("""
        apiVersion: 1
        datasources:
          - name: A
            isDefault: "true"
            basicAuth: 1
            withCredentials: T
            editable: False
          - name: B
            isDefault:
            editable: ~
        """))).as("quoted true, 1, T and null all work in Grafana").isEmpty();
  }

  @Test
  void versionZeroBoolFieldsAreGoBoolsNotParseBool() {
    assertThat(at("bool-not-parsebool", """
        datasources:
          - name: A
            is_default: yes
        """)).isEmpty();
  }

  @Test
  void orgIdAndVersionMustBeBase10() {
    String yaml = """
        apiVersion: 1
        deleteDatasources:
          - name: old
            orgId: 1_000
        datasources:
          - name: A
            orgId: 0x1F
            version: 1.5
        """;
    assertThat(at("int-not-base10", yaml)).containsExactly("4:12 error", "7:12 error", "8:14 error");
    assertThat(only("int-not-base10", """
        apiVersion: 1
        datasources:
          - name: A
            orgId: 0x1F
        """).fix()).isEqualTo("write orgId: 31");
    assertThat(all(findings("""
        apiVersion: 1
        datasources:
          - name: A
            orgId: "2"
            version: +3
          - name: B
            orgId: ""
        """))).isEmpty();
  }

  @Test
  void nameMissingEmptyOrNull() {
    String yaml = """
        apiVersion: 1
        datasources:
          - type: prometheus
          - name: ""
          - name: ~
        """;
    assertThat(all(findings(yaml))).as("the schema's required/minLength/type errors give way")
        .containsExactly("3:5 error name-missing", "4:11 error name-missing", "5:11 error name-missing");
    assertThat(at("name-missing", """
        apiVersion: 1
        datasources:
          - name: 2024
        """)).isEmpty();
  }

  @Test
  void nameLongerThan190Bytes() {
    assertThat(at("name-too-long", "apiVersion: 1\ndatasources:\n  - name: " + "n".repeat(191) + "\n"))
        .containsExactly("3:11 error");
    assertThat(at("name-too-long", "apiVersion: 1\ndatasources:\n  - name: " + "한".repeat(64) + "\n"))
        .as("Grafana counts bytes: 64 Hangul syllables are 192 bytes").containsExactly("3:11 error");
    assertThat(all(findings("apiVersion: 1\ndatasources:\n  - name: " + "n".repeat(190) + "\n"))).isEmpty();
  }

  @Test
  void urlLongerThan255Bytes() {
    String base = "apiVersion: 1\ndatasources:\n  - name: a\n    url: http://h/";
    assertThat(all(findings(base + "p".repeat(256 - 9) + "\n"))).containsExactly("4:10 error url-too-long");
    assertThat(all(findings(base + "p".repeat(255 - 9) + "\n"))).isEmpty();
  }
}
