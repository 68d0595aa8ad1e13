package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promshift.io.AtomicWriter;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.Migrator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real executable, {@code java -jar target/promshift-cli.jar}, as a separate process: exit codes,
 * nothing printed beyond the report (no logging or JVM warnings), colour and progress on a real pseudo
 * terminal, and what a kill mid-batch leaves behind. Runs in the integration-test phase, after the jar is
 * built ({@code mvn verify}); skipped when the jar is absent.
 */
class CliProcessIT {
  private static Path jar;

  @BeforeAll
  static void findTheJar() {
    jar = Path.of(System.getProperty("promshift.cli.jar", "target/promshift-cli.jar"));
    assumeTrue(Files.isRegularFile(jar), "no " + jar + ": run mvn verify (or package) first");
  }

  record Result(int code, String out, String err) {}

  private static List<String> java(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** Runs a command in {@code dir} with no standard input and these extra environment variables, within 2 minutes. */
  static Result exec(Map<String, String> env, List<String> command, Path dir) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().remove("NO_COLOR");
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time: " + command).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Result run(Path dir, String... args) throws Exception {
    return exec(Map.of(), java(args), dir);
  }

  @Test
  void theRealProcessPrintsWhatTheInProcessRunPrintsAndNothingElse(@TempDir Path dir) throws Exception {
    for (List<String> args : List.of(List.of("status", "samples"), List.of("migrate", "samples"),
        List.of("validate", "samples"), List.of("validate", "--format", "sarif", "samples/provisioning"),
        List.of("migrate", "--check", "samples/provisioning"), List.of("migrate", "--to", "prometheus", "samples/provisioning"))) {
      Result real = run(dir, args.toArray(String[]::new));
      Cli.Run inProcess = Cli.run(args.toArray(String[]::new));
      assertThat(real.out()).as(args.toString()).isEqualTo(inProcess.out());
      assertThat(real.err()).as(args + ": no logging, no JVM warnings").isEqualTo(inProcess.err());
      assertThat(real.code()).isEqualTo(inProcess.code());
    }
  }

  @Test
  void writeAndOutOnATreeWithABrokenFileGiveWhatTheInProcessRunGives(@TempDir Path dir) throws Exception {
    for (String tree : List.of("real", "in-process")) {
      Path repo = Trees.copy(Path.of("samples/provisioning"), dir.resolve(tree));
      Path broken = repo.resolve("datasources/15-broken.yaml");
      Files.copy(Path.of("samples/invalid/syntax-error.yaml"), broken);
      Files.setLastModifiedTime(broken, Trees.OLD);
    }
    Path real = dir.resolve("real");
    Path inProcess = dir.resolve("in-process");
    Map<String, String> before = Trees.contents(real);

    Result out = run(dir, "migrate", "--to", "amazon", "--out", dir.resolve("real-out").toString(), real.toString());
    Cli.Run outInProcess = Cli.run("migrate", "--to", "amazon", "--out", dir.resolve("in-process-out").toString(),
        inProcess.toString());
    assertThat(out.code()).as("the broken file").isEqualTo(2).isEqualTo(outInProcess.code());
    assertThat(Trees.contents(dir.resolve("real-out"))).isEqualTo(Trees.contents(dir.resolve("in-process-out")))
        .hasSameSizeAs(before);
    assertThat(Trees.contents(real)).as("--out leaves the input as it was").isEqualTo(before);

    Result write = run(dir, "migrate", "--write", real.toString());
    Cli.Run writeInProcess = Cli.run("migrate", "--write", inProcess.toString());
    assertThat(write.code()).isEqualTo(2).isEqualTo(writeInProcess.code());
    assertThat(write.out().replace(real.toString(), "REPO"))
        .isEqualTo(writeInProcess.out().replace(inProcess.toString(), "REPO")).isNotEmpty();
    assertThat(write.err()).contains("15-broken.yaml:14:13: error: invalid YAML")
        .contains("1 skipped, 1 failed"); // the dashboard provider is skipped with a note
    Map<String, String> after = Trees.contents(real);
    assertThat(after).as("the same bytes, and no stray file").isEqualTo(Trees.contents(inProcess));
    Map<String, java.nio.file.attribute.FileTime> mtimes = Trees.mtimes(real);
    for (String file : before.keySet()) {
      boolean rewritten = !before.get(file).equals(after.get(file));
      assertThat(mtimes.get(file).equals(Trees.OLD)).as(file + " mtime kept unless rewritten").isEqualTo(!rewritten);
    }

    Result json = run(dir, "validate", "--format", "json", "samples");
    Cli.Run jsonInProcess = Cli.run("validate", "--format", "json", "samples");
    assertThat(json.out()).isEqualTo(jsonInProcess.out()).startsWith("{\n  \"findings\": [\n    {\n      \"file\": ");
    assertThat(json.code()).isEqualTo(jsonInProcess.code());
  }

