package io.promshift.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.Promshift;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.ValidationOptions;
import io.promshift.rules.Validator;
import io.promshift.testing.Corpus;
import io.promshift.text.SourceException;
import io.promshift.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one secrets policy of promshift, in {@link Secrets}: which keys name a credential, which keys Grafana
 * expects only in secureJsonData, what is masked in a file's text (by what a value is in the model, wherever
 * its text is written), what a message may quote, and how masking keeps every line.
 */
class SecretsPolicyTest {
  private static final Promshift PROMSHIFT = Promshift.create();
  private static final String M = Secrets.MASK;

  private static ProvisioningFile read(String yaml) {
    return PROMSHIFT.read("t.yaml", yaml);
  }

  private static String mask(String yaml) {
    return Secrets.mask(read(yaml));
  }

  private static List<Diagnostic> validate(Map<String, String> environment, String yaml) {
    ValidationOptions options = ValidationOptions.builder().environment(environment).build();
    return Validator.create(options).validate(read(yaml));
  }

  /** Every message and fix of the findings, one per line. */
  private static String said(List<Diagnostic> findings) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic f : findings) {
      out.append(f.rule()).append(": ").append(f.message()).append(" | ").append(f.fix()).append('\n');
    }
    return out.toString();
  }

  @Nested
  class CredentialKeys {
    @ParameterizedTest
    @ValueSource(strings = {
        "password", "basicAuthPassword", "sigV4AccessKey", "sigV4SecretKey", "sigV4SessionToken", "tlsClientKey",
        "azureClientSecret", "httpHeaderValue1", "httpHeaderValue12", "certificatePassword",
        "secret_key", "sigv4_secret_key", "secretAccessKey", "aws_secret_access_key", "tokenValue", "password_hash",
        "api_key", "private_key", "authorization", "cookie", "passwd", "pwd", "db_pwd", "client_secret", "secret",
        "bearer", "bearerToken", "credentials", "x-api-key", "X-Auth-Token", "Proxy-Authorization", "PASSWORD",
        "api.key", "accessToken", "refresh_token", "passphrase", "sasToken", "x-secrets", "aws_access_key_id",
        "secureJsonData", "secure_json_data"})
    void nameACredential(String key) {
      assertThat(Secrets.isSecretKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sigV4AuthType", "sigV4Region", "sigV4ExternalId", "sigV4AssumeRoleArn", "tokenUri", "token_url",
        "passwordless", "passwordFile", "authType", "basicAuth", "basicAuthUser", "user", "withCredentials",
        "azureCredentials", "keepCookies", "cookieName", "httpHeaderName1", "secretName", "tokenType", "maxTokens",
        "oauthPassThru", "tlsSkipVerify", "tlsAuthWithCACert", "name", "url", "key", "value", "bypass"})
    void doNotNameACredential(String key) {
      assertThat(Secrets.isSecretKey(key)).isFalse();
    }

    @Test
    void theKeysGrafanaReadsOnlyFromSecureJsonDataAreANamedSubsetOfTheCredentialKeys() {
      assertThat(Secrets.SECURE_JSON_DATA_KEYS).allMatch(Secrets::isSecretKey).allMatch(Secrets::isSecureJsonDataKey);
      assertThat(List.of("httpHeaderValue1", "httpHeaderValue7", "sigv4_secret_key", "BasicAuthPassword"))
          .allMatch(Secrets::isSecureJsonDataKey);
      assertThat(List.of("api_key", "token", "authorization", "httpHeaderName1", "sigV4AuthType"))
          .noneMatch(Secrets::isSecureJsonDataKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "password", "basicAuthPassword", "sigV4AccessKey", "sigV4SecretKey", "sigV4SessionToken", "tlsClientKey",
        "tlsClientCert", "tlsCACert", "azureClientSecret", "httpHeaderValue1", "httpHeaderValue2", "accessKey",
        "secretKey", "clientSecret", "privateKey"})
    void aKeyGrafanaReadsOnlyFromSecureJsonDataIsAFindingInJsonDataAndMaskedEverywhere(String key) {
      String yaml = """
          apiVersion: 1
          datasources:
            - name: a
              type: prometheus
              %1$s: misplaced-value-1
              jsonData:
                %1$s: misplaced-value-2
          x-defaults:
            %1$s: misplaced-value-3
          """.formatted(key);
      List<Diagnostic> findings = validate(Map.of(), yaml);
      assertThat(findings).filteredOn(f -> f.rule().equals("secret-in-json-data")).extracting(Diagnostic::pointer)
          .containsExactly("/datasources/0/jsonData/" + key);
      assertThat(findings).filteredOn(f -> f.rule().equals("misplaced-key")).extracting(Diagnostic::pointer)
          .containsExactly("/datasources/0/" + key);
      assertThat(mask(yaml)).doesNotContain("misplaced-value");
    }
  }

  @Nested
  class WhatIsMasked {
    @Test
    void everySecureJsonDataValueAndEveryValueUnderACredentialKeyAnywhereInTheFile() {
      assertThat(mask("""
          apiVersion: 1
          x-defaults:
            api_key: top-level-s3cr3t
          datasources:
            - name: a
              password: 12345
              jsonData:
                headers: [{name: X-Api-Key, value: header-s3cr3t}, {name: X-Team, value: platform}]
              secureJsonData:
                anything: "quoted s3cr3t"
                nested: {deeper: [list-s3cr3t]}
          """)).isEqualTo("""
          apiVersion: 1
          x-defaults:
            api_key: %1$s
          datasources:
            - name: a
              password: %1$s
              jsonData:
                headers: [{name: X-Api-Key, value: %1$s}, {name: X-Team, value: platform}]
              secureJsonData:
                anything: "%1$s"
                nested: {deeper: [%1$s]}
          """.formatted(M));
    }

    @Test
    void followsAliasesAndMergeKeysToWhereTheTextIsWritten() {
      assertThat(mask("""
          apiVersion: 1
          x-shared:
            pw: &pw alias-s3cr3t
            both: &both {user: admin, pw: merged-s3cr3t}
          x-aws: &aws {sigV4AuthType: keys, sigV4SecretKey: anchored-s3cr3t}
          datasources:
            - name: a
              jsonData: *aws
              secureJsonData:
                basicAuthPassword: *pw
                <<: *both
          """)).isEqualTo("""
          apiVersion: 1
          x-shared:
            pw: &pw %1$s
            both: &both {user: %1$s, pw: %1$s}
          x-aws: &aws {sigV4AuthType: keys, sigV4SecretKey: %1$s}
          datasources:
            - name: a
              jsonData: *aws
              secureJsonData:
                basicAuthPassword: *pw
                <<: *both
          """.formatted(M));
    }

    @Test
    void aMergedValueThatAKeyOverridesIsMaskedToo() {
      assertThat(mask("""
          apiVersion: 1
          x-shared: &sec {pw: merged-s3cr3t, user: admin}
          datasources:
            - name: a
              secureJsonData:
                <<: *sec
                pw: $__env{PW}
          """)).isEqualTo("""
          apiVersion: 1
          x-shared: &sec {pw: %1$s, user: %1$s}
          datasources:
            - name: a
              secureJsonData:
                <<: *sec
                pw: $__env{PW}
          """.formatted(M));
    }

    @Test
    void placeholdersNullsAndEmptyValuesAreNotSecrets() {
      String yaml = """
          apiVersion: 1
          datasources:
            - name: a
              secureJsonData:
                basicAuthPassword: $__env{PW}
                password: ${PASSWORD}$__file{/run/secrets/suffix}
                sigV4SecretKey: $AWS_SECRET_ACCESS_KEY
                token: ''
                apiKey: null
                tlsClientKey: ~
          """;
      assertThat(mask(yaml)).isEqualTo(yaml);
    }

    @Test
    void aLiteralThatOnlyLooksLikeAPlaceholderIsASecret() {
      assertThat(mask("""
          apiVersion: 1
          datasources:
            - name: a
              secureJsonData:
                password: $ecr3t!
                token: pre-$__env{X}
                apiKey: $lowercase
          """)).isEqualTo("""
          apiVersion: 1
          datasources:
            - name: a
              secureJsonData:
                password: %1$s
                token: %1$s
                apiKey: %1$s
          """.formatted(M));
    }

    @Test
    void aPlaceholderIsOnlyPlaceholders() {
      assertThat(List.of("$__env{PW}", "${PW}", "$PW", "$__file{/run/secrets/pw}", "$__vault{kv:a/b}", "${A}$B",
          " $__env{PW} ")).allMatch(Secrets::isPlaceholder);
      assertThat(List.of("$ecr3t", "$ecr3t!", "pre-$__env{X}", "${X}suffix", "$", "", "plain"))
          .noneMatch(Secrets::isPlaceholder);
    }

    @Test
    void theFilesPolicyKnowsEverySecretNodeEvenWhereNothingIsMasked() {
      ProvisioningFile file = read("""
          apiVersion: 1
          x-shared:
            pw: &pw s3cr3t
            env: &env $__env{PW}
            note: &note hello
          datasources:
            - name: a
              secureJsonData: {basicAuthPassword: *pw, password: *env}
              jsonData: {note: *note}
          """);
      Secrets secrets = Secrets.of(file);
      io.promshift.syntax.MappingNode shared =
          (io.promshift.syntax.MappingNode) file.entry("x-shared").orElseThrow().valueNode();
      assertThat(secrets.isSecret(shared.entry("pw").value())).isTrue();
      assertThat(secrets.isSecret(shared.entry("env").value())).as("a placeholder: a secret, not masked").isTrue();
      assertThat(secrets.isSecret(shared.entry("note").value())).isFalse();
      assertThat(secrets.maskedText()).contains("pw: &pw " + M + "\n", "env: &env $__env{PW}\n", "note: &note hello\n");
    }

    @Test
    void aCommentedOutCredentialIsMasked() {
      assertThat(mask("""
          apiVersion: 1
          # basicAuthPassword: old-s3cr3t
          datasources:
            - name: a  # was https://admin:adm1n@prom:9090/
              #  password: "another one"
              # note: kept as it is
          """)).isEqualTo("""
          apiVersion: 1
          # basicAuthPassword: %1$s
          datasources:
            - name: a  # was https://admin:%1$s@prom:9090/
              #  password: %1$s
              # note: kept as it is
          """.formatted(M));
    }

    @Test
    void laterDocumentsGrafanaNeverReadsAreMaskedWholeLineByLine() {
      assertThat(mask("""
          apiVersion: 1
          datasources:
            - name: a
          ---
          password: |
            s3cr3t
          ...
          """)).isEqualTo("""
          apiVersion: 1
          datasources:
            - name: a
          ---
          %1$s
            %1$s
          ...
          """.formatted(M));
    }

    @Test
    void notSecretsStayReadable() {
      String yaml = """
          apiVersion: 1
          datasources:
            - name: a
              basicAuthUser: admin
              withCredentials: true
              jsonData:
                sigV4AuthType: keys
                tokenUri: https://login.example.com/oauth2/token
                passwordless: true
                keepCookies: [grafana_session]
                httpHeaderName1: X-Api-Key
                azureCredentials: {authType: clientsecret, clientId: abc, tenantId: def}
          """;
      assertThat(mask(yaml)).isEqualTo(yaml);
    }
  }

  @Nested
  class Urls {
    @Test
    void userinfoPasswordsAndCredentialQueryParametersAreMaskedTheRestStays() {
      // a parameter's value runs to & ; or a blank: outside URLs a '#' may be part of a password, so a
      // fragment right after a credential is masked with it (the URL in a flow sequence is quoted: go-yaml refuses
      // an unquoted '?' there)
      assertThat(mask("""
          apiVersion: 1
          datasources:
            - name: a
              url: https://grafana:pa55@prom.example.com:9090/path?token=t0k&step=30&api_key=k3y#access_token=fr4g
              jsonData:
                customQueryParameters: 'access_token=s3cr3t&timeout=30s'
                tokenUri: "https://u:p@login.example.com/?client_secret=c5"
                alertmanager: ["http://am.example.com/?X-Api-Key=abc"]
          """)).isEqualTo("""
          apiVersion: 1
          datasources:
            - name: a
              url: https://grafana:%1$s@prom.example.com:9090/path?token=%1$s&step=30&api_key=%1$s
              jsonData:
                customQueryParameters: 'access_token=%1$s&timeout=30s'
                tokenUri: "https://u:%1$s@login.example.com/?client_secret=%1$s"
                alertmanager: ["http://am.example.com/?X-Api-Key=%1$s"]
          """.formatted(M));
    }

    @Test
    void credentialsInAnyTextAreMaskedTheSameWay() {
      assertThat(Secrets.maskCredentials("postgres://app:pa@ss@db:5432/x?sslmode=require&password=p2"))
          .isEqualTo("postgres://app:" + M + "@db:5432/x?sslmode=require&password=" + M);
      assertThat(Secrets.maskCredentials("Server=db;User Id=app;Password=pa55;Timeout=30"))
          .isEqualTo("Server=db;User Id=app;Password=" + M + ";Timeout=30");
      assertThat(Secrets.maskCredentials("https://h/?token=$__env{TOKEN}")).isEqualTo("https://h/?token=$__env{TOKEN}");
      assertThat(Secrets.maskCredentials("https://app:${PW}@h/")).isEqualTo("https://app:${PW}@h/");
    }

    @Test
    void aTokenUsedAsTheUserNameAndAPasswordHoldingASlashAreMasked() {
      String yaml = """
          apiVersion: 1
          datasources:
            - name: a
              url: https://ghp_LEAK17abc@git.example.com/repo
              jsonData:
                mirror: https://u:LEAK10a/b@host.example.com/x
                auth: Basic LEAK8
                encryptionKey: LEAK9
          """;
      assertThat(mask(yaml)).doesNotContain("LEAK").contains("https://••••••@git.example.com/repo")
          .contains("https://u:••••••@host.example.com/x");
    }

    @Test
    void aUrlWithoutCredentialsIsUntouched() {
      String yaml = """
          apiVersion: 1
          datasources:
            - name: a
              url: https://user@prom.example.com:9090/api?query=up&tokenUri=x
          """;
      assertThat(mask(yaml)).isEqualTo(yaml);
    }
  }

  @Nested
  class Lines {
    @Test
    void aMaskedBlockScalarKeepsEveryLineAndItsHeader() {
      assertThat(mask("""
          apiVersion: 1
          datasources:
            - name: a
              secureJsonData:
                tlsClientKey: |+
                  line1

                    indented line2
                password: >-
                  folded
                  text
              jsonData: {}
          """)).isEqualTo("""
          apiVersion: 1
          datasources:
            - name: a
              secureJsonData:
                tlsClientKey: |+
                  %1$s

                    %1$s
                password: >-
                  %1$s
                  %1$s
              jsonData: {}
          """.formatted(M));
    }

    @Test
    void multiLineQuotedAndPlainScalarsKeepTheirLines() {
      assertThat(mask("""
          apiVersion: 1
          datasources:
            - name: a
              secureJsonData:
                password: "first
                  second"
                token: plain
                  continued
              jsonData: {}
          """)).isEqualTo("""
          apiVersion: 1
          datasources:
            - name: a
              secureJsonData:
                password: "%1$s
                  %1$s"
                token: %1$s
                  %1$s
              jsonData: {}
          """.formatted(M));
    }

    @TestFactory
    Stream<DynamicTest> maskingKeepsEveryLineOfEverySampleAndCorpusFile() {
      return Corpus.samplesAndProvisioningCorpus().stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
        ProvisioningFile file;
        try {
          file = PROMSHIFT.read(path);
        } catch (SourceException e) {
          return; // not readable: nothing is shown but the refusal
        }
        String text = file.document().source().text();
        for (Span span : Secrets.spans(file)) {
          assertThat(text.substring(span.start(), span.end())).doesNotContain("\n", "\r");
        }
        assertThat(lineBreaks(Secrets.mask(file))).isEqualTo(lineBreaks(text));
      }));
    }

    private static List<String> lineBreaks(String text) {
      List<String> breaks = new ArrayList<>();
      Matcher m = Pattern.compile("\r\n|\r|\n").matcher(text);
      while (m.find()) {
        breaks.add(m.group());
      }
      return breaks;
    }

    @Test
    void crlfLineBreaksAreKept() {
      String yaml = "apiVersion: 1\r\ndatasources:\r\n  - name: a\r\n    secureJsonData:\r\n      password: |\r\n"
          + "        one\r\n        two\r\n    jsonData: {}\r\n";
      assertThat(mask(yaml)).isEqualTo("apiVersion: 1\r\ndatasources:\r\n  - name: a\r\n    secureJsonData:\r\n"
          + "      password: |\r\n        " + M + "\r\n        " + M + "\r\n    jsonData: {}\r\n");
    }
  }

  @Nested
  class Messages {
    @Test
    void anExpandedValueIsQuotedOnlyAsThePlaceholderWrittenInTheFile() {
      String said = said(validate(Map.of("AUTHTYPE", "bogus-zz9"), """
          apiVersion: 1
          datasources:
            - name: a
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
                sigV4AuthType: $AUTHTYPE
          """));
      assertThat(said).contains("schema: ").contains("\"$AUTHTYPE\"").doesNotContain("zz9");
    }

    @Test
    void noFindingQuotesAValueFromTheEnvironment() {
      Map<String, String> env = Map.of(
          "URL", "http://aps-workspaces.zz9-north-1.amazonaws.com/workspaces/ws-1/api/v1",
          "PROXY", "http://zz9-proxy:8005/", "AUTHTYPE", "ec2_iam_role", "REGION", "9999", "ORG", "9999",
          "VERSION", "9999", "TYPE", "grafana-amazonprometheus-datasource", "ACCESS", "zz9-access",
          "UID", "zz9 uid!", "NAME", "zz9-name");
      String said = said(validate(env, """
          apiVersion: 1
          datasources:
            - name: $NAME
              uid: $UID
              orgId: $ORG
              type: $TYPE
              url: $URL
              access: $ACCESS
              jsonData:
                sigV4Auth: true
                sigV4Region: $REGION
                sigV4AuthType: $AUTHTYPE
                prometheus-type-migration: true
            - name: $NAME
              orgId: $ORG
              version: $VERSION
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
            - name: b
              type: grafana-amazonprometheus-datasource
              url: $PROXY
          """));
      assertThat(said).contains("amp-url-not-https", "sigv4-auth-type-provider", "duplicate-name",
          "fixed-version-migrated", "migrated", "amp-unsigned", "schema");
      for (String value : List.of("zz9", "9999", "sigV4AuthType ec2_iam_role", "add ec2_iam_role",
          "to grafana-amazonprometheus-datasource;")) {
        assertThat(said).as(value).doesNotContain(value);
      }
    }

    @Test
    void aSecretIsNeverQuotedEvenWhenWrittenAroundAPlaceholder() {
      String said = said(validate(Map.of(), """
          datasources:
            - name: a
              type: prometheus
              secure_json_data:
                password: hunter2-$__env{PW}
                basicAuthPassword: {nested: hunter3}
          """));
      assertThat(said).contains("placeholder-not-expanded").doesNotContain("hunter");
    }
  }

  @Nested
  class Redact {
    @Test
    void showsAWholePlaceholderAndAtMostFourCharactersOfAnythingElse() {
      assertThat(Secrets.redact("$__env{PW}")).isEqualTo("$__env{PW}");
      assertThat(Secrets.redact("${A}$__file{/b}")).isEqualTo("${A}$__file{/b}");
      assertThat(Secrets.redact("$ecr3t-password")).isEqualTo("$ec" + M);
      assertThat(Secrets.redact("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA" + M);
      assertThat(Secrets.redact("short")).isEqualTo("s" + M);
      assertThat(Secrets.redact("")).isEqualTo("(empty)");
    }
  }
}
