package io.promshift.rules;

import static io.promshift.rules.Validation.all;
import static io.promshift.rules.Validation.at;
import static io.promshift.rules.Validation.findings;
import static io.promshift.rules.Validation.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SigV4 rules, each failing and passing at line:col. */
class SigV4RulesTest {

  @Test
  void signingWithoutRegion() {
    assertThat(at("sigv4-region-missing", """
        apiVersion: 1
        datasources:
          - name: A
            type: prometheus
            url: https://aps-workspaces.ap-south-1.amazonaws.com/workspaces/ws-1/
            jsonData:
              sigV4Auth: true
          - name: B
            jsonData:
              sigV4Auth: true
              sigV4Region: ""
          - name: C
            jsonData:
              sigV4Auth: true
              sigV4Region:
        """)).as("missing: at jsonData's key; empty or null: at the value")
        .containsExactly("6:5 error", "11:20 error", "15:19 error");
    assertThat(only("sigv4-region-missing", """
        apiVersion: 1
        datasources:
          - name: A
            url: https://aps-workspaces.ap-south-1.amazonaws.com/workspaces/ws-1/
            jsonData:
              sigV4Auth: true
        """).fix()).isEqualTo("add sigV4Region: ap-south-1 (the workspace URL's region)");
    assertThat(all(findings("""
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
          - name: B
            jsonData:
              sigV4Auth: false
        """))).isEmpty();
  }

  @Test
  void ampSourceThatDoesNotSign() {
    assertThat(at("amp-unsigned", """
        apiVersion: 1
        datasources:
          - name: A
            type: grafana-amazonprometheus-datasource
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
            jsonData:
              sigV4Region: eu-west-1
          - name: B
            type: grafana-amazonprometheus-datasource
          - name: C
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: "true"
              sigV4Region: eu-west-1
        """)).containsExactly("6:5 error", "9:11 error", "13:18 error");
    assertThat(at("amp-unsigned", """
        apiVersion: 1
        datasources:
          - name: Local
            type: grafana-amazonprometheus-datasource
            url: http://prometheus:9090
            jsonData:
              sigV4Auth: false
        """)).as("a host that is not AWS may be a plain Prometheus or a SigV4 proxy").containsExactly("7:18 warning");
    assertThat(all(findings("""
        apiVersion: 1
        datasources:
          - name: A
            type: grafana-amazonprometheus-datasource
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
        """))).isEmpty();
  }

  @Test
  void sigV4AuthWrittenAsAStringANumberOrAYaml11Word() {
    String yaml = """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: "true"
          - name: B
            jsonData:
              sigV4Auth: on
          - name: C
            jsonData:
              sigV4Auth: 1
        """;
    assertThat(all(findings(yaml))).as("the schema's type errors give way; no yaml11-bool besides")
        .containsExactly("5:18 warning sigv4-auth-not-boolean", "8:18 warning sigv4-auth-not-boolean",
            "11:18 warning sigv4-auth-not-boolean");
    assertThat(findings(yaml).get(1).message()).contains("YAML 1.1 word", "the string \"on\"", "does not sign",
        "migration skips");
    assertThat(at("sigv4-auth-not-boolean", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: TRUE
              sigV4Region: us-east-1
          - name: B
            jsonData:
              sigV4Auth: $SIGV4
        """)).isEmpty();
  }

  @Test
  void sigV4SettingsWhileSigningIsOff() {
    assertThat(at("sigv4-keys-while-off", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: false
              sigV4Region: eu-west-1
          - name: B
            jsonData:
              httpMethod: POST
              sigV4AuthType: default
            secureJsonData:
              sigV4AccessKey: $__env{KEY}
        """)).as("at sigV4Auth when it says false, else at the first SigV4 key")
        .containsExactly("5:18 warning", "10:7 warning");
    assertThat(at("sigv4-keys-while-off", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: false
              sigV4Region: ""
              sigV4AuthType:
          - name: B
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
        """)).isEmpty();
  }

  @Test
  void authProvidersThatMustBeAllowed() {
    assertThat(at("sigv4-auth-type-provider", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              sigV4AuthType: ec2_iam_role
          - name: B
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              sigV4AuthType: grafana_assume_role
        """)).containsExactly("7:22 warning", "12:22 warning");
    assertThat(at("sigv4-auth-type-provider", """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              sigV4AuthType: credentials
        """)).isEmpty();
  }

  @Test
  void keysTheSignerIgnoresNameTheRightKey() {
    String yaml = """
        apiVersion: 1
        datasources:
          - name: A
            type: prometheus
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              sigV4Endpoint: https://aps-workspaces.eu-west-1.amazonaws.com
              authType: default
              defaultRegion: eu-west-1
              assumeRoleArn: arn:aws:iam::123456789012:role/r
              externalId: ext
              sigv4AuthType: keys
            secureJsonData:
              accessKey: $__env{KEY}
        """;
    assertThat(at("sigv4-ignored-key", yaml)).containsExactly("8:7 warning", "9:7 warning", "10:7 warning",
        "11:7 warning", "12:7 warning", "13:7 warning", "15:7 warning");
    assertThat(findings(yaml).stream().filter(f -> f.rule().equals("sigv4-ignored-key")).map(Diagnostic::fix))
        .containsExactly("remove sigV4Endpoint", "rename authType to sigV4AuthType", "remove defaultRegion",
            "rename assumeRoleArn to sigV4AssumeRoleArn", "rename externalId to sigV4ExternalId",
            "rename sigv4AuthType to sigV4AuthType", "rename accessKey to sigV4AccessKey");
    assertThat(at("sigv4-ignored-key", """
        apiVersion: 1
        datasources:
          - name: CloudWatch
            type: cloudwatch
            jsonData:
              authType: default
              defaultRegion: eu-west-1
          - name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              sigv4Service: aps
        """)).as("CloudWatch's own keys; sigv4Service is the AMP plugin's spelling").isEmpty();
  }
}