  @Test
  void exitCodes(@TempDir Path dir) throws Exception {
    assertThat(run(dir, "status", "samples/provisioning").code()).as("status, all readable").isZero();
    assertThat(run(dir, "status", "samples").code()).as("status, unreadable files").isEqualTo(2);
    assertThat(run(dir, "migrate", "samples/provisioning").code()).as("dry run").isZero();
    assertThat(run(dir, "migrate", "--check", "samples/provisioning").code()).as("pending changes").isEqualTo(1);
    assertThat(run(dir, "migrate", "--check", "samples/provisioning/datasources/30-cloudwatch.yaml").code()).isZero();
    assertThat(run(dir, "migrate", "--check", "samples").code()).as("a file could not be processed").isEqualTo(2);
    assertThat(run(dir, "migrate", "--to", "mars", "samples").code()).as("usage error").isEqualTo(2);
    assertThat(run(dir).code()).as("no command").isEqualTo(2);
    assertThat(run(dir, "validate", "samples/provisioning").code()).as("validate, no error").isZero();
    assertThat(run(dir, "validate", "--fail-on", "warning", "samples/provisioning").code()).as("warnings").isEqualTo(1);
    assertThat(run(dir, "validate", "samples/invalid/empty-region.yaml").code()).as("an error finding").isEqualTo(1);
    assertThat(run(dir, "validate", "samples").code()).as("unreadable files").isEqualTo(2);
    assertThat(run(dir, "validate", "--format", "xml", "samples").code()).as("usage error").isEqualTo(2);
    Result version = run(dir, "--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("promshift 0.");
    assertThat(version.err()).isEmpty();
  }

  @Test
  void slf4jIsSilencedInTheCliJarOnly(@TempDir Path dir) throws Exception {
    String probe = Path.of("target/test-classes").toAbsolutePath().toString();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Result cli = exec(Map.of(), List.of(javaBin, "-cp", jar + File.pathSeparator + probe, Slf4jProbe.class.getName()), dir);
    assertThat(cli.code()).isZero();
    assertThat(cli.err()).as("the CLI jar carries a no-op SLF4J provider").isEmpty();

    // the library itself silences nothing: an embedder with slf4j-api and no provider hears from SLF4J
    String slf4jApi = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.contains("slf4j-api")).findFirst().orElse("");
    assumeTrue(!slf4jApi.isEmpty(), "slf4j-api on the test class path");
    Result library = exec(Map.of(), List.of(javaBin, "-cp", slf4jApi + File.pathSeparator + probe, Slf4jProbe.class.getName()), dir);
    assertThat(library.err()).contains("No SLF4J providers were found");
  }

  @Test
  void anEmbedderWithoutAnSlf4jProviderHearsNothingFromSlf4j(@TempDir Path dir) throws Exception {
    // the library and its dependencies as a plain project has them: slf4j-api, no provider (slf4j-nop is the CLI's)
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("slf4j-nop") && !entry.endsWith("promshift-cli.jar"))
        .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    assumeTrue(classPath.contains("slf4j-api"), "slf4j-api on the test class path");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path file = Path.of("samples/invalid/empty-region.yaml").toAbsolutePath();

