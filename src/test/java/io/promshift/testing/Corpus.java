package io.promshift.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promshift.io.FileSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared corpus beside the project ({@code ../shared/corpus}) and the bundled samples. Tests that use
 * the corpus skip cleanly when it is absent.
 */
public final class Corpus {
  private Corpus() {}

  public static Path shared() {
    return Path.of(System.getProperty("promshift.shared", "../shared"));
  }

  /** A corpus folder's YAML files; skips the calling test when the folder is absent. */
  public static List<Path> files(String folder) {
    Path dir = shared().resolve("corpus").resolve(folder);
    assumeTrue(Files.isDirectory(dir), "shared corpus not present: " + dir);
    return FileSet.of(dir).files();
  }

  /**
   * The provisioning files every property test runs over: the samples, then the real, synthetic and derived
   * corpus folders that are present.
   */
  public static List<Path> samplesAndProvisioningCorpus() {
    List<Path> files = new java.util.ArrayList<>(samples());
    for (String folder : List.of("real", "synthetic", "derived")) {
      Path dir = shared().resolve("corpus").resolve(folder);
      if (Files.isDirectory(dir)) {
        files.addAll(FileSet.of(dir).files());
      }
    }
    return files;
  }

  /** Every YAML file under the project's samples/ folder. */
  public static List<Path> samples() {
    return FileSet.of(Path.of("samples")).files();
  }
}
