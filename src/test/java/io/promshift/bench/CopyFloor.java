package io.promshift.bench;

import io.promshift.io.FileSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The disk's share of {@code .ci/bench-cli}: one JVM that finds the same files, reads each and writes it
 * unchanged under an output folder the way {@code migrate --out} must at least (a temp file, then a rename),
 * in one thread, with no YAML at all. Prints the file count and the time spent after JVM start.
 */
public final class CopyFloor {
  private CopyFloor() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path out = Path.of(args[1]);
    List<FileSet.Found> files = FileSet.of(Path.of(args[0])).found();
    for (FileSet.Found found : files) {
      byte[] content = Files.readAllBytes(found.file());
      Path target = out.resolve(found.relative());
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
      Files.write(temp, content);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.printf("%d files copied in %.3f s after JVM start%n", files.size(), (System.nanoTime() - start) / 1e9);
  }
}
