package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promshift.bench.Generated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file too large for the heap is a failure of that file, never a crash (issue 16): the built jar, as a process with
 * a 64 MB heap, over the samples and one generated 20 MB file (which needs about 700 MB): that file fails with a line
 * naming it, its size, the heap limit and how to give Java more; every other file is processed; exit 2, as for any
 * failed file; never a raw JVM line. With the JVM's default collector and with bin/promshift's (serial, C1).
 */
class OutOfHeapIT {
  private static final String[][] JVM_OPTIONS = {{}, {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"}};

  @Test
  void aFileTooLargeForTheHeapFailsAloneWithWhatToDoAndTheOtherFilesAreProcessed(@TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("promshift.cli.jar", "target/promshift-cli.jar"));
    assumeTrue(Files.isRegularFile(jar), "no " + jar + ": run mvn verify (or package) first");
    Path tree = Files.createDirectories(dir.resolve("tree"));
    List<String> small = new ArrayList<>();
    try (Stream<Path> samples = Files.list(Path.of("samples/provisioning/datasources"))) {
      for (Path sample : samples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        Files.copy(sample, tree.resolve(sample.getFileName()));
        small.add(sample.getFileName().toString());
      }
    }
    assertThat(small).hasSizeGreaterThan(5);
    Path big = tree.resolve("big.yaml");
    Files.writeString(big, Generated.file(20L << 20));

    for (String[] options : JVM_OPTIONS) {
      for (List<String> args : List.of(List.of("migrate", "--to", "amazon", "--out", "OUT"), List.of("status"),
          List.of("validate", "--format", "json"))) {
        Path out = dir.resolve("out-" + options.length + "-" + args.get(0));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx64m"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", jar.toString()));
        args.forEach(arg -> command.add(arg.equals("OUT") ? out.toString() : arg));
        command.add(tree.toString());
        CliProcessIT.Result result = CliProcessIT.exec(Map.of(), command, dir);
        String all = result.out() + result.err();
        String what = command + "\n" + result.err();

        assertThat(result.code()).as(what).isEqualTo(2);
        // the text names it as path:line:column, the JSON report in its "file" field
        assertThat(all).as(what).contains(args.contains("json") ? "\"file\": \"" + big + "\"" : big + ":1:1")
            .contains("out of memory on this file of 20 MB: the Java heap is limited to ").contains("give Java more (PROMSHIFT_OPTS=-Xmx1g for bin/promshift, java -Xmx1g -jar");
        assertThat(all).as(what).doesNotContain("Exception in thread", "\tat ", "internal error");
        if (args.get(0).equals("migrate")) {
          // every other file is written; the big one is not
          try (Stream<Path> written = Files.list(out)) {
            assertThat(written.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(small);
          }
        } else if (args.get(0).equals("status")) {
          assertThat(result.out()).as(what).contains(small.stream().map(tree::resolve).map(Path::toString).toList());
        } else {
          assertThat(result.out()).as(what).contains("\"validated\": " + small.size(), "\"unreadable\": 1");
        }
      }
    }
  }
}
