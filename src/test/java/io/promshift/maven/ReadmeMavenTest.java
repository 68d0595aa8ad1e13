package io.promshift.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven snippets are copied from integration tests that run: each {@code xml} block of the "Maven"
 * section must be a {@code <plugin>} element of a {@code src/it} POM (indentation aside, the invoker's
 * {@code @project.version@} read as this build's version).
 */
class ReadmeMavenTest {
  @Test
  void everyMavenSnippetIsAPluginOfAnIntegrationTest() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Maven\n");
    assertThat(start).as("README has a Maven section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);

    List<String> plugins = ItPluginSnippets.plugins();
    List<String> snippets = ItPluginSnippets.xmlBlocks(section);
    for (String snippet : snippets) {
      assertThat(plugins).as("the README snippet\n%s\nis a <plugin> of a src/it POM", snippet).contains(snippet);
    }
    assertThat(snippets).as("xml snippets in the Maven section").hasSizeGreaterThanOrEqualTo(2);
    for (String goal : List.of("promshift:validate", "promshift:check", "promshift:apply")) {
      assertThat(section).contains("`" + goal + "`");
    }
  }
}