    Result embedder = exec(Map.of(), List.of(javaBin, "-cp", classPath, EmbedderProbe.class.getName(), file.toString()),
        dir);

    assertThat(embedder.code()).as(embedder.err()).isZero();
    assertThat(embedder.out().strip()).as("it validated").isEqualTo("2");
    assertThat(embedder.err()).as("no SLF4J notice").isEmpty();
  }

  // ---- one JVM ------------------------------------------------------------------------------------

  /** The JVMs started under {@code process} while it runs, by their arguments; waits for it to end. */
  private static List<List<String>> childJvms(Process process) throws Exception {
    List<List<String>> seen = new ArrayList<>();
    while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
      // jspawnhelper (the JDK's helper that starts a child process, for a moment) is no JVM of ours: a JVM is a java
      // command, or one whose arguments run a jar
      process.descendants().filter(child -> !child.info().command().orElse("").endsWith("jspawnhelper"))
          .forEach(child -> child.info().arguments().map(List::of)
              .filter(arguments -> child.info().command().orElse("").endsWith("java") || arguments.contains("-jar"))
              .filter(arguments -> !seen.contains(arguments)).ifPresent(seen::add));
    }
    return seen;
  }

  @Test
  void theJarRunsTheCliInOneJvm(@TempDir Path dir) throws Exception {
    Path tree = generate(dir.resolve("tree"), 100); // 1,000 files: a run long enough to watch
    Path log = dir.resolve("log.txt");
    Process process = new ProcessBuilder(java("migrate", "--check", tree.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(childJvms(process)).as("no second JVM").isEmpty();
    assertThat(process.exitValue()).as("pending changes").isEqualTo(1);
    assertThat(Files.readString(log)).contains("1000 files: ");
    try (java.util.jar.JarFile cli = new java.util.jar.JarFile(jar.toFile())) {
      assertThat(cli.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(PromshiftCli.class.getName());
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A word for bash -c, quoted. */
  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  @Test
  void processSubstitutionIsReadLikeTheFileItCarries(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash, for <(...)");
    String file = "samples/provisioning/datasources/10-amp-eu-west-1.yaml";
    String env = "samples/grafana.env.example";
    for (String command : List.of("validate", "migrate --check", "status", "validate --env-file <(cat " + env + ")")) {
      String named = command.replace("<(cat " + env + ")", env);
      Result byName = run(dir, (named + " " + file).split(" "));
      String java = quoted(javaBin()) + " -jar " + quoted(jar.toString()) + " " + command + " ";
      Result substituted = exec(Map.of(), List.of("/bin/bash", "-c", java + "<(cat " + file + ")"), dir);
      String what = command + ": " + substituted.err();
      assertThat(substituted.out().replaceAll("/dev/fd/[0-9]+", file)).as(what).isEqualTo(byName.out()).isNotEmpty();
      assertThat(substituted.err().replaceAll("/dev/fd/[0-9]+", file)).as(what).isEqualTo(byName.err());
      assertThat(substituted.code()).as(what).isEqualTo(byName.code());
    }
    // a named pipe, the same way
    Path fifo = dir.resolve("pipe.yaml");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    Result piped = exec(Map.of(), List.of("/bin/bash", "-c", "cat " + file + " > " + quoted(fifo.toString()) + " & "
        + quoted(javaBin()) + " -jar " + quoted(jar.toString()) + " validate " + quoted(fifo.toString())), dir);
    assertThat(piped.code()).as(piped.err()).isZero();
    assertThat(piped.out()).contains(fifo + ":59:22: warning [sigv4-auth-type-provider]");
  }

  // ---- out of memory ------------------------------------------------------------------------------

  /** A provisioning file of about {@code megabytes} MB: many SigV4 data sources. */
  private static void bigFile(Path file, int megabytes) throws IOException {
    StringBuilder yaml = new StringBuilder("apiVersion: 1\ndatasources:\n");
    for (int i = 0; yaml.length() < megabytes * 1024 * 1024; i++) {
      yaml.append("  - name: ds").append(i).append("\n    type: prometheus\n    url: http://prom").append(i)
          .append(".example:9090\n    jsonData:\n      sigV4Auth: true\n      sigV4Region: eu-west-1\n");
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
  }

  @Test
  void outOfMemoryIsAFailedFileOrOneLineAndNeverARawJvmLine(@TempDir Path dir) throws Exception {
    Path oneFile = dir.resolve("one/big.yaml");
    bigFile(oneFile, 1); // read whole, then out of memory while parsing, on the calling thread
    Path severalFiles = dir.resolve("several");
    for (int i = 0; i < 3; i++) {
      bigFile(severalFiles.resolve(i + ".yaml"), 3); // parsed by worker threads at once
    }
    Path huge = dir.resolve("huge/huge.yaml");
    bigFile(huge, 12); // out of memory while reading it
    // the one-file run twice: where out of memory strikes first varies from run to run
    List<List<String>> runs = List.of(List.of("migrate", oneFile.toString()), List.of("migrate", oneFile.toString()),
        List.of("validate", oneFile.toString()), List.of("migrate", severalFiles.toString()),
        List.of("validate", severalFiles.toString()), List.of("validate", huge.toString()));
    for (List<String> args : runs) {
      List<String> line = new ArrayList<>(java(args.toArray(String[]::new)));
      line.add(1, "-Xmx16m");
      Result result = exec(Map.of(), line, dir);
      String what = args + ": " + result.err();
      // out of memory on a file is that file's failure (OutOfHeapIT); when even the rest of the run does not fit in
      // 16 MB, it is the internal error's one line, exit 70
      assertThat(result.code()).as(what).isIn(2, 70);
      if (result.code() == 2) {
        assertThat(result.out() + result.err()).as(what).contains("out of memory on this file");
      } else {
        assertThat(result.err()).as(what).startsWith("promshift: internal error: out of memory")
            .endsWith("\n").hasLineCount(1);
      }
      assertThat(result.out() + result.err()).as(what).doesNotContain("\tat ", "Exception in thread",
          "NoClassDefFoundError");
    }
  }

  // ---- no locale ----------------------------------------------------------------------------------
  // (bin/promshift runs the JVM under C.UTF-8 there, so non-ASCII names can be given too: see DistributionIT)

  @Test
  void inOneJvmWithoutALocaleNonAsciiFileNamesInAFolderAreValidatedAndWrittenNotACrash(@TempDir Path dir)
      throws Exception {
    assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "this JVM passes UTF-8 file names on");
    Path sample = Path.of("samples/provisioning/datasources/10-amp-eu-west-1.yaml");
    Path tree = Files.createDirectories(dir.resolve("tree"));
    for (String name : List.of("\u00e9.yaml", "\u30c7\u30fc\u30bf.yaml")) {
      Files.copy(sample, tree.resolve(name));
    }
    List<String> oneJvm = new ArrayList<>(List.of("/usr/bin/env", "-i", "PATH=/usr/bin:/bin",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString()));
    String treeArg = tree.toString();
    String outArg = dir.resolve("out").toString();
    for (List<String> args : List.of(List.of("status", treeArg), List.of("validate", treeArg),
        List.of("migrate", "--out", outArg, treeArg), List.of("migrate", "--write", treeArg))) {
      List<String> command = new ArrayList<>(oneJvm);
      command.addAll(args);
      Result result = exec(Map.of(), command, dir);
      assertThat(result.code()).as(args + "\n" + result.err()).isIn(0, 1);
      assertThat(result.err()).as(args.toString()).doesNotContain("internal error");
    }
    assertThat(Files.readString(tree.resolve("\u00e9.yaml"))).contains("grafana-amazonprometheus-datasource");
    assertThat(Files.readString(dir.resolve("out/\u30c7\u30fc\u30bf.yaml"))).contains("grafana-amazonprometheus-datasource");
  }

  // ---- a real terminal ----------------------------------------------------------------------------

  private static boolean hasScript() {
    return Files.isExecutable(Path.of("/usr/bin/script"));
  }

  /** Runs the CLI on a pseudo terminal (util-linux script): stdout and stderr are both the terminal. */
  private static Result onTerminal(Path dir, Map<String, String> env, String... args) throws Exception {
    StringBuilder line = new StringBuilder();
    for (String arg : java(args)) {
      line.append('\'').append(arg.replace("'", "'\\''")).append("' ");
    }
    Map<String, String> withTerm = new HashMap<>(env);
    withTerm.putIfAbsent("TERM", "xterm");
    withTerm.putIfAbsent("CI", "");
    return exec(withTerm, List.of("/usr/bin/script", "-qefc", line.toString(), "/dev/null"), dir);
  }

  @Test
  void colourOnATerminalButNeverWithNoColorAndNeverOnAPipe(@TempDir Path dir) throws Exception {
    assumeTrue(hasScript(), "util-linux script, for a pseudo terminal");
    String file = "samples/provisioning/datasources/70-staging-org2.yaml";
    Result terminal = onTerminal(dir, Map.of(), "status", file);
    assertThat(terminal.out()).contains("\u001b[31mwill not migrate\u001b[0m");
    Result noColor = onTerminal(dir, Map.of("NO_COLOR", "1"), "status", file);
    assertThat(noColor.out()).contains("will not migrate").doesNotContain("\u001b[");
    Result pipe = run(dir, "status", file);
    assertThat(pipe.out()).doesNotContain("\u001b[");
  }

  @Test
  void aProgressLineOnATerminalForLargeRunsOnly(@TempDir Path dir) throws Exception {
    assumeTrue(hasScript(), "util-linux script, for a pseudo terminal");
    Path tree = generate(dir.resolve("tree"), 30); // 300 files
    Result terminal = onTerminal(dir, Map.of("NO_COLOR", "1"), "migrate", "--check", tree.toString());
    assertThat(terminal.out()).contains("migrate:   0/300 files (0%)").contains("\u001b[2K");
    Result pipe = run(dir, "migrate", "--check", tree.toString());
    assertThat(pipe.err()).doesNotContain("files (").doesNotContain("\r");
    Result ci = onTerminal(dir, Map.of("NO_COLOR", "1", "CI", "true"), "migrate", "--check", tree.toString());
    assertThat(ci.out()).doesNotContain("0/300 files");
  }

  // ---- interrupted writes -------------------------------------------------------------------------

  /** {@code copies} copies of each file of samples/provisioning/datasources, in folders c000, c001, ... */
  private static Path generate(Path root, int copies) throws IOException {
    List<Path> templates;
    try (Stream<Path> files = Files.list(Path.of("samples/provisioning/datasources"))) {
      templates = files.sorted().toList();
    }
    for (int i = 0; i < copies; i++) {
      Path folder = Files.createDirectories(root.resolve(String.format("c%03d", i)));
      for (Path template : templates) {
        Files.copy(template, folder.resolve(template.getFileName()));
      }
    }
    return root;
  }

  /** Each file name's bytes before and after a forward migration. */
  private static Map<String, byte[][]> versions() throws IOException {
    Migrator forward = new Migrator(MigrationOptions.forward().build());
    Map<String, byte[][]> versions = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("samples/provisioning/datasources"))) {
      for (Path file : files.toList()) {
        byte[] old = Files.readAllBytes(file);
        versions.put(file.getFileName().toString(), new byte[][] {old, forward.migrate(file.toString(), old).newBytes()});
      }
    }
    return versions;
  }

  /** Counts files holding their new bytes; fails on any file holding neither its old nor its new bytes. */
  private static int[] check(Path root, Map<String, byte[][]> versions) throws IOException {
    int migrated = 0;
    int untouched = 0;
    int temps = 0;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        if (AtomicWriter.isTempFile(file)) {
          temps++;
          continue;
        }
        byte[][] version = versions.get(file.getFileName().toString());
        assertThat(version).as("only the generated files and temp files: " + file).isNotNull();
        byte[] now = Files.readAllBytes(file);
        boolean isNew = Arrays.equals(now, version[1]) && !Arrays.equals(version[0], version[1]);
        boolean isOld = Arrays.equals(now, version[0]);
        assertThat(isNew || isOld).as(file + " holds either its old or its new bytes").isTrue();
        if (isNew) {
          migrated++;
        } else if (!Arrays.equals(version[0], version[1])) {
          untouched++;
        }
      }
    }
    return new int[] {migrated, untouched, temps};
  }

  /** Starts migrate --write over the tree, waits until it has rewritten a few files, and signals it. */
  private static Process startAndSignalMidBatch(Path dir, Path tree, Map<String, byte[][]> versions, String signal)
      throws Exception {
    Path log = dir.resolve("log-" + signal + ".txt");
    ProcessBuilder builder = new ProcessBuilder(java("migrate", "--write", tree.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    // the walk and the worker pool go in path order: watch the first files of the first folder
    Path watched = tree.resolve("c002").resolve("10-amp-eu-west-1.yaml");
    byte[] old = versions.get("10-amp-eu-west-1.yaml")[0];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Arrays.equals(Files.readAllBytes(watched), old)) {
      assertThat(process.isAlive()).as("still running before any rewrite: " + Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("a first rewrite within 60 s").isLessThan(deadline);
      Thread.sleep(1);
    }
    // one JVM starts nothing; if it ever did, that must stop with it
    List<ProcessHandle> children = process.descendants().toList();
    if (signal.equals("KILL")) {
      process.destroyForcibly();
    } else {
      new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    for (ProcessHandle child : children) {
      child.onExit().get(30, TimeUnit.SECONDS);
      assertThat(child.isAlive()).as("a process it started stopped with it (SIG" + signal + ")").isFalse();
    }
    return process;
  }

  @Test
  void killedOutrightMidBatchEveryFileHoldsItsOldOrItsNewBytes(@TempDir Path dir) throws Exception {
    Path tree = generate(dir.resolve("tree"), 300); // 3,000 files
    Map<String, byte[][]> versions = versions();
    Process process = startAndSignalMidBatch(dir, tree, versions, "KILL");
    assertThat(process.exitValue()).isEqualTo(137);
    int[] counts = check(tree, versions);
    assertThat(counts[0]).as("rewritten before the kill").isPositive();
    assertThat(counts[1]).as("not yet rewritten when killed: the kill landed mid-batch").isPositive();

    // the next run finishes the job; a leftover temp file is no YAML, so it is never read
    Result again = run(dir, "migrate", "--write", tree.toString());
    assertThat(again.code()).as(again.err()).isZero();
    int[] finished = check(tree, versions);
    assertThat(finished[1]).isZero();
  }

  @Test
  void interruptedMidBatchNoTempFileIsLeftBehind(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/kill")) || Files.isExecutable(Path.of("/bin/kill")), "kill(1)");
    Path tree = generate(dir.resolve("tree"), 200);
    Map<String, byte[][]> versions = versions();
    for (String signal : List.of("INT", "TERM")) {
      Process process = startAndSignalMidBatch(dir, tree, versions, signal);
      assertThat(process.exitValue()).as(signal).isEqualTo(128 + (signal.equals("INT") ? 2 : 15));
      int[] counts = check(tree, versions);
      assertThat(counts[2]).as("temp files left after SIG" + signal).isZero();
      if (signal.equals("INT")) {
        assertThat(counts[1]).as("the interrupt landed mid-batch").isPositive();
      }
      // restore for the next signal
      try (Stream<Path> walk = Files.walk(tree)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          Files.write(file, versions.get(file.getFileName().toString())[0]);
        }
      }
    }
  }
}
