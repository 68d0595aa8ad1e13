package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.Promshift;
import io.promshift.io.EnvFile;
import io.promshift.io.FileSet;
import io.promshift.model.ProvisioningFile;
import io.promshift.text.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled samples: each file under samples/invalid gives exactly the findings listed in
 * samples/invalid/EXPECTED.txt, and the provisioning repo under samples/provisioning has no error.
 */
class SamplesValidationTest {
  private static final Path INVALID = Path.of("samples", "invalid");
  private static final Path VALID = Path.of("samples", "provisioning");
  private final Promshift promshift = Promshift.create();

  @Test
  void eachInvalidSampleGivesExactlyTheFindingsListedNextToIt() throws IOException {
    List<String> expected = Files.readAllLines(INVALID.resolve("EXPECTED.txt")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    List<String> actual = new ArrayList<>();
    Validator validator = Validator.create();
    for (Path file : FileSet.of(INVALID).files()) {
      List<Diagnostic> findings;
      try {
        findings = validator.validate(promshift.read(file));
      } catch (SourceException e) {
        findings = List.of(Validator.of(e));
      }
      assertThat(findings).as("%s has findings", file).isNotEmpty();
      for (Diagnostic f : findings) {
        actual.add(INVALID.relativize(Path.of(f.file())) + ":" + f.position() + " " + f.severity().label() + " " + f.rule());
      }
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void theProvisioningRepoHasNoErrorWhenItsFilesAreValidatedTogether() {
    List<Diagnostic> findings = Validator.create().validateAll(read(VALID));
    assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    assertThat(findings).extracting(Diagnostic::rule).as("the README's warnings").contains(
        "sigv4-auth-not-boolean", "fixed-version-migrated", "sigv4-auth-type-provider", "migration-pending", "migrated",
        "placeholder-unchecked");
  }

  @Test
  void withTheExampleEnvironmentThePlaceholdersAreJudged() throws IOException {
    Map<String, String> env = EnvFile.read(Path.of("samples", "grafana.env.example"));
    List<Diagnostic> findings = Validator.create(ValidationOptions.builder().environment(env).build())
        .validateAll(read(VALID));
    assertThat(findings).filteredOn(f -> f.rule().equals("placeholder-unchecked")).isEmpty();
    assertThat(findings).filteredOn(f -> f.file().endsWith("70-staging-org2.yaml"))
        .extracting(f -> f.position() + " " + f.rule())
        .as("AMP_SANDBOX_SIGV4=true makes sigV4Auth the boolean true: Grafana will migrate it")
        .contains("53:11 migration-pending");
    assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR)
        .extracting(f -> Path.of(f.file()).getFileName() + ":" + f.position() + " " + f.rule())
        .as("the example leaves the secrets empty: an empty sigV4AccessKey cannot sign")
        .containsExactly("11-amp-data-team.yaml:30:29 schema");
  }

  private List<ProvisioningFile> read(Path root) {
    List<ProvisioningFile> files = new ArrayList<>();
    for (Path file : FileSet.of(root).files()) {
      files.add(promshift.read(file));
    }
    return files;
  }
}
