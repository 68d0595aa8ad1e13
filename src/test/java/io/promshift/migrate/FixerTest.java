package io.promshift.migrate;

import static io.promshift.migrate.FixHarness.FIXER;
import static io.promshift.migrate.FixHarness.SOURCES;
import static io.promshift.migrate.FixHarness.changes;
import static io.promshift.migrate.FixHarness.fixes;
import static io.promshift.migrate.FixHarness.unchanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.RulePolicy;
import io.promshift.rules.ValidationOptions;
import io.promshift.rules.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code promshift fix}, one before/after per fix (issue 17): each through {@link FixHarness}, which also checks that
 * nothing is refused, that fixing twice is fixing once, and that the fixed findings are gone when the result is
 * validated again. Then what is never fixed, shared anchors, suppression, rule selection, embedded units, a fix that
 * takes two passes, and a file's BOM and line endings.
 */
class FixerTest {

  // ---- booleans --------------------------------------------------------------------------------------------------

  @Test
  void sigV4AuthWrittenAsAYaml11WordBecomesTheBooleanItMeant() {
    MigrationResult result = fixes("""
        apiVersion: 1
        datasources:
          - name: amp   # the workspace
            type: prometheus
            jsonData:
              sigV4Auth: yes    # signs since 9.3
              sigV4Region: eu-west-1
        """, """
        apiVersion: 1
        datasources:
          - name: amp   # the workspace
            type: prometheus
            jsonData:
              sigV4Auth: true    # signs since 9.3
              sigV4Region: eu-west-1
        """);
    assertThat(result.fixes()).singleElement().satisfies(fix -> {
      assertThat(fix.rule()).isEqualTo(Code.SIGV4_AUTH_NOT_BOOLEAN);
      assertThat(fix.pointer()).isEqualTo("/datasources/0/jsonData/sigV4Auth");
      assertThat(fix.position()).hasToString("6:18");
      assertThat(fix.change()).isEqualTo("sigV4Auth: yes → true");
    });
  }

  @Test
  void aQuotedBooleanBecomesPlainInEachOfGoYamlsSpellings() {
    MigrationResult result = fixes("""
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: "true", sigV4Region: eu-west-1}}
          - {name: b, type: prometheus, jsonData: {sigV4Auth: 'TRUE', sigV4Region: eu-west-1}}
          - {name: c, type: prometheus, jsonData: {sigV4Auth: "False"}}
        """, """
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}}
          - {name: b, type: prometheus, jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}}
          - {name: c, type: prometheus, jsonData: {sigV4Auth: false}}
        """);
    assertThat(changes(result)).containsExactly(
        "sigV4Auth: \"true\" → true", "sigV4Auth: 'TRUE' → true", "sigV4Auth: \"False\" → false");
  }

  @Test
  void aJsonDataThatIsAnAliasOfAMapOutsideTheUnitBecomesAMapOfItsOwnWithTheFixedEntry() {
    // Helm's templates read the rest of the values: the anchored map stays, each use gets <<: and the fixed entry
    MigrationResult result = fixes("""
        x-common: &common
          sigV4Auth: "true"
          sigV4Region: us-east-1
        grafana:
          datasources:
            datasources.yaml:
              apiVersion: 1
              datasources:
                - name: block
                  type: prometheus
                  url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/
                  jsonData: *common   # shared defaults
                - {name: flow, type: prometheus, url: "https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-2/", jsonData: *common}
        """, """
        x-common: &common
          sigV4Auth: "true"
          sigV4Region: us-east-1
        grafana:
          datasources:
            datasources.yaml:
              apiVersion: 1
              datasources:
                - name: block
                  type: prometheus
                  url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/
                  jsonData:   # shared defaults
                    <<: *common
                    sigV4Auth: true
                - {name: flow, type: prometheus, url: "https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-2/", jsonData: {<<: *common, sigV4Auth: true}}
        """);
    assertThat(result.fixes()).as("each fix is where its use is, the alias, not the anchored value both share")
        .extracting(fix -> fix.position().toString()).containsExactly("12:21", "13:124");
  }

