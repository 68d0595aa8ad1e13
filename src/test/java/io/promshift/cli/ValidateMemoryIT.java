package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} keeps the models of a window of directories at a time, not of the whole run (issue 16): 20,000
 * files in 200 directories validate in one JVM under a heap that every file's model held at once does not fit in
 * (the run before needed more than 384 MB for 100,000 such files; docs/performance.md has the numbers). Runs the
 * built jar as a process in the integration-test phase; skipped when the jar is absent.
 */
class ValidateMemoryIT {
  private static final int FILES = 20_000;
  private static final int PER_DIRECTORY = 100;

  @Test
  void twentyThousandFilesInManyDirectoriesValidateUnderA48MegabyteHeap(@TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("promshift.cli.jar", "target/promshift-cli.jar"));
    assumeTrue(Files.isRegularFile(jar), "no " + jar + ": run mvn verify (or package) first");
    Path tree = dir.resolve("tree");
    for (int i = 0; i < FILES; i++) {
      Path folder = tree.resolve(String.format("d%03d", i / PER_DIRECTORY));
      if (i % PER_DIRECTORY == 0) {
        Files.createDirectories(folder);
      }
      Files.writeString(folder.resolve(String.format("ds%05d.yaml", i)), "apiVersion: 1\ndatasources:\n"
          + "  - name: prom-" + i + "\n    uid: prom-" + i + "\n    type: prometheus\n    access: proxy\n"
          + "    url: http://prometheus-" + i + ":9090\n    jsonData:\n      httpMethod: POST\n");
    }
    Path out = dir.resolve("out.json");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx48m", "-jar", jar.toString(), "validate", "--format", "json", tree.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();

    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("finished in time").isTrue();
    assertThat(process.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.readString(out)).contains("\"validated\": " + FILES);
  }
}
