package io.promshift.rules;

import static io.promshift.rules.Validation.all;
import static io.promshift.rules.Validation.at;
import static io.promshift.rules.Validation.findings;
import static io.promshift.rules.Validation.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** URL, access and credential rules, each failing and passing at line:col. */
class UrlAndCredentialRulesTest {
  private static final String AMP = "https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/";

  @Test
  void workspaceUrlAndSigningRegionDisagree() {
    Diagnostic f = only("amp-url-region-mismatch", """
        apiVersion: 1
        datasources:
          - name: A
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
            jsonData:
              sigV4Auth: true
              sigV4Region: us-east-1
        """);
    assertThat(f.position()).hasToString("7:20");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.fix()).startsWith("write sigV4Region: eu-west-1");
    assertThat(at("amp-url-region-mismatch", """
        apiVersion: 1
        datasources:
          - name: A
            url: https://aps-workspaces.cn-north-1.amazonaws.com.cn/workspaces/ws-1/
            jsonData:
              sigV4Auth: true
              sigV4Region: cn-north-1
          - name: B
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-2/
            jsonData:
              sigV4Auth: false
        """)).isEmpty();
  }

  @Test
  void workspaceUrlWithoutHttps() {
    assertThat(at("amp-url-not-https", """
        apiVersion: 1
        datasources:
          - name: A
            url: http://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          - name: B
            url: aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-2/
        """)).containsExactly("4:10 error", "6:10 error");
    assertThat(at("amp-url-not-https", """
        apiVersion: 1
        datasources:
          - name: A
            url: HTTPS://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          - name: B
            url: http://sigv4-proxy:8005/workspaces/ws-1/
        """)).isEmpty();
  }

  @Test
  void prometheusUrlEndingInApiV1() {
    assertThat(at("amp-url-api-v1", """
        apiVersion: 1
        datasources:
          - name: A
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1
          - name: B
            type: prometheus
            url: http://prometheus:9090/api/v1/
        """)).containsExactly("4:10 error", "7:10 error");
    assertThat(at("amp-url-api-v1", """
        apiVersion: 1
        datasources:
          - name: A
            type: prometheus
            url: http://prometheus:9090/prometheus
          - name: B
            type: loki
            url: http://gateway/api/v1
        """)).isEmpty();
  }

  @Test
  void directAccessOnASigningSource() {
    assertThat(at("access-direct-signed", """
        apiVersion: 1
        datasources:
          - name: A
            access: direct
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
          - name: B
            type: grafana-amazonprometheus-datasource
            access: direct
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
        """)).containsExactly("4:13 error", "10:13 error");
    assertThat(at("access-direct-signed", """
        apiVersion: 1
        datasources:
          - name: A
            access: proxy
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
          - name: B
            type: prometheus
            access: direct
        """)).isEmpty();
  }

  @Test
  void secretsUnderJsonData() {
    String yaml = """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              sigV4AuthType: keys
              sigV4SecretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
              azureCredentials:
                authType: clientsecret
                clientSecret: s3cr3t-value
            secureJsonData:
              sigV4AccessKey: $__env{KEY}
        """;
    assertThat(at("secret-in-json-data", yaml)).containsExactly("8:7 error", "11:9 error");
    assertThat(findings(yaml)).allSatisfy(f -> assertThat(f.message() + f.fix())
        .doesNotContain("wJalrXUtnFEMI", "s3cr3t"));
    assertThat(at("secret-in-json-data", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              sigV4AuthType: keys
              sigV4SecretKey: ""
            secureJsonData:
              sigV4AccessKey: $__env{KEY}
              sigV4SecretKey: $__file{/run/secrets/key}
        """)).isEmpty();
  }

  @Test
  void literalAwsKeys() {
    String yaml = """
        apiVersion: 1
        datasources:
          - name: A
            url: %s
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              sigV4AuthType: keys
              httpHeaderValue2: AKIAIOSFODNN7EXAMPLE
            secureJsonData:
              sigV4AccessKey: AKIAIOSFODNN7EXAMPLE
              sigV4SecretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
              sigV4SessionToken: "IQoJb3JpZ2luX2VjEXAMPLE"
        """.formatted(AMP);
    assertThat(at("literal-aws-key", yaml)).containsExactly("11:23 warning", "12:23 warning", "13:26 warning");
    // httpHeaderValue2 is read only from secureJsonData: under jsonData it is secret-in-json-data, which says more
    assertThat(at("secret-in-json-data", yaml)).containsExactly("9:7 error");
    assertThat(findings(yaml)).allSatisfy(f -> assertThat(f.message() + f.fix())
        .doesNotContain("IOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "IQoJb3JpZ2luX2"));
    assertThat(only("literal-aws-key", """
        apiVersion: 1
        datasources:
          - name: A
            secureJsonData:
              sigV4AccessKey: AKIAIOSFODNN7EXAMPLE
        """).message()).contains("AKIA••••••");
    assertThat(at("literal-aws-key", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              sigV4AuthType: keys
            secureJsonData:
              sigV4AccessKey: $__env{AMP_ACCESS_KEY_ID}
              sigV4SecretKey: ${AMP_SECRET_ACCESS_KEY}
        """)).isEmpty();
  }

  @Test
  void literalKeyInAVersionZeroFileSaysThereIsNoInterpolation() {
    assertThat(only("literal-aws-key", """
        datasources:
          - name: A
            secure_json_data:
              sigV4AccessKey: AKIAIOSFODNN7EXAMPLE
        """).fix()).contains("not interpolated", "apiVersion: 1");
  }

  @Test
  void aSecretInJsonDataIsNotAlsoReportedAsALiteralKeyThere() {
    assertThat(all(findings("""
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4AccessKey: AKIAIOSFODNN7EXAMPLE
        """))).containsExactly("5:7 error secret-in-json-data");
  }
}
