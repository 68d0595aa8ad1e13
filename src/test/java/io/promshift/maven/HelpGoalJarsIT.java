package io.promshift.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The generated help goal ships in the plugin (the library jar) and, like the other goals, stays out of the CLI jar,
 * which bundles no Maven API for it to run on (the shade filter excludes io/promshift/maven and the descriptors).
 */
class HelpGoalJarsIT {
  private static final String HELP_XML = "META-INF/maven/io.promshift/promshift/plugin-help.xml";

  @Test
  void thePluginJarHasTheHelpGoalAndItsDescriptorTheCliJarNeither() throws Exception {
    Path plugin = Path.of("target/promshift-" + System.getProperty("promshift.version", "0.1.0-SNAPSHOT") + ".jar");
    Path cli = Path.of(System.getProperty("promshift.cli.jar", "target/promshift-cli.jar"));
    assumeTrue(Files.isRegularFile(plugin) && Files.isRegularFile(cli), "built by mvn package");
    try (JarFile jar = new JarFile(plugin.toFile())) {
      assertThat(jar.getEntry("io/promshift/maven/HelpMojo.class")).isNotNull();
      assertThat(jar.getEntry(HELP_XML)).isNotNull();
    }
    try (JarFile jar = new JarFile(cli.toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();
      assertThat(names).contains("io/promshift/cli/PromshiftCli.class")
          .noneMatch(name -> name.startsWith("io/promshift/maven/"))
          .doesNotContain("META-INF/maven/plugin.xml", HELP_XML);
    }
  }
}
