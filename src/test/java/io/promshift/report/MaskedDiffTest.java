package io.promshift.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.Secrets;
import org.junit.jupiter.api.Test;

/**
 * The migration diff masks a secret by what the value is in the model, wherever its text is written: through
 * aliases, merge keys and anchored maps, under credential-like keys outside secureJsonData, in URLs; and a
 * masked value keeps its lines, so the diff's line numbers and the lines after it stay as they are.
 */
class MaskedDiffTest {
  private static final Migrator FORWARD = new Migrator(MigrationOptions.forward().build());
  private static final String M = Secrets.MASK;

  /** The diff of migrating {@code yaml} forward; the file must change. */
  private static String diff(String yaml) {
    MigrationResult result = FORWARD.migrate("t.yaml", yaml);
    assertThat(result.refusal()).as("refusal").isNull();
    assertThat(result.changed()).as("the migration changes the file").isTrue();
    return UnifiedDiff.of(result);
  }

  @Test
  void aSecureValueReachedThroughAnAliasIsMaskedWhereItsAnchorIsWritten() {
    String diff = diff("""
        apiVersion: 1
        x-anchors:
          pw: &pw s3cr3t-through-alias
        datasources:
          - name: a
            type: prometheus
            jsonData: {sigV4Auth: true}
            secureJsonData:
              basicAuthPassword: *pw
        """);
    assertThat(diff).doesNotContain("s3cr3t").contains("   pw: &pw " + M + "\n datasources:\n")
        .contains("basicAuthPassword: *pw");
  }

  @Test
  void anAnchorDefinedInAnotherDataSourceIsMaskedThere() {
    String diff = diff("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData: {sigV4Auth: true, note: &pw s3cr3t-in-a-note}
          - name: b
            type: prometheus
            jsonData: {sigV4Auth: true}
            secureJsonData: {password: *pw}
        """);
    assertThat(diff).doesNotContain("s3cr3t").contains("note: &pw " + M + "}");
  }

  @Test
  void secureJsonDataMergedFromAnAnchoredMapIsMaskedInThatMap() {
    String diff = diff("""
        apiVersion: 1
        x-common: &sec
          pw: merged-s3cr3t
          header: "quoted-s3cr3t"
        datasources:
          - name: a
            type: prometheus
            jsonData: {sigV4Auth: true}
            secureJsonData: {<<: *sec}
        """);
    assertThat(diff).doesNotContain("s3cr3t").contains("   header: \"" + M + "\"\n");
  }

  @Test
  void anAnchoredJsonDataHoldingASigV4SecretKeyIsMasked() {
    String diff = diff("""
        apiVersion: 1
        x-aws: &aws
          sigV4Auth: true
          sigV4AuthType: keys
          sigV4SecretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
        datasources:
          - name: a
            type: prometheus
            jsonData: *aws
        """);
    assertThat(diff).doesNotContain("wJalr").contains("   sigV4SecretKey: " + M + "\n");
  }

  @Test
  void credentialLikeKeysOutsideSecureJsonDataAreMasked() {
    String diff = diff("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: true
              secret_key: s3cr3t-1
              secretAccessKey: s3cr3t-2
              aws_secret_access_key: s3cr3t-3
              tokenValue: s3cr3t-4
              password_hash: s3cr3t-5
              api_key: s3cr3t-6
              private_key: s3cr3t-7
              authorization: Bearer s3cr3t-8
              cookie: session=s3cr3t-9
        """);
    assertThat(diff).doesNotContain("s3cr3t")
        .contains("       authorization: " + M + "\n       cookie: " + M + "\n");
  }

  @Test
  void credentialsInUrlsAreMaskedAndTheRestOfTheUrlStaysReadable() {
    String diff = diff("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            url: https://grafana:s3cr3t-pass@prom.example.com:9090/?token=s3cr3t-token&api_key=s3cr3t-key&step=30
            jsonData: {sigV4Auth: true}
        """);
    assertThat(diff).doesNotContain("s3cr3t")
        .contains("url: https://grafana:" + M + "@prom.example.com:9090/?token=" + M + "&api_key=" + M + "&step=30\n");
  }

  @Test
  void aMaskedBlockScalarKeepsItsLinesSoTheHunkStartsWhereItShould() {
    String diff = diff("""
        apiVersion: 1
        datasources:
          - name: a
            secureJsonData:
              tlsClientKey: |
                -----BEGIN PRIVATE KEY-----
                MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7
                -----END PRIVATE KEY-----
            type: prometheus
            jsonData:
              sigV4Auth: true
        """);
    assertThat(diff).doesNotContain("MIIEvQ").doesNotContain("PRIVATE KEY").isEqualTo("""
        --- a/t.yaml
        +++ b/t.yaml
        @@ -6,6 +6,7 @@
        %1$s
        %1$s
        %1$s
        -    type: prometheus
        +    type: grafana-amazonprometheus-datasource
             jsonData:
               sigV4Auth: true
        +      prometheus-type-migration: true
        """.formatted("         " + M));
  }

  @Test
  void everyDocumentOfAStreamWithEmbeddedDataSourcesIsMaskedByTheSamePolicy() {
    String diff = diff("""
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        spec:
          datasource:
            name: AMP
            type: prometheus
            url: https://user:pa55word@aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
            secureJsonData:
              sigV4SecretKey: AKIAverysecretvalue
            jsonData:
              sigV4Auth: true
        ---
        stringData:
          password: hunter2-in-a-secret
        kind: Secret
        """);
    assertThat(diff).doesNotContain("hunter2", "pa55word", "AKIAverysecretvalue")
        .contains("+    type: grafana-amazonprometheus-datasource", "+      prometheus-type-migration: true\n ---\n",
            "  password: " + M, "sigV4SecretKey: " + M);
  }
}
