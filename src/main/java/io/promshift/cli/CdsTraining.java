package io.promshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the start script's class-data sharing archive (not a command: {@code bin/promshift} runs it
 * once, in a JVM started with {@code -XX:ArchiveClassesAtExit}). A dynamic CDS archive holds the classes the
 * training JVM loaded and no others, so training on the user's first command would leave every other command
 * (and every other format) as slow as without an archive: this runs each command and each report format once,
 * in process, over two small files it writes into a temp folder (one AMP data source to migrate, with anchors,
 * a merge key and comments; one with an error to report), and throws the output away. The temp folder is removed
 * again; the exit code is 0 unless the folder could not be written.
 */
public final class CdsTraining {
  private CdsTraining() {}

  static final String MIGRATABLE = """
      # training file: an AMP data source on the core type
      apiVersion: 1
      x-aws: &aws
        sigV4Auth: true
        sigV4AuthType: default   # the SDK's default chain
        sigV4Region: eu-west-1
      datasources:
        - name: AMP Production
          uid: amp-prod
          type: prometheus
          access: proxy
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1f426ecd-a6c7-4453-909c-5806302902b2/
          isDefault: true
          jsonData:
            <<: *aws
            httpMethod: POST
            timeInterval: "15s"
          secureJsonData:
            sigV4SecretKey: $AWS_SECRET
      """;

  static final String INVALID = """
      apiVersion: 1
      datasources:
        - name: AMP Mumbai
          type: prometheus
          url: https://aps-workspaces.ap-south-1.amazonaws.com/workspaces/ws-45a771e7-d4dc-4405-948c-567f5b945136/
          jsonData: {sigV4Auth: true, sigV4Region: "", isDefault: yes}
      """;

  /** Every command, every format, a usage error and the help: what the archive should hold. */
  static List<List<String>> commands(Path in, Path out) {
    String dir = in.toString();
    String file = in.resolve("10-amp.yaml").toString();
    return List.of(
        List.of("--version"),
        List.of("--help"),
        List.of("migrate", "--help"),
        List.of("status", dir),
        List.of("status", "--format", "json", dir),
        List.of("validate", file),
        List.of("validate", dir),
        List.of("validate", "--format", "json", dir),
        List.of("validate", "--format", "sarif", dir),
        List.of("validate", "--format", "github", dir),
        List.of("migrate", "--check", dir),
        List.of("migrate", dir),
        List.of("migrate", "--to", "amazon", dir),
        List.of("migrate", "--to", "amazon", "--check", "--format", "json", dir),
        List.of("migrate", "--to", "amazon", "--format", "sarif", dir),
        List.of("migrate", "--to", "amazon", "--out", out.toString(), dir),
        List.of("inspect", dir),
        List.of("inspect", "--format", "json", dir),
        List.of("validate", "--no-such-option", dir));
  }

  public static void main(String[] args) {
    System.exit(train());
  }

  static int train() {
    Path folder;
    try {
      folder = Files.createTempDirectory("promshift-cds");
    } catch (IOException e) {
      return 2;
    }
    try {
      Path in = Files.createDirectories(folder.resolve("in"));
      Files.writeString(in.resolve("10-amp.yaml"), MIGRATABLE, StandardCharsets.UTF_8);
      Files.writeString(in.resolve("20-invalid.yaml"), INVALID, StandardCharsets.UTF_8);
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      for (List<String> command : commands(in, folder.resolve("out"))) {
        PromshiftCli.run(nowhere, nowhere, command.toArray(String[]::new));
      }
      return 0;
    } catch (IOException e) {
      return 2;
    } finally {
      delete(folder);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a temp folder left behind is the system's to clean up; the archive does not depend on it
    }
  }
}
