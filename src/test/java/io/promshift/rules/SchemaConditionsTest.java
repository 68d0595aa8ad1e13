package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every condition of the schema, from YAML as written to a finding at line:col with a readable message. (The
 * schema's own table of JSON instances is {@link SchemaSelfTest}.)
 */
class SchemaConditionsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void schemaFindingAtTheValue(String name, String yaml, List<String> positions, String fragment) {
    List<Diagnostic> findings = Validation.findings(yaml).stream().filter(f -> f.rule().equals("schema")).toList();
    assertThat(findings).extracting(f -> f.position().toString()).as("%s", findings).containsExactlyElementsOf(positions);
    if (fragment != null) {
      assertThat(findings).first().satisfies(f -> assertThat(f.message()).contains(fragment));
    }
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.fix()).isNotBlank();
      assertThat(f.message()).doesNotContain("$defs", "#/", "regex");
    });
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // ---- the file
        bad("apiVersion 2", "apiVersion: 2\ndatasources: []\n", "expected less than 2", "1:13"),
        ok("apiVersion 1.5 (Grafana's int64 drops the fraction)", "apiVersion: 1.5\ndatasources: []\n"),
        bad("apiVersion -1", "apiVersion: -1\ndatasources: []\n", "below the minimum 0", "1:13"),
        bad("datasources is a map", "apiVersion: 1\ndatasources:\n  name: a\n", "datasources is a map, expected a list", "3:3"),
        bad("a data source that is not a map", "apiVersion: 1\ndatasources:\n  - a\n", "expected a map", "3:5"),
        bad("prune quoted true", "apiVersion: 1\ndatasources: []\nprune: \"true\"\n", "cannot decode it into a Go bool", "3:8"),
        bad("prune 1", "apiVersion: 1\ndatasources: []\nprune: 1\n", "the number 1", "3:8"),
        bad("deleteDatasources without name", "apiVersion: 1\ndeleteDatasources:\n  - orgId: 1\n", "has no name", "3:5"),
        bad("a text field that is a map", ds("user: {a: 1}"), "user is a map", "4:11"),
        bad("a typed field that is a list", ds("orgId: [1]"), "orgId is a list", "4:12"),
        bad("jsonData is a list", ds("jsonData: [x]"), "jsonData is a list, expected a map", "4:15"),
        bad("correlations is a map", ds("correlations: {a: 1}"), "correlations is a map, expected a list", "4:19"),
        bad("secureJsonData holds a map", ds("secureJsonData:\n      headers: {X: y}"), "fatal type error", "5:16"),
        bad("secureJsonData holds a list", ds("secureJsonData:\n      keys: [a, b]"), "a list", "5:13"),
        // ---- SigV4
        bad("auth type arn", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: us-east-1\nsigV4AuthType: arn"),
            "unknown auth type: arn", "8:22"),
        bad("auth type Keys (case)", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: us-east-1\nsigV4AuthType: Keys"),
            "expected \"default\", \"keys\"", "8:22"),
        ok("auth type placeholder", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: us-east-1\nsigV4AuthType: $__vault{t}")),
        bad("region with capitals", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: EU-West-1"),
            "expected an AWS region name such as us-east-1: requests are signed", "7:20"),
        bad("an availability zone", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: us-east-1a"), "AWS region", "7:20"),
        ok("GovCloud, China and ISO regions", "apiVersion: 1\ndatasources:\n"
            + "  - {name: a, jsonData: {sigV4Auth: true, sigV4Region: us-gov-west-1}}\n"
            + "  - {name: b, jsonData: {sigV4Auth: true, sigV4Region: cn-northwest-1}}\n"
            + "  - {name: c, jsonData: {sigV4Auth: true, sigV4Region: us-isob-east-1}}\n"),
        bad("role ARN of a user", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: us-east-1\n"
            + "sigV4AssumeRoleArn: arn:aws:iam::123456789012:user/grafana"), "expected an IAM role ARN such as arn:aws:iam::123456789012:role/grafana:", "8:27"),
        ok("role ARN in GovCloud with a path", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: us-gov-west-1\n"
            + "sigV4AssumeRoleArn: arn:aws-us-gov:iam::123456789012:role/service/grafana")),
        bad("external id, profile and service must be strings", jsonData("grafana-amazonprometheus-datasource",
            "sigV4Auth: true\nsigV4Region: us-east-1\nsigV4ExternalId: 12345\nsigV4Profile: true\nsigv4Service: 1"),
            "ignores this value", "8:24", "9:21", "10:21"),
        bad("migration marker as a string", jsonData("grafana-amazonprometheus-datasource",
            "sigV4Auth: true\nsigV4Region: us-east-1\nprometheus-type-migration: \"true\""), "JSON boolean true", "8:34"),
        bad("keys without secureJsonData", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: us-east-1\nsigV4AuthType: keys"),
            "data source \"p\" has no secureJsonData", "3:5"),
        bad("keys without the secret key", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: us-east-1\nsigV4AuthType: keys")
            + "    secureJsonData:\n      sigV4AccessKey: $KEY\n", "secureJsonData has no sigV4SecretKey", "9:5"),
        bad("keys with an empty secret key", jsonData("prometheus", "sigV4Auth: true\nsigV4Region: us-east-1\nsigV4AuthType: keys")
            + "    secureJsonData:\n      sigV4AccessKey: $KEY\n      sigV4SecretKey: \"\"\n", "is empty", "11:23"),
        // ---- typed jsonData of the Prometheus plugins
        bad("httpMethod PUT", jsonData("prometheus", "httpMethod: PUT"), "GET or POST", "6:19"),
        ok("httpMethod ' get '", jsonData("prometheus", "httpMethod: ' get '")),
        bad("seriesLimit quoted", jsonData("grafana-amazonprometheus-datasource", "sigV4Auth: true\nsigV4Region: us-east-1\n"
            + "seriesLimit: \"100\""), "error unmarshalling JSONData", "8:20"),
        bad("manageAlerts quoted", jsonData("grafana-azureprometheus-datasource", "manageAlerts: \"true\""),
            "the string \"true\", expected a boolean", "6:21"),
        bad("timeInterval a number", jsonData("prometheus", "timeInterval: 15"), "the number 15, expected a string", "6:21"),
        bad("prometheusVersion unquoted", jsonData("prometheus", "prometheusVersion: 2.4"), "expected a string", "6:26"),
        bad("a threshold as text", jsonData("prometheus", "maxSamplesProcessedWarningThreshold: \"1e9\""), "a number", "6:44"),
        bad("exemplar destinations not a list", jsonData("prometheus", "exemplarTraceIdDestinations: tempo"), "a list", "6:36"),
        bad("exemplar destination name a number", jsonData("prometheus", "exemplarTraceIdDestinations:\n  - name: 1"),
            "exemplarTraceIdDestinations[0].name", "7:17"),
        ok("typed rules do not apply to other plugins", jsonData("loki", "manageAlerts: \"true\"\ntimeInterval: 15\nhttpMethod: PUT")),
        // ---- Azure
        bad("Azure authType unknown", azure("authType: managedidentity"), "Azure authentication fails", "7:19"),
        bad("Azure authType missing", azure("azureCloud: AzureCloud"), "azureCredentials has no authType", "6:7"),
        bad("azureCredentials not a map", jsonData("grafana-azureprometheus-datasource", "azureCredentials: msi"), "a map", "6:25"),
        bad("clientsecret without tenant and client", azure("authType: clientsecret\nazureCloud: AzureCloud"),
            "has no tenantId and clientId", "6:7"),
        bad("azureCloud in the wrong case", azure("authType: clientsecret\nazureCloud: azurecloud\ntenantId: t\nclientId: c"),
            "\"AzureCloud\", \"AzureChinaCloud\" or \"AzureUSGovernment\"", "8:21"),
        bad("certificate format der", azure("authType: clientcertificate\nazureCloud: AzureCloud\ntenantId: t\nclientId: c\n"
            + "certificateFormat: der") + "    secureJsonData:\n      clientCertificate: $C\n", "\"pem\" or \"pfx\"", "11:28"),
        bad("clientcertificate without format or secrets", azure("authType: clientcertificate\nazureCloud: AzureCloud\n"
            + "tenantId: t\nclientId: c"), "has no", "3:5", "6:7"),
        bad("pem certificate without its private key", azure("authType: clientcertificate\nazureCloud: AzureCloud\n"
            + "tenantId: t\nclientId: c\ncertificateFormat: pem") + "    secureJsonData:\n      clientCertificate: $C\n",
            "secureJsonData has no privateKey", "12:5"),
        bad("ad-password without user and password", azure("authType: ad-password\nclientId: c")
            + "    secureJsonData:\n      other: x\n", "has no", "6:7", "9:5"),
        bad("serviceCredentialsEnabled as text", azure("authType: currentuser\nserviceCredentialsEnabled: \"true\""),
            "expected a boolean", "8:36"),
        bad("nested serviceCredentials checked", azure("authType: currentuser\nserviceCredentialsEnabled: true\n"
            + "serviceCredentials: {authType: key}"), "azureCredentials.serviceCredentials.authType", "9:40"),
        ok("every Azure auth type", "apiVersion: 1\ndatasources:\n"
            + "  - {name: a, jsonData: {azureCredentials: {authType: msi}}}\n"
            + "  - {name: b, jsonData: {azureCredentials: {authType: workloadidentity}}}\n"
            + "  - {name: c, jsonData: {azureCredentials: {authType: clientsecret-obo, azureCloud: AzureChinaCloud,"
            + " tenantId: t, clientId: c}}}\n"
            + "  - {name: d, jsonData: {azureCredentials: {authType: '$AUTH'}}}\n"),
        // ---- version 0
        bad("version-0 typed bool quoted", "datasources:\n  - name: a\n    is_default: \"true\"\n", "Go bool", "3:17"),
        bad("version-0 org_id quoted", "datasources:\n  - name: a\n    org_id: \"1\"\n", "Go integer", "3:13"),
        bad("version-0 placeholder for a typed SigV4 value", "datasources:\n  - name: a\n    json_data:\n"
            + "      sigV4Auth: true\n      sigV4Region: ${REGION}\n", "version-0 file", "5:20"),
        bad("version-0 secure_json_data nested", "datasources:\n  - name: a\n    secure_json_data:\n      x: {y: 1}\n",
            "fatal type error", "4:10"),
        bad("version-0 keys needs both secrets", "datasources:\n  - name: a\n    json_data:\n      sigV4Auth: true\n"
            + "      sigV4Region: us-east-1\n      sigV4AuthType: keys\n", "has no secure_json_data", "2:5"),
        ok("version-0 typed bool words", "datasources:\n  - name: a\n    is_default: true\n    basic_auth: false\n    org_id: 1\n"));
  }

  private static Arguments bad(String name, String yaml, String fragment, String... positions) {
    return Arguments.of(name, yaml, Arrays.asList(positions), fragment);
  }

  private static Arguments ok(String name, String yaml) {
    return Arguments.of(name, yaml, List.of(), null);
  }

  /** One v1 data source "p" with the given fields (line 4 on). */
  private static String ds(String fields) {
    return "apiVersion: 1\ndatasources:\n  - name: p\n    " + fields + "\n";
  }

  /** One v1 data source of a type, jsonData from line 6 on, its keys at column 7. */
  private static String jsonData(String type, String lines) {
    return "apiVersion: 1\ndatasources:\n  - name: p\n    type: " + type + "\n    jsonData:\n"
        + Arrays.stream(lines.split("\n")).map(l -> "      " + l + "\n").reduce("", String::concat);
  }

  /** An Azure Prometheus data source; azureCredentials' keys from line 7 on, at column 9. */
  private static String azure(String credentials) {
    return jsonData("grafana-azureprometheus-datasource", "azureCredentials:\n"
        + Arrays.stream(credentials.split("\n")).map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
  }
}