  @Test
  void aQuotedBooleanGrafanaReadsFromJsonDataOfAnyTypeBecomesTheBoolean() {
    MigrationResult result = fixes("""
        apiVersion: 1
        datasources:
          - name: loki
            type: loki
            jsonData:
              tlsSkipVerify: "true"   # self-signed
              tlsAuth: 'false'
              tlsAuthWithCACert: "FALSE"
              enableSecureSocksProxy: "True"
              derivedFields: "true"
        """, """
        apiVersion: 1
        datasources:
          - name: loki
            type: loki
            jsonData:
              tlsSkipVerify: true   # self-signed
              tlsAuth: false
              tlsAuthWithCACert: false
              enableSecureSocksProxy: true
              derivedFields: "true"
        """);
    assertThat(result.fixes()).extracting(Fix::rule).containsOnly(Code.JSON_DATA_BOOLEAN_TEXT);
  }

  @Test
  void everyJsonDataBooleanAPluginReadsWrittenAsAWordOrAQuotedBoolean() {
    fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              manageAlerts: off
              forwardGrafanaUserHeader: 'y'
              disableRecordingRules: "True"
              tlsSkipVerify: ON
              oauthPassThru: n
              incrementalQuerying: "yes"
              allowAsRecordingRulesTarget: 'no'
              prometheus-type-migration: "false"
              somethingElse: yes
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              manageAlerts: false
              forwardGrafanaUserHeader: true
              disableRecordingRules: true
              tlsSkipVerify: true
              oauthPassThru: false
              incrementalQuerying: true
              allowAsRecordingRulesTarget: false
              prometheus-type-migration: false
              somethingElse: yes
        """);
  }

  @Test
  void aKeyNoPluginReadsAsABooleanKeepsItsWordAndItsFinding() {
    // a YAML 1.1 word under an unknown key may be text the plugin wants: the finding stays, with its hint
    unchanged("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              somethingElse: yes
        """, Code.YAML11_BOOL, "/datasources/0/jsonData/somethingElse");
  }

  @Test
  void v1FieldsThatGosParseBoolRefusesBecomeBooleans() {
    fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            isDefault: yes
            basicAuth: "false"
            withCredentials: on
            editable: No
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            isDefault: true
            basicAuth: "false"
            withCredentials: true
            editable: false
        """);
  }

  @Test
  void v0TypedBoolsWrittenAsYaml11WordsBecomeBooleans() {
    MigrationResult result = fixes("""
        datasources:
          - name: a
            type: prometheus
            is_default: yes
            basic_auth: off
            json_data:
              sigV4Auth: yes
              sigV4Region: us-east-1
        """, """
        datasources:
          - name: a
            type: prometheus
            is_default: true
            basic_auth: false
            json_data:
              sigV4Auth: true
              sigV4Region: us-east-1
        """);
    assertThat(result.fixes()).extracting(Fix::rule)
        .containsExactly(Code.YAML11_BOOL, Code.YAML11_BOOL, Code.SIGV4_AUTH_NOT_BOOLEAN);
  }

  @Test
  void pruneWrittenAsAYaml11WordBecomesABoolean() {
    fixes("""
        apiVersion: 1
        prune: on
        datasources:
          - {name: a, type: prometheus}
        """, """
        apiVersion: 1
        prune: true
        datasources:
          - {name: a, type: prometheus}
        """);
  }

  // ---- SigV4 keys ------------------------------------------------------------------------------------------------

  @Test
  void unprefixedSigV4KeysGetThePrefixTheSignerReads() {
    MigrationResult result = fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: true
              defaultRegion: eu-west-1   # from the AMP docs
              assumeRoleArn: arn:aws:iam::123456789012:role/reader
              externalId: ext
              profile: prod
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1   # from the AMP docs
              sigV4AssumeRoleArn: arn:aws:iam::123456789012:role/reader
              sigV4ExternalId: ext
              sigV4Profile: prod
        """);
    assertThat(changes(result)).containsExactly("defaultRegion → sigV4Region", "assumeRoleArn → sigV4AssumeRoleArn",
        "externalId → sigV4ExternalId", "profile → sigV4Profile");
  }

  @Test
  void aSigV4KeyInTheWrongCaseGetsTheCaseTheSignerReads() {
    fixes("""
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: true, sigv4region: eu-west-1, SIGV4PROFILE: prod}}
        """, """
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, sigV4Profile: prod}}
        """);
  }

  @Test
  void authTypeIsRenamedWithCloudWatchsWordsMappedToTheSignersTypes() {
    MigrationResult result = fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, authType: arn}
          - name: b
            type: prometheus
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, authType: "sharedCreds"}
          - name: c
            type: prometheus
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, authType: ec2_iam_role}
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, sigV4AuthType: default}
          - name: b
            type: prometheus
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, sigV4AuthType: "credentials"}
          - name: c
            type: prometheus
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, sigV4AuthType: ec2_iam_role}
        """);
    assertThat(changes(result)).containsExactly("authType: arn → sigV4AuthType: default",
        "authType: \"sharedCreds\" → sigV4AuthType: \"credentials\"", "authType → sigV4AuthType");
  }

  @Test
  void anAuthTypeThatIsNoSignerTypeStays() {
    unchanged("""
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, authType: bearer}}
        """, Code.SIGV4_IGNORED_KEY, "/datasources/0/jsonData/authType");
  }

  @Test
  void anUnprefixedKeyBesideThePrefixedOneStays() {
    unchanged("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              assumeRoleArn: arn:aws:iam::123456789012:role/a
              sigV4AssumeRoleArn: arn:aws:iam::123456789012:role/b
        """, Code.SIGV4_IGNORED_KEY, "/datasources/0/jsonData/assumeRoleArn");
  }

  @Test
  void secureJsonDataKeysAreNeverRenamed() {
    unchanged("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, sigV4AuthType: keys}
            secureJsonData:
              accessKey: $AWS_ACCESS_KEY_ID
              secretKey: $AWS_SECRET_ACCESS_KEY
        """, Code.SIGV4_IGNORED_KEY, "/datasources/0/secureJsonData/accessKey");
  }

  // ---- other values ----------------------------------------------------------------------------------------------

  @Test
  void aQuotedApiVersionBecomesTheInteger() {
    fixes("""
        apiVersion: "1"   # Grafana refuses the string
        datasources:
          - {name: a, type: prometheus}
        """, """
        apiVersion: 1   # Grafana refuses the string
        datasources:
          - {name: a, type: prometheus}
        """);
  }

  @Test
  void httpMethodIsWrittenAsThePluginReadsItInItsOwnStyle() {
    MigrationResult result = fixes("""
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {httpMethod: post}}
          - {name: b, type: prometheus, jsonData: {httpMethod: "get"}}
          - {name: c, type: prometheus, jsonData: {httpMethod: 'Post'}}
        """, """
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {httpMethod: POST}}
          - {name: b, type: prometheus, jsonData: {httpMethod: "GET"}}
          - {name: c, type: prometheus, jsonData: {httpMethod: 'POST'}}
        """);
    assertThat(result.fixes()).extracting(Fix::rule).containsOnly(Code.HTTP_METHOD_SPELLING);
    assertThat(changes(result)).as("the change says what the file holds now, quotes and all")
        .containsExactly("httpMethod: post → POST", "httpMethod: \"get\" → \"GET\"", "httpMethod: 'Post' → 'POST'");
  }

  @Test
  void aUrlEndingInApiV1LosesThatSegmentOnPrometheusAndAmpSources() {
    fixes("""
        apiVersion: 1
        datasources:
          - name: amp
            type: prometheus
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}
          - name: local
            type: prometheus
            url: "http://prometheus:9090/api/v1/"
          - name: plugin
            type: grafana-amazonprometheus-datasource
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-2/api/v1
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}
        """, """
        apiVersion: 1
        datasources:
          - name: amp
            type: prometheus
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}
          - name: local
            type: prometheus
            url: "http://prometheus:9090/"
          - name: plugin
            type: grafana-amazonprometheus-datasource
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-2
            jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}
        """);
  }

  @Test
  void typedPrometheusStringsBecomeTheTypeTheSchemaWantsWhenTheTextIsExact() {
    MigrationResult result = fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              seriesLimit: "100"
              manageAlerts: "true"
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              seriesLimit: 100
              manageAlerts: true
        """);
    assertThat(result.fixes()).extracting(Fix::rule).containsOnly(Code.SCHEMA);
  }

  // ---- never fixed -----------------------------------------------------------------------------------------------

  @Test
  void aNumberOfSecondsIsNotADurationTheFixerGuesses() {
    unchanged("""
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {timeInterval: 15}}
        """, Code.SCHEMA, "/datasources/0/jsonData/timeInterval");
  }

  @Test
  void wordsThatAreNotGoYamlOrYaml11BooleansStay() {
    String text = """
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: 1, manageAlerts: t}}
          - {name: b, type: prometheus, jsonData: {sigV4Auth: enabled}}
        """;
    unchanged(text, Code.SIGV4_AUTH_NOT_BOOLEAN, "/datasources/0/jsonData/sigV4Auth");
    unchanged(text, Code.SCHEMA, "/datasources/0/jsonData/manageAlerts");
    unchanged(text, Code.SIGV4_AUTH_NOT_BOOLEAN, "/datasources/1/jsonData/sigV4Auth");
  }

  @Test
  void placeholdersAreNeverTouched() {
    unchanged("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            isDefault: $DEFAULT
            url: ${PROM_URL}/api/v1
            jsonData:
              sigV4Auth: "${SIGV4}"
              httpMethod: $__env{METHOD}
              seriesLimit: "${LIMIT}"
        """, Code.PLACEHOLDER_UNCHECKED, "/datasources/0/jsonData/sigV4Auth");
  }

  @Test
  void aValueExpandedFromTheEnvironmentIsNotRewritten() {
    Validator withEnv = Validator.create(ValidationOptions.builder()
        .environment(Map.of("SIGV4", "yes", "METHOD", "post")).build());
    Fixer fixer = new Fixer(SOURCES, withEnv, FixOptions.DEFAULTS);
    unchanged(fixer, withEnv, """
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: "${SIGV4}", sigV4Region: eu-west-1, httpMethod: $METHOD}}
        """, Code.SIGV4_AUTH_NOT_BOOLEAN, "/datasources/0/jsonData/sigV4Auth");
  }

  @Test
  void templatesInHelmValuesAreNeverTouched() {
    MigrationResult result = unchanged("""
        datasources:
          datasources.yaml:
            apiVersion: 1
            datasources:
              - name: amp
                type: prometheus
                url: "{{ .Values.ampUrl }}/api/v1"
                jsonData:
                  sigV4Auth: '{{ .Values.sigv4 }}'
                  sigV4Region: eu-west-1
                  httpMethod: "{{ .Values.method }}"
        """, null, null);
    assertThat(FixHarness.findings(Validator.create(), result.newText()))
        .contains("TEMPLATE_BOOLEAN /datasources/0/jsonData/sigV4Auth");
  }

  @Test
  void aUrlWithAPasswordIsASecretAndStays() {
    unchanged("""
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, url: "https://reader:s3cret@prometheus.example.com/api/v1"}
        """, Code.AMP_URL_API_V1, "/datasources/0/url");
  }

  @Test
  void aTaggedScalarIsWhatItsAuthorSaidAndStaysWithANotice() {
    MigrationResult result = unchanged("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: !!str "true"
              sigV4Region: eu-west-1
              seriesLimit: !!str "100"
        """, Code.SIGV4_AUTH_NOT_BOOLEAN, "/datasources/0/jsonData/sigV4Auth");
    assertThat(result.notices()).extracting(Diagnostic::code).containsExactly(Code.UNFIXED, Code.UNFIXED);
    assertThat(result.notices()).extracting(d -> d.position().toString()).containsExactly("6:24", "8:26");
  }

  // ---- shared structure ------------------------------------------------------------------------------------------

  @Test
  void anAnchorEveryUseOfWhichWantsTheFixIsFixedInPlace() {
    MigrationResult result = fixes("""
        apiVersion: 1
        x-defaults: &aws
          sigV4Auth: "true"
          sigV4Region: us-east-1
        datasources:
          - name: a
            type: prometheus
            jsonData: *aws
          - name: b
            type: prometheus
            jsonData:
              <<: *aws
              httpMethod: POST
        """, """
        apiVersion: 1
        x-defaults: &aws
          sigV4Auth: true
          sigV4Region: us-east-1
        datasources:
          - name: a
            type: prometheus
            jsonData: *aws
          - name: b
            type: prometheus
            jsonData:
              <<: *aws
              httpMethod: POST
        """);
    assertThat(result.fixes()).extracting(Fix::pointer)
        .containsExactly("/datasources/0/jsonData/sigV4Auth", "/datasources/1/jsonData/sigV4Auth");
  }

  @Test
  void anAliasOfAnAnchorOthersUseOtherwiseIsReplacedLocallyAndTheOwnerStaysWithANotice() {
    MigrationResult result = fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: &on yes
              sigV4Region: us-east-1
              note: *on
          - name: b
            type: prometheus
            jsonData:
              sigV4Auth: *on
              sigV4Region: us-east-1
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: &on yes
              sigV4Region: us-east-1
              note: *on
          - name: b
            type: prometheus
            jsonData:
              sigV4Auth: true
              sigV4Region: us-east-1
        """);
    assertThat(result.fixes()).extracting(Fix::pointer).containsExactly("/datasources/1/jsonData/sigV4Auth");
    assertThat(result.notices()).singleElement().satisfies(notice -> {
      assertThat(notice.code()).isEqualTo(Code.UNFIXED);
      assertThat(notice.position()).hasToString("6:22");
      assertThat(notice.message()).contains("[sigv4-auth-not-boolean]").contains("shared");
    });
    assertThat(FixHarness.findings(Validator.create(), result.newText()))
        .contains("SIGV4_AUTH_NOT_BOOLEAN /datasources/0/jsonData/sigV4Auth");
  }

  @Test
  void aMergedValueOthersUseOtherwiseGetsALocalEntryInTheSourcesOwnMap() {
    // json_data is ignored in an apiVersion 1 file: its sigV4Auth is text no rule wants changed there
    fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            json_data: &aws
              sigV4Auth: "true"
              sigV4Region: us-east-1
          - name: b
            type: prometheus
            jsonData:
              <<: *aws
              httpMethod: POST
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            json_data: &aws
              sigV4Auth: "true"
              sigV4Region: us-east-1
          - name: b
            type: prometheus
            jsonData:
              <<: *aws
              httpMethod: POST
              sigV4Auth: true
        """);
  }

  @Test
  void theOwnerOfAnAnchorThatOtherUsesNeedAsItIsStaysWithANotice() {
    MigrationResult result = unchanged("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              httpMethod: &method post
          - name: b
            type: loki
            jsonData:
              httpMethod: *method
        """, Code.HTTP_METHOD_SPELLING, "/datasources/0/jsonData/httpMethod");
    assertThat(result.notices()).extracting(Diagnostic::code).containsExactly(Code.UNFIXED);
  }

  @Test
  void aLocalEntryInAFlowMapGoesAtItsEnd() {
    fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            json_data: &aws {sigV4Auth: "true", sigV4Region: us-east-1}
          - name: b
            type: prometheus
            jsonData: {<<: *aws, httpMethod: POST}
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            json_data: &aws {sigV4Auth: "true", sigV4Region: us-east-1}
          - name: b
            type: prometheus
            jsonData: {<<: *aws, httpMethod: POST, sigV4Auth: true}
        """);
  }

  @Test
  void aLocalEntryAfterAKeepChompedBlockGoesAfterTheLinesTheBlockOwns() {
    fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            json_data: &aws
              sigV4Auth: "true"
              sigV4Region: us-east-1
          - name: b
            type: prometheus
            jsonData:
              <<: *aws
              note: |+
                x

          - name: c
            type: prometheus
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            json_data: &aws
              sigV4Auth: "true"
              sigV4Region: us-east-1
          - name: b
            type: prometheus
            jsonData:
              <<: *aws
              note: |+
                x

              sigV4Auth: true
          - name: c
            type: prometheus
        """);
  }

  @Test
  void anAnchorMergedFromASequenceIsFixedInPlaceWhenItsOnlyUseWantsIt() {
    fixes("""
        apiVersion: 1
        x-a: &a {sigV4Auth: "true"}
        x-b: &b {sigV4Region: eu-west-1}
        datasources:
          - name: a
            type: prometheus
            jsonData:
              <<: [*a, *b]
        """, """
        apiVersion: 1
        x-a: &a {sigV4Auth: true}
        x-b: &b {sigV4Region: eu-west-1}
        datasources:
          - name: a
            type: prometheus
            jsonData:
              <<: [*a, *b]
        """);
  }

  @Test
  void aValueSharedWithASecretIsNeverTouched() {
    unchanged("""
        apiVersion: 1
        x-a: &a {sigV4Auth: "true"}
        datasources:
          - name: a
            type: prometheus
            jsonData:
              <<: *a
          - name: b
            type: tempo
            secureJsonData:
              <<: *a
        """, Code.SIGV4_AUTH_NOT_BOOLEAN, "/datasources/0/jsonData/sigV4Auth");
  }

  // ---- what the user asked for -----------------------------------------------------------------------------------

  @Test
  void aSuppressedFindingIsNotFixedBehindTheUsersBack() {
    fixes("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: yes # promshift-disable-line sigv4-auth-not-boolean
              sigV4Region: us-east-1
              httpMethod: post
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: yes # promshift-disable-line sigv4-auth-not-boolean
              sigV4Region: us-east-1
              httpMethod: POST
        """);
  }

  @Test
  void onlyTheRulesAskedForAreFixed() {
    Fixer onlyMethod = new Fixer(SOURCES, Validator.create(), FixOptions.DEFAULTS.withRules(
        Set.of(Code.HTTP_METHOD_SPELLING)));
    MigrationResult result = fixes(onlyMethod, Validator.create(), """
        apiVersion: "1"
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: yes, httpMethod: post}}
        """, """
        apiVersion: "1"
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: yes, httpMethod: POST}}
        """);
    assertThat(result.fixes()).extracting(Fix::rule).containsExactly(Code.HTTP_METHOD_SPELLING);
  }

  @Test
  void aRuleTurnedOffIsNotFixed() {
    RulePolicy off = new RulePolicy(Map.of(Code.SIGV4_AUTH_NOT_BOOLEAN, RulePolicy.Level.OFF));
    Fixer fixer = new Fixer(SOURCES, Validator.create(), new FixOptions(Set.of(), off, false));
    fixes(fixer, Validator.create(), """
        apiVersion: "1"
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: yes}}
        """, """
        apiVersion: 1
        datasources:
          - {name: a, type: prometheus, jsonData: {sigV4Auth: yes}}
        """);
  }

  // ---- embedded units --------------------------------------------------------------------------------------------

  @Test
  void aConfigMapsBlockStringIsFixedInsideTheString() {
    MigrationResult result = fixes("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: grafana-datasources
          labels:
            grafana_datasource: "1"
        data:
          datasources.yaml: |
            apiVersion: 1
            datasources:
              - name: amp
                type: prometheus
                url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/api/v1
                jsonData:
                  sigV4Auth: yes   # 9.3 read this as true
                  sigV4Region: us-east-1
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: grafana-datasources
          labels:
            grafana_datasource: "1"
        data:
          datasources.yaml: |
            apiVersion: 1
            datasources:
              - name: amp
                type: prometheus
                url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1
                jsonData:
                  sigV4Auth: true   # 9.3 read this as true
                  sigV4Region: us-east-1
        """);
    assertThat(result.fixes()).extracting(Fix::path).contains(
        "data[\"datasources.yaml\"] ▸ datasources[0].jsonData.sigV4Auth");
    assertThat(result.fixes()).extracting(fix -> fix.position().toString()).contains("15:22");
  }

  @Test
  void grafanaChartValuesAreFixedWhereTheyAreWritten() {
    MigrationResult result = fixes("""
        grafana:
          datasources:
            datasources.yaml:
              apiVersion: 1
              datasources:
                - name: amp
                  type: prometheus
                  url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1
                  jsonData:
                    sigV4Auth: "true"
                    sigV4Region: us-east-1
        """, """
        grafana:
          datasources:
            datasources.yaml:
              apiVersion: 1
              datasources:
                - name: amp
                  type: prometheus
                  url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1
                  jsonData:
                    sigV4Auth: true
                    sigV4Region: us-east-1
        """);
    assertThat(result.fixes()).extracting(Fix::path)
        .containsExactly("grafana.datasources[\"datasources.yaml\"].datasources[0].jsonData.sigV4Auth");
  }

  @Test
  void aGrafanaOperatorResourceIsFixed() {
    fixes("""
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          instanceSelector:
            matchLabels:
              dashboards: grafana
          datasource:
            name: amp
            type: prometheus
            access: proxy
            url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1
            jsonData:
              sigV4Auth: "true"
              sigV4Region: us-east-1
              httpMethod: post
        """, """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          instanceSelector:
            matchLabels:
              dashboards: grafana
          datasource:
            name: amp
            type: prometheus
            access: proxy
            url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1
            jsonData:
              sigV4Auth: true
              sigV4Region: us-east-1
              httpMethod: POST
        """);
  }

  @Test
  void aJsonStringInAConfigMapIsFixedInItsOwnSyntax() {
    fixes("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ds, labels: {grafana_datasource: "1"}}
        data:
          datasources.json: '{"apiVersion": 1, "datasources": [{"name": "amp", "type": "prometheus", "jsonData": \
        {"sigV4Auth": "true", "sigV4Region": "eu-west-1", "httpMethod": "post"}}]}'
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ds, labels: {grafana_datasource: "1"}}
        data:
          datasources.json: '{"apiVersion": 1, "datasources": [{"name": "amp", "type": "prometheus", "jsonData": \
        {"sigV4Auth": true, "sigV4Region": "eu-west-1", "httpMethod": "POST"}}]}'
        """);
  }

  @Test
  void aDoubleQuotedStringIsFixedWithItsEscapesKept() {
    fixes("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ds, labels: {grafana_datasource: "1"}}
        data:
          datasources.yaml: "apiVersion: 1\\ndatasources:\\n  - name: amp\\n    type: prometheus\\n    jsonData:\\n\\
              \\      sigV4Auth: yes\\n      sigV4Region: eu-west-1\\n"
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ds, labels: {grafana_datasource: "1"}}
        data:
          datasources.yaml: "apiVersion: 1\\ndatasources:\\n  - name: amp\\n    type: prometheus\\n    jsonData:\\n\\
              \\      sigV4Auth: true\\n      sigV4Region: eu-west-1\\n"
        """);
  }

  @Test
  void aKeepChompedBlockStringKeepsTheLinesItOwns() {
    fixes("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ds, labels: {grafana_datasource: "1"}}
        data:
          datasources.yaml: |+
            apiVersion: 1
            datasources:
              - name: amp
                type: prometheus
                jsonData:
                  sigV4Auth: "true"
                  sigV4Region: eu-west-1

        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ds, labels: {grafana_datasource: "1"}}
        data:
          datasources.yaml: |+
            apiVersion: 1
            datasources:
              - name: amp
                type: prometheus
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1

        """);
  }

  @Test
  void aBase64ProvisioningFileIsFixedOnlyWhenItsRewriteIsAskedFor() {
    String before = """
        apiVersion: v1
        kind: Secret
        metadata: {name: ds, labels: {grafana_datasource: "1"}}
        data:
          datasources.yaml: %s
        """;
    String plain = "apiVersion: 1\ndatasources:\n  - name: amp\n    type: prometheus\n    jsonData:\n"
        + "      sigV4Auth: \"true\"\n      sigV4Region: eu-west-1\n";
    String encoded = before.formatted(base64(plain));
    MigrationResult asked = fixes(new Fixer(SOURCES, Validator.create(), new FixOptions(Set.of(), RulePolicy.DEFAULTS,
        true)), Validator.create(), encoded, before.formatted(base64(plain.replace("\"true\"", "true"))));
    assertThat(changes(asked)).containsExactly("sigV4Auth: \"true\" → true");
    MigrationResult notAsked = unchanged(encoded, Code.SIGV4_AUTH_NOT_BOOLEAN, "/datasources/0/jsonData/sigV4Auth");
    assertThat(notAsked.notices()).singleElement().satisfies(notice -> {
      assertThat(notice.code()).isEqualTo(Code.UNFIXED);
      assertThat(notice.message()).contains("base64");
    });
  }

  private static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void kubePrometheusStacksItemsInAStringAreFixed() {
    fixes("""
        grafana:
          additionalDataSourcesString: |
            - name: amp
              type: prometheus
              jsonData:
                sigV4Auth: "true"
                sigV4Region: eu-west-1
                httpMethod: post
        """, """
        grafana:
          additionalDataSourcesString: |
            - name: amp
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
                httpMethod: POST
        """);
  }

  @Test
  void kubePrometheusStackItemsKeepAWordHelmReadsAsABoolean() {
    // Helm's YAML 1.1 reader makes yes true before Grafana sees it: another finding, not this fix's
    MigrationResult result = fixes("""
        grafana:
          additionalDataSources:
            - name: amp
              type: prometheus
              url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1
              jsonData:
                sigV4Auth: yes
                sigV4Region: us-east-1
                assumeRoleArn: arn:aws:iam::123456789012:role/x
        """, """
        grafana:
          additionalDataSources:
            - name: amp
              type: prometheus
              url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1
              jsonData:
                sigV4Auth: yes
                sigV4Region: us-east-1
                sigV4AssumeRoleArn: arn:aws:iam::123456789012:role/x
        """);
    assertThat(result.fixes()).extracting(Fix::path)
        .containsExactly("grafana.additionalDataSources[0].jsonData.assumeRoleArn");
  }

  // ---- passes and bytes ------------------------------------------------------------------------------------------

  @Test
  void aFixThatUncoversAnotherFindingIsFollowedByItsFix() {
    // the key renamed is read now, and its quoted "true" is the next finding: one run fixes both
    MigrationResult result = fixes("""
        apiVersion: 1
        datasources:
          - name: amp
            type: grafana-amazonprometheus-datasource
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
            jsonData:
              sigv4auth: "true"
              sigV4Region: eu-west-1
        """, """
        apiVersion: 1
        datasources:
          - name: amp
            type: grafana-amazonprometheus-datasource
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
        """);
    assertThat(changes(result)).containsExactly("sigv4auth → sigV4Auth", "sigV4Auth: \"true\" → true");
  }

  @Test
  void aBomAndCrlfLineEndingsAreKept() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String before = "apiVersion: 1\r\ndatasources:\r\n  - name: a\r\n    type: prometheus\r\n    jsonData:\r\n"
        + "      sigV4Auth: \"true\"\r\n      sigV4Region: us-east-1\r\n";
    String after = "apiVersion: 1\r\ndatasources:\r\n  - name: a\r\n    type: prometheus\r\n    jsonData:\r\n"
        + "      sigV4Auth: true\r\n      sigV4Region: us-east-1\r\n";
    MigrationResult result = FIXER.fix("test.yaml", concat(bom, before.getBytes(StandardCharsets.UTF_8)));
    assertThat(result.refusal()).isNull();
    assertThat(result.newBytes()).isEqualTo(concat(bom, after.getBytes(StandardCharsets.UTF_8)));
    FixHarness.assertIdempotent(FIXER, result);
    FixHarness.assertFixedFindingsGone(Validator.create(), result);
  }

  @Test
  void aLocalEntryTakesTheFilesLineEndingAndAMissingFinalNewlineStaysMissing() {
    fixes("apiVersion: 1\r\ndatasources:\r\n  - name: a\r\n    type: prometheus\r\n    json_data: &aws\r\n"
        + "      sigV4Auth: \"true\"\r\n  - name: b\r\n    type: prometheus\r\n    jsonData:\r\n      <<: *aws",
        "apiVersion: 1\r\ndatasources:\r\n  - name: a\r\n    type: prometheus\r\n    json_data: &aws\r\n"
        + "      sigV4Auth: \"true\"\r\n  - name: b\r\n    type: prometheus\r\n    jsonData:\r\n      <<: *aws\r\n"
        + "      sigV4Auth: true");
  }

  @Test
  void aFileThatDoesNotReadIsRefusedAsAMigrationRefusesIt() {
    String text = """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData: {sigV4Auth: yes
        """;
    MigrationResult fixed = FIXER.fix("test.yaml", text);
    MigrationResult migrated = MigrationHarness.FORWARD.migrate("test.yaml", text);
    assertThat(fixed.refused()).isTrue();
    assertThat(fixed.newText()).isEqualTo(text);
    assertThat(fixed.refusal().code()).isEqualTo(Code.YAML_SYNTAX).isEqualTo(migrated.refusal().code());
    assertThat(fixed.refusal().position()).isEqualTo(migrated.refusal().position());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
