package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The README's pre-commit configuration and GitHub Actions workflow: they parse, name the hooks that
 * {@code .pre-commit-hooks.yaml} offers, and every promshift command in the workflow is one the CLI runs (on
 * {@code samples/provisioning} in place of the user's {@code provisioning/}).
 */
class ReadmeIntegrationExamplesTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private static List<JsonNode> yamlBlocksOfTheCiSection() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("\n## pre-commit and GitHub Actions\n");
    assertThat(start).as("README has the pre-commit and GitHub Actions section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL)
        .matcher(readme.substring(start, end < 0 ? readme.length() : end));
    List<JsonNode> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(YAML.readTree(block.group(1)));
    }
    assertThat(blocks).hasSize(2);
    return blocks;
  }

  @Test
  void thePreCommitConfigurationUsesTheHooksTheManifestOffers() throws IOException {
    JsonNode config = yamlBlocksOfTheCiSection().get(0);
    List<String> offered = new ArrayList<>();
    YAML.readTree(Path.of(".pre-commit-hooks.yaml").toFile()).forEach(hook -> offered.add(hook.path("id").asString()));
    List<String> used = new ArrayList<>();
    config.path("repos").get(0).path("hooks").forEach(hook -> used.add(hook.path("id").asString()));
    assertThat(used).containsExactlyInAnyOrderElementsOf(offered);
    for (JsonNode hook : config.path("repos").get(0).path("hooks")) {
      assertThat(Pattern.compile(hook.path("files").asString()).matcher("provisioning/datasources/amp.yaml").find())
          .isTrue();
    }
  }

  @Test
  void theWorkflowUploadsSarifAndGatesOnFixAndMigrateCheckWithCommandsTheCliRuns() throws IOException {
    JsonNode workflow = yamlBlocksOfTheCiSection().get(1);
    assertThat(workflow.path("permissions").path("security-events").asString()).isEqualTo("write");
    List<String> uses = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    for (JsonNode step : workflow.path("jobs").path("promshift").path("steps")) {
      uses.add(step.path("uses").asString());
      step.path("run").asString().lines().filter(line -> line.startsWith("promshift ")).forEach(commands::add);
    }
    assertThat(uses).anyMatch(use -> use.startsWith("github/codeql-action/upload-sarif@"));
    assertThat(commands).containsExactly("promshift validate --format sarif provisioning/ > promshift.sarif",
        "promshift fix --check provisioning/", "promshift migrate --check provisioning/");
    for (String command : commands) {
      String[] words = command.replaceFirst(" > .*", "").replace("provisioning/", "samples/provisioning")
          .substring("promshift ".length()).split(" ");
      Cli.Run run = Cli.run(words);
      assertThat(run.code()).as(command + ": " + run.err()).isLessThan(2);
      if (command.contains("sarif")) {
        assertThat(YAML.readTree(run.out()).path("version").asString()).as("SARIF on stdout").isEqualTo("2.1.0");
      }
    }
  }
}
