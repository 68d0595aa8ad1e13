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

/**
 * The {@code <plugin>} elements of the {@code src/it} POMs, as documentation may show them (indentation aside, the
 * invoker's {@code @project.version@} read as this build's version), and the {@code xml} blocks of a Markdown text:
 * what the README and docs/maven.md snippets are checked against.
 */
final class ItPluginSnippets {
  private static final Pattern XML_BLOCK = Pattern.compile("(?s)```xml\\n(.*?)```");
  private static final Pattern PLUGIN = Pattern.compile("(?ms)^( *)<plugin>\\n.*?^\\1</plugin>\\n");

  private ItPluginSnippets() {}

  /** Every {@code <plugin>} element of every {@code src/it} POM. */
  static List<String> plugins() throws IOException {
    String version = System.getProperty("promshift.version");
    assertThat(version).as("the build passes its version to the tests").isNotBlank();
    List<String> plugins = new ArrayList<>();
    try (Stream<Path> poms = Files.walk(Path.of("src/it"))) {
      for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
        Matcher plugin = PLUGIN.matcher(Files.readString(pom, StandardCharsets.UTF_8));
        while (plugin.find()) {
          plugins.add(dedent(plugin.group(), plugin.group(1).length()).replace("@project.version@", version));
        }
      }
    }
    return plugins;
  }

  /** The content of every {@code ```xml} block of a Markdown text. */
  static List<String> xmlBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher block = XML_BLOCK.matcher(markdown);
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
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
