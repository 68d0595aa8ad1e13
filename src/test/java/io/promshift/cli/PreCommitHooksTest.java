package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository's {@code .pre-commit-hooks.yaml}: what makes it a pre-commit hook repository. Its hooks have the
 * keys pre-commit requires, run the commands they say on the files they should, and each entry is a command line
 * this CLI accepts, given the file names pre-commit appends.
 */
class PreCommitHooksTest {
  private static final Path MANIFEST = Path.of(".pre-commit-hooks.yaml");

  private static JsonNode manifest() {
    return YAMLMapper.builder().build().readTree(MANIFEST.toFile());
  }

  private static JsonNode hook(String id) {
    for (JsonNode hook : manifest()) {
      if (hook.path("id").asString().equals(id)) {
        return hook;
      }
    }
    throw new AssertionError("no hook " + id + " in " + MANIFEST);
  }

  @Test
  void theManifestIsAListOfTheValidateFixAndMigrateCheckHooksWithTheKeysPreCommitRequires() {
    JsonNode hooks = manifest();
    assertThat(hooks.isArray()).isTrue();
    List<String> ids = new ArrayList<>();
    for (JsonNode hook : hooks) {
      ids.add(hook.path("id").asString());
      for (String key : List.of("id", "name", "entry", "language")) {
        assertThat(hook.path(key).isString()).as(hook.path("id") + ": " + key).isTrue();
      }
      assertThat(hook.path("language").asString()).as("promshift from PATH (README, Install)").isEqualTo("system");
      assertThat(hook.path("pass_filenames").asBoolean(true)).as("the changed files are the PATHs").isTrue();
      assertThat(hook.path("require_serial").asBoolean(false)).as("one JVM, not one per batch of files").isTrue();
    }
    assertThat(ids).containsExactly("promshift-validate", "promshift-fix", "promshift-migrate-check");
    assertThat(hook("promshift-validate").path("entry").asString()).isEqualTo("promshift validate");
    assertThat(hook("promshift-fix").path("entry").asString()).as("a fixer: pre-commit fails on the files it changes")
        .isEqualTo("promshift fix --write");
    assertThat(hook("promshift-migrate-check").path("entry").asString()).isEqualTo("promshift migrate --check");
  }

  @Test
  void theHooksRunOnYamlFilesOnly() {
    for (JsonNode hook : manifest()) {
      // pre-commit matches with Python's re.search: Java's find
      Pattern files = Pattern.compile(hook.path("files").asString());
      for (String yaml : List.of("provisioning/datasources/amp.yaml", "values.yml", "a.b.yaml")) {
        assertThat(files.matcher(yaml).find()).as(hook.path("id") + " runs on " + yaml).isTrue();
      }
      for (String other : List.of("README.md", "schema.json", "datasources.yaml.bak", "Makefile")) {
        assertThat(files.matcher(other).find()).as(hook.path("id") + " leaves out " + other).isFalse();
      }
    }
  }

  @Test
  void eachEntryWithTheChangedFilesAppendedIsACommandLineTheCliRuns(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    // copies: the fix hook writes
    String needsMigration = java.nio.file.Files.copy(Path.of("samples/provisioning/datasources/10-amp-eu-west-1.yaml"),
        dir.resolve("10-amp-eu-west-1.yaml")).toString();
    String notADataSourceFile = java.nio.file.Files.copy(Path.of("samples/provisioning/dashboards/dashboards.yaml"),
        dir.resolve("dashboards.yaml")).toString();
    for (JsonNode hook : manifest()) {
      List<String> words = new ArrayList<>(Arrays.asList(hook.path("entry").asString().split(" ")));
      assertThat(words.remove(0)).isEqualTo("promshift");
      words.addAll(List.of(needsMigration, notADataSourceFile));
      Cli.Run run = Cli.run(words.toArray(String[]::new));
      assertThat(run.code()).as(words + " ran: " + run.err()).isLessThan(2);
    }
    String[] check = {"migrate", "--check", needsMigration};
    assertThat(Cli.run(check).code()).as("a pending migration fails the migrate --check hook").isEqualTo(1);
  }
}
