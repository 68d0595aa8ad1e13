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
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/maven.md cannot go stale: every goal of the plugin descriptor (generated from the mojos' annotations) has its
 * section, every parameter a user sets has a table row naming it, its user property and its default, and each
 * {@code <plugin>} snippet is one that an integration test runs.
 */
class DocsMavenTest {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private static String docs;
  private static List<String> rows;
  private static Document descriptor;

  @BeforeAll
  static void read() throws Exception {
    docs = Files.readString(Path.of("docs/maven.md"), StandardCharsets.UTF_8);
    rows = docs.lines().filter(line -> line.startsWith("| `")).toList();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    descriptor = factory.newDocumentBuilder().parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
  }

  @Test
  void everyParameterOfEveryGoalHasARowWithItsPropertyAndDefault() {
    List<String> checked = new ArrayList<>();
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = child(mojo, "goal").getTextContent().trim();
      assertThat(docs).as("the goals table names promshift:" + goal).contains("| `promshift:" + goal + "` |");
      NodeList parameters = child(mojo, "parameters").getElementsByTagName("parameter");
      Element configuration = child(mojo, "configuration");
      for (int j = 0; j < parameters.getLength(); j++) {
        Element parameter = (Element) parameters.item(j);
        if (!"true".equals(child(parameter, "editable").getTextContent().trim())) {
          continue; // read-only: the project's base directory, set by Maven
        }
        String name = child(parameter, "name").getTextContent().trim();
        // a map (rules) is written in the POM only: a -D text could not become one, and it has no default
        boolean map = child(parameter, "type").getTextContent().trim().equals("java.util.Map");
        Element configured = map ? null : child(configuration, name);
        Matcher property = PROPERTY.matcher(map ? "" : configured.getTextContent());
        assertThat(property.find() || map).as(goal + " " + name + " has a user property").isTrue();
        String defaultValue = map ? "" : configured.getAttribute("default-value");
        String row = rows.stream().filter(r -> r.startsWith("| `" + name + "` |")).findFirst().orElse(null);
        assertThat(row).as("docs/maven.md has a row for the parameter %s of %s", name, goal).isNotNull();
        assertThat(row).as("the row of %s names its user property", name)
            .contains(map ? "| none |" : "| `" + property.group(1) + "` |");
        if (!defaultValue.isEmpty()) {
          assertThat(row).as("the row of %s names its default", name).contains("| `" + defaultValue + "` |");
        }
        assertThat(row).as("the row of %s names the goal %s", name, goal).containsPattern("\\| [a-z, ]*\\b" + goal + "\\b");
        checked.add(goal + ":" + name);
      }
    }
    assertThat(checked).contains("validate:skipValidate", "check:patchFile", "apply:skipApply", "help:detail");
  }

  @Test
  void everyPluginSnippetIsAPluginOfAnIntegrationTest() throws IOException {
    List<String> plugins = ItPluginSnippets.plugins();
    List<String> snippets = ItPluginSnippets.xmlBlocks(docs).stream().filter(b -> b.startsWith("<plugin>")).toList();
    for (String snippet : snippets) {
      assertThat(plugins).as("the snippet\n%s\nis a <plugin> of a src/it POM", snippet).contains(snippet);
    }
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(2);
  }

  /** The direct child element {@code name}. */
  private static Element child(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    throw new AssertionError(parent.getTagName() + " has no " + name);
  }

}
