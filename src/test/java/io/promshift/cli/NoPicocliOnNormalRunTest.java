package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A normal run loads no class of picocli: building its model was most of a short run's start-up, so promshift parses
 * its command line itself ({@link Arguments}) and leaves picocli to render the help ({@link HelpText}). Each run is a
 * fresh JVM on the test class path, logging every class it loads.
 */
class NoPicocliOnNormalRunTest {
  @TempDir
  static Path dir;

  private static Path file;

  @BeforeAll
  static void writeAFile() throws Exception {
    file = dir.resolve("amp.yaml");
    Files.writeString(file, CdsTraining.MIGRATABLE);
  }

  /** The run's exit code, standard output and the picocli classes it loaded. */
  private record Loaded(CliProcessIT.Result run, List<String> picocli) {}

  private static Loaded run(String... args) throws Exception {
    Path log = Files.createTempFile(dir, "classes", ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        PromshiftCli.class.getName()));
    command.addAll(List.of(args));
    CliProcessIT.Result run = CliProcessIT.exec(Map.of(), command, dir);
    List<String> picocli = Files.readAllLines(log).stream().filter(line -> line.contains(" picocli.")).toList();
    return new Loaded(run, picocli);
  }

  @ParameterizedTest(name = "promshift {0} FILE")
  @ValueSource(strings = {"migrate --check", "migrate --to amazon", "validate", "validate --format json", "status",
      "inspect", "fix", "fix --check --rule sigv4-auth-not-boolean"})
  void aCommandRunWithoutPicocli(String words) throws Exception {
    List<String> args = new ArrayList<>(List.of(words.split(" ")));
    args.add(file.toString());

    Loaded loaded = run(args.toArray(String[]::new));

    assertThat(loaded.run().code()).as(loaded.run().toString()).isIn(0, 1);
    assertThat(loaded.picocli()).as("picocli classes loaded by " + args).isEmpty();
  }

  @ParameterizedTest(name = "promshift {0}")
  @ValueSource(strings = {"--version", "-V"})
  void theVersionWithoutPicocli(String option) throws Exception {
    Loaded loaded = run(option);

    assertThat(loaded.run().code()).isZero();
    assertThat(loaded.run().out()).startsWith("promshift ");
    assertThat(loaded.picocli()).isEmpty();
  }

  @ParameterizedTest(name = "promshift {0}")
  @ValueSource(strings = {"--help", "migrate --help", "fix --help"})
  void theHelpIsStillPicocliS(String words) throws Exception {
    Loaded loaded = run(words.split(" "));

    assertThat(loaded.run().code()).isZero();
    assertThat(loaded.run().out()).contains("Usage: promshift ").contains("Exit codes:");
    assertThat(loaded.picocli()).as("the log sees picocli when it is loaded").isNotEmpty();
  }
}
