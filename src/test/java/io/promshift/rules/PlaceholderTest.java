package io.promshift.rules;

import static io.promshift.rules.Validation.all;
import static io.promshift.rules.Validation.at;
import static io.promshift.rules.Validation.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placeholders: accepted where Grafana expands them; with an environment, expanded and then judged. */
class PlaceholderTest {
  private static final String AMP = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: prometheus
          url: https://aps-workspaces.${REGION}.amazonaws.com/workspaces/${WS}/
          isDefault: ${DEFAULT}
          jsonData:
            sigV4Auth: "$SIGV4"
            sigV4Region: $__env{REGION}
            sigV4AuthType: ${AUTH_TYPE}
            seriesLimit: ${LIMIT}
            timeInterval: ${SECONDS}s
          secureJsonData:
            sigV4AccessKey: $KEY
      """;

  private static List<Diagnostic> expanded(Map<String, String> env, String yaml) {
    return findings(ValidationOptions.builder().environment(env).build(), yaml);
  }

  @Test
  void acceptedWhereGrafanaExpandsThemAndTheDecidingValuesSaySo() {
    assertThat(all(findings(AMP))).as("no schema error for a placeholder where a region, auth type or number belongs")
        .containsExactly("6:16 info placeholder-unchecked", "8:18 info placeholder-unchecked");
  }

  @Test
  void expandedFromAnEnvironmentThenJudged() {
    Map<String, String> good = Map.of("REGION", "eu-west-1", "WS", "ws-1", "DEFAULT", "true", "SIGV4", "true",
        "AUTH_TYPE", "default", "LIMIT", "100", "SECONDS", "15", "KEY", "AKIA-FROM-ENV");
    assertThat(all(expanded(good, AMP))).as("sigV4Auth from a variable becomes the boolean true; 100 a number")
        .containsExactly("4:11 info migration-pending");

    Map<String, String> bad = Map.of("WS", "ws-1", "DEFAULT", "yes", "SIGV4", "true", "AUTH_TYPE", "arn",
        "LIMIT", "many", "SECONDS", "15");
    assertThat(all(expanded(bad, AMP))).containsExactly(
        "4:11 info migration-pending",
        "6:16 error bool-not-parsebool",
        "9:20 error sigv4-region-missing",
        "10:22 error schema",
        "11:20 error schema");
    assertThat(expanded(bad, AMP).get(1).message()).contains("\"${DEFAULT}\" expands to text that is not a word").doesNotContain("yes");
  }

  @Test
  void aYaml11WordFromAVariableStaysAString() {
    assertThat(at("sigv4-auth-not-boolean", expanded(Map.of("SIGV4", "yes"), """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: $SIGV4
        """))).containsExactly("5:18 warning");
  }

  @Test
  void textAroundAVariableStaysText() {
    assertThat(all(expanded(Map.of("N", "15"), """
        apiVersion: 1
        datasources:
          - name: P
            type: prometheus
            jsonData:
              timeInterval: ${N}s
              queryTimeout: $N
        """))).as("15s stays a string; a bare $N becomes the number 15, which timeInterval-like fields refuse")
        .containsExactly("7:21 error schema");
  }

  @Test
  void versionZeroFilesAreNeverExpanded() {
    assertThat(all(expanded(Map.of("URL", "http://prometheus:9090"), """
        datasources:
          - name: A
            url: $URL
        """))).containsExactly("3:10 warning placeholder-not-expanded");
  }

  @Test
  void filesAreReadBelowTheFileRoot(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/region"), "us-east-1\n");
    ValidationOptions options = ValidationOptions.builder().environment(Map.of()).fileRoot(root).build();
    String yaml = """
        apiVersion: 1
        datasources:
          - name: A
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
            jsonData:
              sigV4Auth: true
              sigV4Region: $__file{/etc/region}
            secureJsonData:
              sigV4SessionToken: $__file{/etc/token}
        """;
    assertThat(all(findings(options, yaml))).containsExactly("7:20 error amp-url-region-mismatch",
        "9:26 error expansion-failed");
  }

  @Test
  void vaultIsLeftToGrafanaEnterprise() {
    assertThat(all(expanded(Map.of(), """
        apiVersion: 1
        datasources:
          - name: A
            jsonData:
              sigV4Auth: $__vault{aws:sigv4}
        """))).containsExactly("5:18 info placeholder-unchecked");
  }
}
