package io.promshift.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import org.junit.jupiter.api.Test;

/** Escapes of double-quoted scalars as go-yaml's scanner reads them, where SnakeYAML Engine reads more. */
class GoYamlEscapesTest {
  private final YamlReader reader = new YamlReader();

  @Test
  void anEscapedSlashIsRefusedAsGrafanaRefusesIt() {
    SourceText source = SourceText.of("ds.yaml", "datasources:\n  - url: \"https:\\/\\/h\"\n");
    assertThatThrownBy(() -> reader.read(source)).isInstanceOfSatisfying(SourceException.class, e -> {
      assertThat(e.kind()).isEqualTo(SourceException.Kind.SYNTAX);
      assertThat(e.position()).hasToString("2:17");
      assertThat(e.problem()).contains("unknown escape character '/'");
    });
  }

  @Test
  void aSlashAfterAnEscapedBackslashOrOutsideDoubleQuotesIsText() {
    assertThat(reader.read(SourceText.of("a.yaml", "a: \"x\\\\/y\"\nb: 'x\\/y'\nc: x\\/y\n")).root()).isNotNull();
  }
}
