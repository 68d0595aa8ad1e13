package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data source's name is text a person wrote, and may hold a credential: every output masks it, as validate does. */
class CredentialsInNamesTest {
  @Test
  void credentialsInANameAreMaskedInEveryOutput(@TempDir Path dir) {
    Trees.write(dir.resolve("s.yaml"), "apiVersion: 1\ndatasources:\n  - name: \"n?token=LEAK1\"\n    type: prometheus\n"
        + "    version: 3\n    jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}\n"
        + "  - name: \"https://bob:LEAK2@example.com\"\n    type: prometheus\n    version: 3\n"
        + "    jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}\n");
    for (List<String> args : List.of(List.of("status"), List.of("status", "--format", "json"), List.of("migrate"),
        List.of("migrate", "--check"), List.of("migrate", "--format", "json"), List.of("migrate", "--format", "sarif"),
        List.of("validate"), List.of("validate", "--format", "json"))) {
      String[] command = new java.util.ArrayList<String>(args) {{ add(dir.toString()); }}.toArray(String[]::new);
      Cli.Run run = Cli.run(command);
      assertThat(run.out() + run.err()).as(String.join(" ", args)).doesNotContain("LEAK");
    }
  }
}
