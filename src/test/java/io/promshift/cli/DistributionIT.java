package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user gets it ({@code target/promshift-VERSION.tar.gz}, built by {@code mvn
 * package}): unpacked with {@code tar}, its {@code bin/promshift} runs the CLI and prints what the in-process run
 * prints, with the same exit code; the zip holds the same files. Skipped when the archive is absent.
 */
class DistributionIT {
  private static Path tarGz;
  private static Path zip;
  private static String name;

  @BeforeAll
  static void findTheArchives() {
    Path base = Path.of(System.getProperty("promshift.dist", "target/promshift-" + System.getProperty(
        "promshift.version", "0.1.0-SNAPSHOT")));
    name = base.getFileName().toString();
    tarGz = base.resolveSibling(name + ".tar.gz");
    zip = base.resolveSibling(name + ".zip");
    assumeTrue(Files.isRegularFile(tarGz), "no " + tarGz + ": run mvn verify (or package) first");
  }

  private static CliProcessIT.Result exec(List<String> command, Map<String, String> env, Path dir) throws Exception {
    return CliProcessIT.exec(env, command, dir);
  }

  /** The archive unpacked with tar, as the README says: the folder holding bin/, lib/, ... */
  private static Path unpack(Path dir) throws Exception {
    Path into = Files.createDirectories(dir.resolve("unpacked"));
    CliProcessIT.Result tar = exec(List.of("tar", "-xzf", tarGz.toAbsolutePath().toString(), "-C", into.toString()), Map.of(), dir);
    assertThat(tar.code()).as("tar -xzf: " + tar.err()).isZero();
    return into.resolve(name);
  }

  private static String javaHome() {
    return System.getProperty("java.home");
  }

