package io.promshift.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.Promshift;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.ValidationOptions;
import io.promshift.rules.Validator;
import io.promshift.text.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Findings about secrets, in every report format, never show more than the first 4 characters of one. */
class SecretsNeverShownTest {
  private static final List<String> SECRETS = List.of(
      "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "SUPERSECRET-HEADER",
      "hunter2hunter2", "s3cr3t-client-value", "ENVSECRET123", "IQoJb3JpZ2luX2VjEXAMPLE", "pl41n-p4ssw0rd");

  private static final String FILE = """
      apiVersion: 1
      datasources:
        - name: Leaky
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          password: hunter2hunter2
          jsonData:
            sigV4Auth: true
            sigV4Region: eu-west-1
            sigV4AuthType: keys
            sigV4SecretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            basicAuthPassword: pl41n-p4ssw0rd
            azureCredentials:
              authType: clientsecret
              clientSecret: s3cr3t-client-value
          secureJsonData:
            sigV4AccessKey: AKIAIOSFODNN7EXAMPLE
            sigV4SessionToken: IQoJb3JpZ2luX2VjEXAMPLE
            httpHeaderValue1: {nested: SUPERSECRET-HEADER}
            sigV4SecretKey: [wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY]
            basicAuthPassword: ${ENV_SECRET}
        - name: Leaky too
          isDefault: ${ENV_SECRET}
          secureJsonData:
            sigV4SecretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
      """;

  @Test
  void noReportFormatShowsASecret() throws Exception {
    Promshift promshift = Promshift.create();
    List<Diagnostic> findings = new ArrayList<>();
    findings.addAll(Validator.create().validate(promshift.read("leaky.yaml", FILE)));
    findings.addAll(Validator.create(ValidationOptions.builder().environment(Map.of("ENV_SECRET", "ENVSECRET123")).build())
        .validate(promshift.read("leaky.yaml", FILE)));
    try {
      promshift.read("dup.yaml", "apiVersion: 1\ndatasources:\n  - name: a\n    secureJsonData:\n"
          + "      token: SUPERSECRET-HEADER\n      token: hunter2hunter2\n");
    } catch (SourceException e) {
      findings.add(Validator.of(e));
    }
    assertThat(findings).extracting(Diagnostic::rule).contains("literal-aws-key", "secret-in-json-data", "misplaced-key",
        "schema", "duplicate-key");
    for (FindingsReport.Format format : FindingsReport.Format.values()) {
      StringBuilder out = new StringBuilder();
      FindingsReport.of(format).write(findings, 2, out);
      for (String secret : SECRETS) {
        assertThat(out.toString()).as("%s report", format).doesNotContain(secret).doesNotContain(secret.substring(0, 5));
      }
    }
  }
}
