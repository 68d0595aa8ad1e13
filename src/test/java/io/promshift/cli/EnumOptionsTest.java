package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every option that takes one of a few words takes it in any case, and a wrong word is told the right ones. */
class EnumOptionsTest {
  @TempDir
  static Path dir;

  private static String file() throws Exception {
    Path file = dir.resolve("ds.yaml");
    Files.writeString(file, "apiVersion: 1\ndatasources:\n  - name: Logs\n    type: loki\n");
    return file.toString();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "validate, --format, JSON",
      "validate, --format, Sarif",
      "validate, --fail-on, WARNING",
      "validate, --embedded, OFF",
      "migrate, --to, Amazon",
      "migrate, --format, JSON",
      "status, --format, Json",
      "inspect, --format, YAML"})
  void anyCaseIsAccepted(String command, String option, String word) throws Exception {
    Cli.Run run = Cli.run(command, option, word, file());

    assertThat(run.code()).as(run.toString()).isZero();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "validate | --format   | text, json, sarif or github",
      "validate | --fail-on  | error, warning or info",
      "validate | --embedded | auto or off",
      "migrate  | --to       | plugins, amazon, azure, prometheus",
      "migrate  | --format   | text, json or sarif",
      "status   | --format   | text or json",
      "inspect  | --format   | yaml or json"})
  void aWrongWordIsToldTheValues(String command, String option, String values) throws Exception {
    Cli.Run run = Cli.run(command, option, "xml", file());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("'xml'").contains(values);
  }
}