  /**
   * bin/promshift with this JVM's Java and without class-data sharing (the tests of the archive set a cache folder
   * of their own and wait for its training: a training still writing would outlive the test's temp folder).
   */
  private static CliProcessIT.Result promshift(Path script, Path dir, String... args) throws Exception {
    return promshift(script, dir, Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(), "PROMSHIFT_CDS", "off"),
        args);
  }

  private static CliProcessIT.Result promshift(Path script, Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(Arrays.asList(args));
    Map<String, String> all = new HashMap<>(env);
    all.put("JAVA_HOME", javaHome());
    return exec(command, all, dir);
  }

  @Test
  void theArchiveHoldsTheScriptsTheJarTheCompletionTheManPagesTheSchemaTheReadmeAndTheLicense(@TempDir Path dir)
      throws Exception {
    Path home = unpack(dir);
    assertThat(home.resolve("bin/promshift")).isRegularFile().isExecutable();
    assertThat(home.resolve("bin/promshift.cmd")).isRegularFile();
    assertThat(home.resolve("lib/promshift-cli.jar")).isRegularFile();
    assertThat(home.resolve("schemas/grafana-datasources.schema.json")).isRegularFile();
    assertThat(home.resolve("README.md")).isRegularFile();
    assertThat(home.resolve("LICENSE")).isRegularFile();
    String completion = Files.readString(home.resolve("completion/promshift.bash"));
    assertThat(completion).as("picocli's completion knows every command")
        .contains("local commands=\"status validate fix migrate inspect help\"")
        .contains("bashcompinit"); // the same script works in zsh
    for (String command : new String[] {"promshift", "promshift-status", "promshift-validate", "promshift-fix",
        "promshift-migrate", "promshift-inspect"}) {
      assertThat(Files.readString(home.resolve("man/man1/" + command + ".1"))).as(command + "'s man page, in roff")
          .startsWith("'\\\" t")
          .contains(".TH \"" + command.toUpperCase(java.util.Locale.ROOT).replace("-", "\\-") + "\"")
          .contains(".SH \"SYNOPSIS\"");
    }
    assertThat(Files.readString(home.resolve("man/man1/promshift-validate.1"))).as("a glob stays a glob")
        .contains("**/datasources/*.yaml");
    assertThat(Files.readString(home.resolve("bin/promshift"))).as("POSIX sh, LF line ends")
        .startsWith("#!/bin/sh\n").doesNotContain("\r");
    assertThat(Files.readString(home.resolve("bin/promshift.cmd"))).as("CRLF line ends for cmd.exe")
        .contains("\r\n").doesNotContainPattern("[^\r]\n");
  }

  @Test
  void binPromshiftPrintsTheVersionAndValidatesAsTheInProcessRunDoes(@TempDir Path dir) throws Exception {
    Path script = unpack(dir).resolve("bin/promshift");

    CliProcessIT.Result version = promshift(script, dir, "--version");
    assertThat(version.code()).as(version.err()).isZero();
    assertThat(version.out()).isEqualTo(Cli.run("--version").out()).contains(System.getProperty("promshift.version",
        "0.1.0-SNAPSHOT"));
    assertThat(version.err()).isEmpty();

    CliProcessIT.Result help = promshift(script, dir, "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: promshift ");

    for (String file : List.of("samples/provisioning/datasources/10-amp-eu-west-1.yaml",
        "samples/invalid/empty-region.yaml")) {
      String path = Path.of(file).toAbsolutePath().toString();
      CliProcessIT.Result real = promshift(script, dir, "validate", path);
      Cli.Run inProcess = Cli.run("validate", path);
      assertThat(real.out()).as(file).isEqualTo(inProcess.out());
      assertThat(real.err()).as(file + ": no JVM warnings").isEqualTo(inProcess.err());
      assertThat(real.code()).as(file).isEqualTo(inProcess.code());
    }
    assertThat(promshift(script, dir, "validate", Path.of("samples/invalid/empty-region.yaml").toAbsolutePath()
        .toString()).code()).as("an error is exit 1 through the script").isEqualTo(1);
  }

  // ---- class-data sharing: the archive in the cache folder ------------------------------------------------------

  private static final String SAMPLE = "samples/provisioning/datasources/10-amp-eu-west-1.yaml";

  private static String sample() {
    return Path.of(SAMPLE).toAbsolutePath().toString();
  }

  private static Map<String, String> cacheIn(Path cache, String... more) {
    Map<String, String> env = new HashMap<>(Map.of("XDG_CACHE_HOME", cache.toString()));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  /** What the promshift cache folder holds, by name. */
  private static List<String> cached(Path cache) throws IOException {
    Path folder = cache.resolve("promshift");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  /** The archives in the cache folder, by name. */
  private static List<String> archives(Path cache) throws IOException {
    return cached(cache).stream().filter(name -> name.endsWith(".jsa")).toList();
  }

  /** Waits for the background training to end: at least {@code expected} archives, and no lock and no temp file. */
  private static List<String> archivesWhenTrained(Path cache, int expected) throws Exception {
    return archivesWhenTrained(cache, archives -> archives.size() >= expected);
  }

  /** Waits until the archives are {@code done} and no training is under way (no lock, no temp file); the archives. */
  private static List<String> archivesWhenTrained(Path cache, java.util.function.Predicate<List<String>> done)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      List<String> names = cached(cache);
      if (done.test(archives(cache)) && names.stream().noneMatch(name -> name.endsWith(".lock") || name.endsWith(".tmp"))) {
        return archives(cache);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no archive trained in 120 s: " + cached(cache));
  }

  @Test
  void theFirstRunTrainsAnArchiveInTheBackgroundWithoutAWordAndTheNextRunsUseIt(@TempDir Path dir) throws Exception {
    Path script = unpack(dir).resolve("bin/promshift");
    Path cache = dir.resolve("cache");
    Cli.Run inProcess = Cli.run("validate", sample());

    CliProcessIT.Result first = promshift(script, dir, cacheIn(cache), "validate", sample());
    assertThat(first.err()).as("the first run, while the training starts").isEmpty();
    assertThat(first.out()).isEqualTo(inProcess.out());
    assertThat(first.code()).isEqualTo(inProcess.code());

    List<String> trained = archivesWhenTrained(cache, 1);
    assertThat(trained).as("one archive, no lock, no temp file left").hasSize(1).allMatch(name -> name
        .matches("promshift-\\d+-\\d+\\.jsa"));

    CliProcessIT.Result second = promshift(script, dir, cacheIn(cache), "validate", sample());
    assertThat(second.out()).as("byte for byte as without the archive: no CDS text on stdout")
        .isEqualTo(first.out());
    assertThat(second.err()).isEmpty();
    assertThat(second.code()).isEqualTo(inProcess.code());

    // the JVM says where each class came from: the dynamic archive is "shared objects file (top)"
    for (String[] command : List.of(new String[] {"--version"}, new String[] {"migrate", "--check", sample()},
        new String[] {"status", sample()}, new String[] {"inspect", sample()})) {
      CliProcessIT.Result logged = promshift(script, dir, cacheIn(cache, "PROMSHIFT_OPTS", "-Xlog:class+load=info:stderr"),
          command);
      assertThat(logged.err()).as("trained on every command: " + String.join(" ", command))
          .containsPattern("io\\.promshift\\.cli\\.PromshiftCli source: shared objects file \\(top\\)")
          .containsPattern("io\\.promshift\\.(cli|migrate|model|syntax)\\.\\w+ source: shared objects file \\(top\\)");
    }
    assertThat(archives(cache)).as("no second training").isEqualTo(trained);
    assertThat(cached(cache)).as("each archive with the paths of its jar and java").containsExactly(trained.get(0),
        trained.get(0) + ".paths");
  }

  @Test
  void withPromshiftCdsOffNothingIsCachedAndTheOutputIsTheSame(@TempDir Path dir) throws Exception {
    Path script = unpack(dir).resolve("bin/promshift");
    Path cache = dir.resolve("cache");
    CliProcessIT.Result off = promshift(script, dir, cacheIn(cache, "PROMSHIFT_CDS", "off"), "validate", sample());
    assertThat(off.out()).isEqualTo(Cli.run("validate", sample()).out());
    assertThat(off.err()).isEmpty();
    Thread.sleep(500);
    assertThat(cached(cache)).isEmpty();
  }

  @Test
  void aCacheFolderThatCannotBeMadeOrWrittenIsARunWithoutArchiveAndNotAWord(@TempDir Path dir) throws Exception {
    Path script = unpack(dir).resolve("bin/promshift");
    String expected = Cli.run("validate", sample()).out();
    // below a regular file: no one can make it, root included
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CliProcessIT.Result underAFile = promshift(script, dir, cacheIn(file.resolve("cache")), "validate", sample());
    assertThat(underAFile.code()).isZero();
    assertThat(underAFile.err()).isEmpty();
    assertThat(underAFile.out()).isEqualTo(expected);

    // read-only (root may write it anyway: then it trains, and still says nothing)
    Path readOnly = Files.createDirectories(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      CliProcessIT.Result run = promshift(script, dir, cacheIn(readOnly), "validate", sample());
      assertThat(run.code()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).isEqualTo(expected);
      if (!Files.isWritable(readOnly)) {
        Thread.sleep(500);
        assertThat(cached(readOnly)).isEmpty();
      } else {
        archivesWhenTrained(readOnly, 1); // its training ends before the folder is removed
      }
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aRelativeXdgCacheHomeIsIgnoredAsTheXdgRuleSays(@TempDir Path dir) throws Exception {
    Path script = unpack(dir).resolve("bin/promshift");
    Path home = Files.createDirectories(dir.resolve("home"));
    String relative = "promshift-relative-cache-" + ProcessHandle.current().pid();
    CliProcessIT.Result run = promshift(script, dir, Map.of("XDG_CACHE_HOME", relative, "HOME", home.toString()), "--version");
    assertThat(run.err()).isEmpty();
    assertThat(archivesWhenTrained(home.resolve(".cache"), 1)).hasSize(1);
    assertThat(Path.of(relative)).as("no cache folder in the working directory").doesNotExist();
  }

  @Test
  void aCorruptedArchiveIsIgnoredSilently(@TempDir Path dir) throws Exception {
    Path script = unpack(dir).resolve("bin/promshift");
    Path cache = dir.resolve("cache");
    promshift(script, dir, cacheIn(cache), "--version");
    String archive = archivesWhenTrained(cache, 1).get(0);
    Path file = cache.resolve("promshift").resolve(archive);
    byte[] garbage = new byte[64 * 1024];
    new java.util.Random(16).nextBytes(garbage);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Files.write(file, garbage);

    CliProcessIT.Result run = promshift(script, dir, cacheIn(cache), "validate", sample());
    assertThat(run.code()).isEqualTo(Cli.run("validate", sample()).code());
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(Cli.run("validate", sample()).out());
  }

  @Test
  void aRebuiltJarTrainsAnArchiveOfItsOwnThatReplacesTheOldOne(@TempDir Path dir) throws Exception {
    Path home = unpack(dir);
    Path script = home.resolve("bin/promshift");
    Path cache = dir.resolve("cache");
    promshift(script, dir, cacheIn(cache), "--version");
    List<String> before = archivesWhenTrained(cache, 1);

    Path jar = home.resolve("lib/promshift-cli.jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 120_000));
    CliProcessIT.Result run = promshift(script, dir, cacheIn(cache), "--version");
    assertThat(run.err()).isEmpty();
    List<String> after = archivesWhenTrained(cache, archives -> !archives.isEmpty() && !archives.equals(before));
    assertThat(after).as("one archive, named for the new jar: the old one is gone").hasSize(1)
        .doesNotContainAnyElementsOf(before);

    // the archive gets the jar's time: a jar dated in the future is not newer than its archive, no training again
    assertThat(promshift(script, dir, cacheIn(cache), "--version").err()).isEmpty();
    Thread.sleep(300);
    assertThat(archives(cache)).isEqualTo(after);
  }

  @Test
  void aTrainingRemovesTheArchivesOfInstallationsThatAreGoneAndKeepsTheOthers(@TempDir Path dir) throws Exception {
    Path cache = dir.resolve("cache");
    Path kept = unpack(dir.resolve("kept"));
    promshift(kept.resolve("bin/promshift"), dir, cacheIn(cache), "--version");
    List<String> keptArchive = archivesWhenTrained(cache, 1);
    Path removed = unpack(dir.resolve("removed"));
    Files.setLastModifiedTime(removed.resolve("lib/promshift-cli.jar"), FileTime.fromMillis(1_700_000_000_000L));
    promshift(removed.resolve("bin/promshift"), dir, cacheIn(cache), "--version");
    List<String> both = archivesWhenTrained(cache, 2);
    Path folder = cache.resolve("promshift");
    Files.write(folder.resolve("promshift-1-2.jsa"), new byte[16]); // from a promshift that wrote no .paths

    deleteTree(removed);
    Path third = unpack(dir.resolve("third"));
    Files.setLastModifiedTime(third.resolve("lib/promshift-cli.jar"), FileTime.fromMillis(1_600_000_000_000L));
    promshift(third.resolve("bin/promshift"), dir, cacheIn(cache), "--version");
    List<String> after = archivesWhenTrained(cache, archives -> archives.size() == 2
        && archives.containsAll(keptArchive) && !archives.contains("promshift-1-2.jsa"));
    assertThat(after).as("the kept installation's archive and the third's").hasSize(2).containsAll(keptArchive)
        .doesNotContainAnyElementsOf(both.stream().filter(name -> !keptArchive.contains(name)).toList());
    assertThat(cached(cache)).allMatch(name -> name.endsWith(".jsa") || after.contains(name.replace(".paths", "")));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void theScriptFindsItsJarThroughASymlinkWithSpacesAndPassesArgumentsAsTheyAre(@TempDir Path dir) throws Exception {
    Path script = unpack(dir).resolve("bin/promshift");
    Path links = Files.createDirectories(dir.resolve("my bin"));
    // a relative link to a link: each is followed in turn
    Path first = Files.createSymbolicLink(dir.resolve("first"), script);
    Path link = Files.createSymbolicLink(links.resolve("promshift"), Path.of("../first"));
    Path sample = Files.createDirectories(dir.resolve("a folder")).resolve("it's here.yaml");
    Files.copy(Path.of("samples/invalid/empty-region.yaml"), sample);

    CliProcessIT.Result real = promshift(link, dir, "validate", sample.toString());
    Cli.Run inProcess = Cli.run("validate", sample.toString());
    assertThat(real.err()).isEqualTo(inProcess.err());
    assertThat(real.out()).isEqualTo(inProcess.out()).contains("it's here.yaml");
    assertThat(real.code()).isEqualTo(1);
    assertThat(first).isSymbolicLink();
  }

  // ---- no locale ----------------------------------------------------------------------------------------------

  /** Whether glibc's C.UTF-8 locale is there, by the locale tool's answer. */
  private static boolean cUtf8Locale() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/env")) || !Files.isExecutable(Path.of("/usr/bin/locale"))) {
      return false;
    }
    Process locale = new ProcessBuilder("/usr/bin/env", "-i", "LC_ALL=C.UTF-8", "/usr/bin/locale", "charmap")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String charmap = new String(locale.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    return locale.waitFor() == 0 && charmap.strip().equals("UTF-8");
  }

  @Test
  void withoutALocaleTheScriptRunsJavaUnderCUtf8SoNonAsciiFileNamesAreFoundNamedAndRewritten(@TempDir Path dir)
      throws Exception {
    assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "this JVM passes UTF-8 file names on");
    assumeTrue(cUtf8Locale(), "the C.UTF-8 locale");
    Path script = unpack(dir).resolve("bin/promshift");
    Path sample = Path.of(SAMPLE);
    byte[] migrated = new io.promshift.migrate.Migrator(io.promshift.migrate.MigrationOptions.forward().build())
        .migrate(SAMPLE, Files.readAllBytes(sample)).newBytes();
    List<String> names = List.of("\u00e9.yaml", "\u30c7\u30fc\u30bf.yaml");
    // no locale at all (env -i), the C locale named, and a locale that is not installed (glibc falls back to C)
    for (String locale : List.of("", "LC_ALL=C", "LANG=xx_YY.ISO-8859-1")) {
      Path tree = dir.resolve("tree" + locale.length());
      Path named = dir.resolve("named" + locale.length());
      for (Path folder : List.of(tree, named)) {
        Files.createDirectories(folder);
        for (String name : names) {
          Files.copy(sample, folder.resolve(name));
        }
      }
      List<String> noLocale = new ArrayList<>(List.of("/usr/bin/env", "-i", "PATH=/usr/bin:/bin",
          "JAVA_HOME=" + javaHome(), "PROMSHIFT_CDS=off"));
      if (!locale.isEmpty()) {
        noLocale.add(locale);
      }
      noLocale.add(script.toString());

      List<String> walk = new ArrayList<>(noLocale);
      walk.addAll(List.of("migrate", "--write", tree.toString()));
      CliProcessIT.Result walked = exec(walk, Map.of(), dir);
      assertThat(walked.code()).as(locale + ": " + walked.err()).isZero();
      assertThat(walked.err()).as(locale + ": the names, as they are").contains("2 files: 2 rewritten");
      for (String name : names) {
        assertThat(walked.out()).as(locale).contains(tree.resolve(name).toString());
        assertThat(Files.readAllBytes(tree.resolve(name))).as(locale + ": " + name).isEqualTo(migrated);
      }

      List<String> direct = new ArrayList<>(noLocale);
      direct.addAll(List.of("migrate", "--write", named.resolve(names.get(0)).toString(),
          named.resolve(names.get(1)).toString()));
      CliProcessIT.Result directly = exec(direct, Map.of(), dir);
      assertThat(directly.code()).as(locale + ": " + directly.err()).isZero();
      for (String name : names) {
        assertThat(Files.readAllBytes(named.resolve(name))).as(locale + ": " + name).isEqualTo(migrated);
      }
    }
  }

  @Test
  void aJavaHomeWithoutJavaIsNamedAndExitTwo(@TempDir Path dir) throws Exception {
    Path script = unpack(dir).resolve("bin/promshift");
    CliProcessIT.Result run = exec(List.of(script.toString(), "--version"), Map.of("JAVA_HOME", dir.resolve("no-java").toString()),
        dir);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("JAVA_HOME").contains("no-java");
  }

  @Test
  void theZipHoldsTheSameFilesWithTheSameContentAndTheScriptIsExecutable(@TempDir Path dir) throws Exception {
    Path home = unpack(dir);
    TreeSet<String> fromTar = new TreeSet<>();
    try (var files = Files.walk(home)) {
      files.filter(Files::isRegularFile).forEach(file -> fromTar.add(name + "/" + home.relativize(file)));
    }
    TreeSet<String> fromZip = new TreeSet<>();
    try (ZipFile archive = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      for (ZipEntry entry : Collections.list(archive.entries())) {
        if (entry.isDirectory()) {
          continue;
        }
        fromZip.add(entry.getName());
        byte[] inZip = archive.getInputStream(entry).readAllBytes();
        Path inTar = home.resolve(entry.getName().substring(name.length() + 1));
        assertThat(inZip).as(entry.getName()).isEqualTo(Files.readAllBytes(inTar));
      }
    }
    assertThat(fromZip).isEqualTo(fromTar);
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/promshift")))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(unixMode(zip, name + "/bin/promshift")).as("the zip's unix mode, kept by unzip").isEqualTo(0755);
  }

  /** The unix permission bits of a zip entry (the high half of its external attributes), read from the central
   * directory: java.util.zip does not expose them. */
  private static int unixMode(Path zipFile, String entryName) throws IOException {
    byte[] all = Files.readAllBytes(zipFile);
    byte[] wanted = entryName.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 46 < all.length; i++) {
      if (all[i] == 0x50 && all[i + 1] == 0x4b && all[i + 2] == 1 && all[i + 3] == 2) {
        int nameLength = u16(all, i + 28);
        if (nameLength == wanted.length && Arrays.equals(Arrays.copyOfRange(all, i + 46, i + 46 + nameLength),
            wanted)) {
          return (u16(all, i + 40)) & 0777;
        }
      }
    }
    throw new AssertionError("no central directory entry " + entryName);
  }

  private static int u16(byte[] bytes, int at) {
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
  }
}
