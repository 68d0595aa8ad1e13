package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.config.ProjectConfig;
import io.promshift.config.ProjectConfigReader;
import io.promshift.rules.Code;
import io.promshift.rules.RulePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/configuration.md cannot go stale: its rule table is generated from {@link Code} (run with
 * {@code -Dpromshift.writeDocs=true} to write it), and its full example is a configuration file that reads.
 */
class ConfigurationDocTest {
  private static final Path DOC = Path.of("docs/configuration.md");
  private static final String BEGIN = "<!-- rules:begin (generated from rules/Code.java by ConfigurationDocTest) -->\n";
  private static final String END = "<!-- rules:end -->\n";

  /** Every code with its default severity, where it is reported, and its title. */
  static String table() {
    StringBuilder out = new StringBuilder("| Rule | Default | Reported by | What it says |\n|---|---|---|---|\n");
    for (Code code : Code.values()) {
      String where = switch (code.origin()) {
        case RULE -> "validate";
        case MIGRATION -> "migrate, status (not changed by rules)";
        case FILE -> "every command (not changed by rules)";
      };
      String level = code.severity().label() + (RulePolicy.REFUSALS.contains(code) ? " (cannot be lowered)" : "");
      out.append("| `").append(code.id()).append("` | ").append(level).append(" | ").append(where).append(" | ")
          .append(code.title().replace("|", "\\|")).append(" |\n");
    }
    return out.toString();
  }

  @Test
  void theRuleTableIsTheOneCodeDescribes() throws IOException {
    String doc = Files.readString(DOC);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("the generated section's markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String expected = doc.substring(0, begin + BEGIN.length()) + table() + doc.substring(end);
    if (Boolean.getBoolean("promshift.writeDocs")) {
      Files.writeString(DOC, expected);
      return;
    }
    assertThat(doc).as("docs/configuration.md's rule table (rerun with -Dpromshift.writeDocs=true)")
        .isEqualTo(expected);
  }

  @Test
  void theFullExampleIsAConfigurationThatReads(@TempDir Path dir) throws IOException {
    Matcher example = Pattern.compile("(?s)<!-- example -->\\n```yaml\\n(.*?)```").matcher(Files.readString(DOC));
    assertThat(example.find()).as("the full example").isTrue();
    Files.copy(Path.of("samples/grafana.ini"), dir.resolve("grafana.ini"));
    Path file = dir.resolve(ProjectConfig.FILE_NAME);
    Files.writeString(file, example.group(1));
    ProjectConfig config = ProjectConfigReader.read(file);
    assertThat(config.rules().isDefault()).isFalse();
    assertThat(config.grafanaIni()).isNotNull();
  }
}
