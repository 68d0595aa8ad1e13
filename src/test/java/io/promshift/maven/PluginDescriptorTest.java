package io.promshift.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The descriptor maven-plugin-plugin generates from the annotations: the goals, their phases, properties. */
class PluginDescriptorTest {
  private static Document descriptor;
  private static final Map<String, Element> MOJOS = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    Path file = Path.of("target/classes/META-INF/maven/plugin.xml");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    descriptor = factory.newDocumentBuilder().parse(file.toFile());
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      MOJOS.put(text(mojo, "goal"), mojo);
    }
  }

  @Test
  void thePluginDeclaresItsPrefixAndTheOldestMavenItRunsOn() {
    Element plugin = descriptor.getDocumentElement();
    assertThat(text(plugin, "goalPrefix")).isEqualTo("promshift");
    assertThat(text(plugin, "requiredMavenVersion")).isEqualTo("3.6.3");
    assertThat(text(plugin, "requiredJavaVersion")).isEqualTo("17");
  }

  @Test
  void threadSafeGoalsValidateAndCheckAtVerifyApplyAndFixUnboundAndHelp() {
    assertThat(MOJOS).containsOnlyKeys("validate", "check", "apply", "fix", "help");
    for (Element mojo : MOJOS.values()) {
      assertThat(text(mojo, "threadSafe")).isEqualTo("true");
    }
    assertThat(text(MOJOS.get("validate"), "phase")).isEqualTo("verify");
    assertThat(text(MOJOS.get("check"), "phase")).isEqualTo("verify");
    assertThat(text(MOJOS.get("apply"), "phase")).isNull();
    assertThat(text(MOJOS.get("fix"), "phase")).as("fix rewrites the sources: run on purpose, as apply").isNull();
    // mvn promshift:help runs anywhere, as every plugin's help goal does
    assertThat(text(MOJOS.get("help"), "phase")).isNull();
    assertThat(text(MOJOS.get("help"), "requiresProject")).isEqualTo("false");
    assertThat(configuration("help")).containsOnlyKeys("detail", "goal", "indentSize", "lineLength");
  }

  @Test
  void eachGoalHasItsOwnSkipBesidesTheSkipOfAll() {
    for (String goal : List.of("validate", "check", "apply", "fix")) {
      assertThat(configuration(goal)).as(goal).containsEntry("skip", "${promshift.skip}")
          .containsValue("${promshift." + goal + ".skip}");
    }
    assertThat(configuration("validate")).containsEntry("skipValidate", "${promshift.validate.skip}")
        .doesNotContainKeys("skipCheck", "skipApply");
    assertThat(configuration("check")).containsEntry("skipCheck", "${promshift.check.skip}")
        .containsEntry("patchFile", "${promshift.patchFile}");
    assertThat(configuration("apply")).containsEntry("skipApply", "${promshift.apply.skip}")
        .doesNotContainKey("patchFile");
    assertThat(configuration("fix")).containsEntry("skipFix", "${promshift.fix.skip}")
        .containsEntry("patchFile", "${promshift.patchFile}").containsEntry("fixRules", "${promshift.fixRules}")
        .containsEntry("rewriteBase64", "${promshift.rewriteBase64}")
        .doesNotContainKeys("to", "keepMarker", "skipApply", "skipCheck");
  }

  @Test
  void theUserPropertiesMavenUsersExpect() {
    assertThat(configuration("apply")).containsEntry("to", "${promshift.to}").containsEntry("skip", "${promshift.skip}")
        .containsEntry("keepMarker", "${promshift.keepMarker}").containsEntry("directories", "${promshift.directories}")
        .containsEntry("failOnError", "${promshift.failOnError}");
    for (String goal : List.of("validate", "check", "apply", "fix")) {
      assertThat(configuration(goal)).as(goal).containsEntry("embedded", "${promshift.embedded}")
          .containsEntry("units", "${promshift.units}");
    }
    assertThat(configuration("validate")).containsEntry("failOn", "${promshift.failOn}")
        .containsEntry("show", "${promshift.show}")
        .containsEntry("envFile", "${promshift.envFile}").containsEntry("reports", "${promshift.reports}")
        .doesNotContainKey("to");
  }

  private static Map<String, String> configuration(String goal) {
    Map<String, String> properties = new HashMap<>();
    NodeList configuration = ((Element) MOJOS.get(goal).getElementsByTagName("configuration").item(0)).getChildNodes();
    for (int i = 0; i < configuration.getLength(); i++) {
      if (configuration.item(i) instanceof Element) {
        Element parameter = (Element) configuration.item(i);
        properties.put(parameter.getTagName(), parameter.getTextContent().trim());
      }
    }
    return properties;
  }

  /** The text of the direct child element {@code name}, or null. */
  private static String text(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element && ((Element) children.item(i)).getTagName().equals(name)) {
        return children.item(i).getTextContent().trim();
      }
    }
    return null;
  }
}
