package io.promshift.io;

import io.promshift.text.FileSnapshot;
import io.promshift.text.SourceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rewrites every regular file of a folder as {@code migrate --write} does (read, then replace), and says
 * what happened to each: run in a child JVM, as another user or under another locale. The folder's path
 * is ASCII; the names in it need not be, so they come from the listing, never from a string.
 *
 * <p>Arguments: the folder, the new content.
 */
public final class ReplaceProbe {
  private ReplaceProbe() {}

  public static void main(String[] args) throws IOException {
    System.out.println("encoding: " + System.getProperty("sun.jnu.encoding"));
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of(args[0]))) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    AtomicWriter writer = new AtomicWriter();
    boolean allWritten = true;
    for (Path file : files) {
      String outcome;
      try {
        FileSnapshot read = SourceFiles.limitedTo(1 << 20).read(file);
        outcome = writer.replace(read, args[1].getBytes(StandardCharsets.UTF_8)).toString().toLowerCase();
      } catch (AtomicWriter.RefusedException e) {
        outcome = "refused: " + e.getMessage();
      } catch (IOException | RuntimeException e) {
        outcome = "failed: " + e;
      }
      allWritten &= outcome.equals("written");
      System.out.println(file + ": " + outcome);
    }
    System.exit(allWritten ? 0 : 1);
  }
}
