package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code validate} with {@code # promshift-disable-line} and {@code # promshift-disable-next-line} comments: what they
 * cover never fails the run, and every format but GitHub's still says what was suppressed and where.
 */
class SuppressionCliTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dir;

  private Path plain;
  private Path configMap;

  @BeforeEach
  void files() throws IOException {
    // samples/invalid/empty-region.yaml with its error suppressed on line 13, and one misspelt rule id
    String sample = Files.readString(Path.of("samples/invalid/empty-region.yaml"));
    plain = Trees.write(dir.resolve("plain.yaml"), sample.replace("sigV4Region: \"\"     # filled in",
        "sigV4Region: \"\"     # promshift-disable-line sigv4-region-missing, literl-aws-key -- filled in"));
    configMap = Trees.write(dir.resolve("cm.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |
            apiVersion: 1
            datasources:
              - name: AMP
                type: prometheus
                # promshift-disable-next-line sigv4-region-missing -- the region comes from the pod's env
                jsonData:
                  sigV4Auth: true
                  sigV4AuthType: default
        """);
  }

  @Test
  void aSuppressedErrorDoesNotFailTheRunAndTheSummaryCountsIt() {
    Cli.Run run = Cli.run("validate", plain.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).doesNotContain("sigv4-region-missing")
        .endsWith("0 errors, 1 warning, 1 info in 1 file (1 suppressed); 1 info finding not shown (--show info)\n");
  }

  @Test
  void anUnknownRuleIdIsAWarningAtItsPlace() {
    Cli.Run run = Cli.run("validate", plain.toString());
    assertThat(run.out()).contains(plain + ":13:74: warning [suppression-unknown-rule] no rule is called"
        + " \"literl-aws-key\": promshift-disable-line suppresses nothing under this name\n"
        + "  fix: write literal-aws-key (the rule id is misspelt)\n");
    assertThat(Cli.run("validate", "--fail-on", "warning", plain.toString()).code()).isEqualTo(1);
  }

  @Test
  void aDirectiveInsideAConfigMapsBlockScalarSuppressesTheEmbeddedFinding() {
    Cli.Run run = Cli.run("validate", configMap.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).endsWith("(1 suppressed); 1 info finding not shown (--show info)\n");
  }

  @Test
  void jsonListsTheSuppressedFindingsBesideTheOthers() {
    JsonNode json = JSON.readTree(Cli.run("validate", "--format", "json", plain.toString(), configMap.toString())
        .out());
    assertThat(json.at("/summary/suppressed").asInt()).isEqualTo(2);
    assertThat(json.at("/summary/notShown").asInt()).isZero();
    assertThat(json.get("findings")).extracting(f -> f.get("rule").asString())
        .doesNotContain("sigv4-region-missing");
    assertThat(json.at("/suppressed/0/file").asString()).as("in the run's file order").isEqualTo(plain.toString());
    assertThat(json.at("/suppressed/0/suppression/line").asInt()).isEqualTo(13);
    JsonNode embedded = json.at("/suppressed/1");
    assertThat(embedded.get("file").asString()).isEqualTo(configMap.toString());
    assertThat(embedded.get("rule").asString()).isEqualTo("sigv4-region-missing");
    assertThat(embedded.get("line").asInt()).isEqualTo(12);
    assertThat(embedded.at("/suppression/line").asInt()).isEqualTo(11);
    assertThat(embedded.at("/suppression/column").asInt()).isEqualTo(9);
    assertThat(embedded.at("/suppression/justification").asString()).isEqualTo("the region comes from the pod's env");
  }

  @Test
  void sarifKeepsASuppressedFindingAsAResultWithAnInSourceSuppression() {
    JsonNode sarif = JSON.readTree(Cli.run("validate", "--format", "sarif", plain.toString()).out());
    JsonNode suppressed = null;
    int open = 0;
    for (JsonNode result : sarif.at("/runs/0/results")) {
      if (result.has("suppressions")) {
        suppressed = result;
      } else {
        open++;
      }
    }
    assertThat(open).as("migration-pending and the unknown rule").isEqualTo(2);
    assertThat(suppressed).isNotNull();
    assertThat(suppressed.get("ruleId").asString()).isEqualTo("sigv4-region-missing");
    assertThat(suppressed.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(13);
    assertThat(suppressed.at("/suppressions/0/kind").asString()).isEqualTo("inSource");
    assertThat(suppressed.at("/suppressions/0/justification").asString())
        .isEqualTo("filled in by a sed in the deploy script that no longer runs");
    JsonNode at = suppressed.at("/suppressions/0/location/physicalLocation");
    assertThat(at.at("/artifactLocation/uri").asString()).endsWith("plain.yaml");
    assertThat(at.at("/region/startLine").asInt()).isEqualTo(13);
    assertThat(at.at("/region/startColumn").asInt()).isEqualTo(27);
  }

  @Test
  void githubLeavesSuppressedFindingsOut() {
    Cli.Run run = Cli.run("validate", "--format", "github", "--show", "info", plain.toString());
    assertThat(run.out()).doesNotContain("sigv4-region-missing").contains("title=suppression-unknown-rule");
  }

  @Test
  void aFileThatCannotBeReadIsNotJudgedByItsComments() throws IOException {
    Path broken = Trees.write(dir.resolve("broken.yaml"), """
        apiVersion: 1
        datasources: [ # promshift-disable-line
          - name: a
        """);
    Cli.Run run = Cli.run("validate", broken.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains("error [yaml-syntax]").doesNotContain("suppressed");
  }
}
