package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The library jar names its module, so that embedders on the module path get a stable name. */
class AutomaticModuleNameIT {
  @Test
  void theLibraryJarNamesItsModule() throws Exception {
    Path jar = Path.of("target/promshift-" + System.getProperty("promshift.version", "0.1.0-SNAPSHOT") + ".jar");
    assumeTrue(Files.isRegularFile(jar), "built by mvn package: " + jar);
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("io.promshift");
    }
  }
}
