package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code validate --show}: what is printed, apart from what fails ({@code --fail-on}). People's formats (text, github)
 * show warnings and errors by default, tools' formats (json, sarif) everything; a failing finding is always shown.
 */
class ShowOptionTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** One info (migration-pending, 7:11) and one error (sigv4-region-missing, 13:20). */
  private static final String FILE = "samples/invalid/empty-region.yaml";

  @Test
  void textHidesInfosByDefaultAndCountsThem() {
    Cli.Run run = Cli.run("validate", FILE);
    assertThat(run.out()).doesNotContain("migration-pending").contains("error [sigv4-region-missing]")
        .endsWith("1 error, 0 warnings, 1 info in 1 file; 1 info finding not shown (--show info)\n");
  }

  @Test
  void githubHidesInfosByDefault() {
    Cli.Run run = Cli.run("validate", "--format", "github", FILE);
    assertThat(run.out().lines()).singleElement().asString().startsWith("::error ");
  }

  @Test
  void jsonAndSarifShowEverythingByDefault() {
    JsonNode json = JSON.readTree(Cli.run("validate", "--format", "json", FILE).out());
    assertThat(json.get("findings")).hasSize(2);
    assertThat(json.at("/summary/notShown").asInt()).isZero();
    JsonNode sarif = JSON.readTree(Cli.run("validate", "--format", "sarif", FILE).out());
    assertThat(sarif.at("/runs/0/results")).hasSize(2);
  }

  @Test
  void anExplicitShowAppliesToEveryFormat() {
    assertThat(Cli.run("validate", "--show", "info", FILE).out()).contains("info [migration-pending]")
        .endsWith("1 error, 0 warnings, 1 info in 1 file\n");
    JsonNode json = JSON.readTree(Cli.run("validate", "--format", "json", "--show", "error", FILE).out());
    assertThat(json.get("findings")).singleElement()
        .satisfies(f -> assertThat(f.get("rule").asString()).isEqualTo("sigv4-region-missing"));
    assertThat(json.at("/summary/notShown").asInt()).isEqualTo(1);
    JsonNode sarif = JSON.readTree(Cli.run("validate", "--format", "sarif", "--show", "warning", FILE).out());
    assertThat(sarif.at("/runs/0/results")).hasSize(1);
  }

  @Test
  void aFindingThatFailsTheRunIsShownWhateverShowSays() {
    Cli.Run run = Cli.run("validate", "--show", "error", "--fail-on", "info", FILE);
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("info [migration-pending]").endsWith("1 error, 0 warnings, 1 info in 1 file\n");
  }

  @Test
  void warningsAndInfosNotShownAreCountedWithTheOptionThatShowsThemAll() {
    Cli.Run run = Cli.run("validate", "--show", "error", "samples/provisioning/datasources/70-staging-org2.yaml");
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo(
        "0 errors, 1 warning, 1 info in 1 file; 1 warning and 1 info findings not shown (--show info); 1 fixable"
            + " (promshift fix)\n");
  }

  @Test
  void anyCaseIsAcceptedAndAnUnknownValueListsTheValues() {
    assertThat(Cli.run("validate", "--show", "INFO", FILE).out()).contains("info [migration-pending]");
    Cli.Run wrong = Cli.run("validate", "--show", "all", FILE);
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("--show: unknown value 'all'; use error, warning or info");
  }

  @Test
  void quietStillMeansErrorsOnly() {
    Cli.Run run = Cli.run("validate", "--quiet", "--show", "info", FILE);
    assertThat(run.out()).doesNotContain("migration-pending").contains("error [sigv4-region-missing]")
        .doesNotContain("in 1 file");
  }
}
