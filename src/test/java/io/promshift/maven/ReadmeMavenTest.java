package io.promshift.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven snippets are copied from integration tests that run: each {@code xml} block of the "Maven"
 * section must be a {@code <plugin>} element of a {@code src/it} POM (indentation aside, the invoker's
 * {@code @project.version@} read as this build's version).
 */
class ReadmeMavenTest {
  private static final Pattern XML_BLOCK = Pattern.compile("(?s)```xml\\n(.*?)```");
  private static final Pattern PLUGIN = Pattern.compile("(?ms)^( *)<plugin>\\n.*?^\\1</plugin>\\n");

  @Test
  void everyMavenSnippetIsAPluginOfAnIntegrationTest() throws IOException {
    String version = System.getProperty("promshift.version");
    assertThat(version).as("the build passes its version to the tests").isNotBlank();
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Maven\n");
    assertThat(start).as("README has a Maven section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);

    List<String> plugins = new ArrayList<>();
    try (Stream<Path> poms = Files.walk(Path.of("src/it"))) {
      for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
        Matcher plugin = PLUGIN.matcher(Files.readString(pom, StandardCharsets.UTF_8));
        while (plugin.find()) {
          plugins.add(dedent(plugin.group(), plugin.group(1).length()).replace("@project.version@", version));
        }
      }
    }

    Matcher block = XML_BLOCK.matcher(section);
    int snippets = 0;
    while (block.find()) {
      snippets++;
      assertThat(plugins).as("the README snippet\n%s\nis a <plugin> of a src/it POM", block.group(1))
          .contains(block.group(1));
    }
    assertThat(snippets).as("xml snippets in the Maven section").isGreaterThanOrEqualTo(2);
    for (String goal : List.of("promshift:validate", "promshift:check", "promshift:apply")) {
      assertThat(section).contains("`" + goal + "`");
    }
  }

  private static String dedent(String text, int indent) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line)
          .append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
