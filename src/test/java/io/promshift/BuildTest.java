package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** yaml-traps 10: Maven 3.8.7's default plugins are ancient, so every plugin the pom names is pinned. */
class BuildTest {

  @Test
  void everyPluginThePomNamesHasAVersionOrIsManaged() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    String managed = pom.substring(pom.indexOf("<pluginManagement>"), pom.indexOf("</pluginManagement>"));
    Matcher plugin = Pattern.compile("<plugin>(.*?)</plugin>", Pattern.DOTALL).matcher(pom);
    int count = 0;
    while (plugin.find()) {
      String body = plugin.group(1);
      Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(body);
      assertThat(artifact.find()).isTrue();
      String id = artifact.group(1);
      boolean pinnedHere = Pattern.compile("^\\s*<groupId>[^<]*</groupId>\\s*<artifactId>" + Pattern.quote(id)
          + "</artifactId>\\s*<version>", Pattern.DOTALL).matcher(body).find()
          || body.matches("(?s)\\s*(<groupId>[^<]*</groupId>)?\\s*<artifactId>" + Pattern.quote(id) + "</artifactId>\\s*<version>.*");
      boolean managedHere = Pattern.compile("<artifactId>" + Pattern.quote(id) + "</artifactId>\\s*<version>")
          .matcher(managed).find();
      assertThat(pinnedHere || managedHere)
          .as("plugin %s is pinned", id).isTrue();
      count++;
    }
    assertThat(count).isGreaterThan(5);
    assertThat(pom).contains("<maven.compiler.release>17</maven.compiler.release>");
  }
}
