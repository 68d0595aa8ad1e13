package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the executable jar starts the CLI in a C1-only child JVM, and with which command line. */
class LauncherTest {
  private static final String HOTSPOT = "OpenJDK 64-Bit Server VM";
  private static final Optional<String> JAVA = Optional.of("/usr/lib/jvm/jdk/bin/java");
  private static final String[] ARGS = {"migrate", "--to", "amazon", "--out", "out dir", "in"};

  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "NO_COLOR", "1"));

  private Optional<List<String>> child(String vmName, String... jvmArguments) {
    UnaryOperator<String> lookup = properties::get;
    return Launcher.childCommand(vmName, lookup, env, JAVA, Optional.of(jvmArguments), ARGS, 4242);
  }

  private static String[] line(String... jvmPart) {
    String[] all = new String[jvmPart.length + ARGS.length];
    System.arraycopy(jvmPart, 0, all, 0, jvmPart.length);
    System.arraycopy(ARGS, 0, all, jvmPart.length, ARGS.length);
    return all;
  }

  @Test
  void theChildGetsC1OnlyAndItsLauncherPidBeforeEveryOptionAndArgumentTheLauncherGot() {
    assertThat(child(HOTSPOT, line("-Xmx1g", "-jar", "promshift-cli.jar"))).contains(List.of(
        "/usr/lib/jvm/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-Dpromshift.parent=4242",
        "-Xmx1g", "-jar", "promshift-cli.jar", "migrate", "--to", "amazon", "--out", "out dir", "in"));
  }

  @Test
  void aClassPathLaunchIsRepeatedAsItWasGiven() {
    assertThat(child("Java HotSpot(TM) 64-Bit Server VM", line("-cp", "a.jar:b.jar", "io.promshift.cli.Launcher")))
        .get().asList().containsSubsequence("-cp", "a.jar:b.jar", "io.promshift.cli.Launcher", "migrate", "in");
  }

  @Test
  void theChildAndAnyoneWhoAsksRunInThisJvm() {
    properties.put("promshift.parent", "17");
    assertThat(child(HOTSPOT, line("-jar", "p.jar"))).as("the child itself").isEmpty();
    properties.clear();
    properties.put("promshift.fork", "false");
    assertThat(child(HOTSPOT, line("-Dpromshift.fork=false", "-jar", "p.jar"))).as("-Dpromshift.fork=false").isEmpty();
    properties.put("promshift.fork", "true");
    assertThat(child(HOTSPOT, line("-jar", "p.jar"))).isPresent();
  }

  @Test
  void optionsThatAlreadyChooseACompilerAreTheUsersChoice() {
    for (String option : List.of("-Xint", "-Xcomp", "-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation",
        "-XX:CompilationMode=high-only")) {
      assertThat(child(HOTSPOT, line(option, "-jar", "p.jar"))).as(option).isEmpty();
    }
  }

  @Test
  void jvmOptionsFromTheEnvironmentMeanSomeoneTunesThisJvm() {
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      env.put(variable, "-Xmx2g");
      assertThat(child(HOTSPOT, line("-jar", "p.jar"))).as(variable).isEmpty();
      env.remove(variable);
    }
  }

  @Test
  void anotherJvmRunsTheCliItself() {
    assertThat(child("Eclipse OpenJ9 VM", line("-jar", "p.jar"))).isEmpty();
  }

  @Test
  void aCommandLineThatCannotBeReadBackExactlyIsNotGuessedAt() {
    assertThat(Launcher.childCommand(HOTSPOT, properties::get, env, Optional.empty(),
        Optional.of(line("-jar", "p.jar")), ARGS, 1)).as("no executable").isEmpty();
    assertThat(Launcher.childCommand(HOTSPOT, properties::get, env, JAVA, Optional.empty(), ARGS, 1))
        .as("no arguments").isEmpty();
    assertThat(child(HOTSPOT, "-jar", "p.jar", "migrate", "--to", "amazon", "--out", "out", "dir", "in"))
        .as("an argument split differently").isEmpty();
    assertThat(child(HOTSPOT, ARGS)).as("nothing before the program's arguments").isEmpty();
  }

  // ---- descriptors and pipes: only this process can read them ----

  @Test
  void anArgumentNamingADescriptorRunsTheCliInThisJvm() {
    for (String name : List.of("/dev/fd/63", "/proc/self/fd/0", "/proc/thread-self/fd/12", "/proc/4242/fd/63",
        "/dev/stdin", "--env-file=/dev/fd/62")) {
      assertThat(Launcher.namesADescriptorOrPipe(new String[] {"validate", name}, file -> false)).as(name).isTrue();
    }
    for (String name : List.of("/dev/fd", "/dev/fd/x", "dev/fd/63", "/proc/self/fdinfo/3", "--fail-on=warning")) {
      assertThat(Launcher.namesADescriptorOrPipe(new String[] {"validate", name}, file -> false)).as(name).isFalse();
    }
    assertThat(Launcher.namesADescriptorOrPipe(new String[] {"validate", "pipe.yaml"}, "pipe.yaml"::equals))
        .as("a named pipe or a device").isTrue();
  }

  @Test
  void aSpecialFileIsNeitherARegularFileNorADirectory(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a.yaml"), "apiVersion: 1\n");
    assertThat(Launcher.isSpecialFile(file.toString())).isFalse();
    assertThat(Launcher.isSpecialFile(dir.toString())).isFalse();
    assertThat(Launcher.isSpecialFile(dir.resolve("missing.yaml").toString())).isFalse();
    assertThat(Launcher.isSpecialFile("--verbose")).isFalse();
    assertThat(Launcher.isSpecialFile("")).isFalse();
    if (Files.exists(Path.of("/dev/null"))) {
      assertThat(Launcher.isSpecialFile("/dev/null")).as("a character device").isTrue();
    }
    Path fifo = dir.resolve("pipe.yaml");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
      assertThat(Launcher.isSpecialFile(fifo.toString())).as("a named pipe").isTrue();
    }
  }

  // ---- a JVM without a UTF-8 locale ----

  private static final List<String> COMMAND = List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1",
      "-Dpromshift.parent=4242", "-Xmx1g", "-jar", "p.jar", "migrate", "--write", "?.yaml");

  private static Optional<List<byte[]>> raw(String... arguments) {
    return Optional.of(Arrays.stream(arguments).map(a -> a.getBytes(StandardCharsets.UTF_8)).toList());
  }

  @Test
  void argumentsThisCharsetCannotCarryGoToTheChildAsBytesUnderAUtf8Locale() {
    Optional<Launcher.Child> child = Launcher.forCharset(COMMAND, 3, StandardCharsets.US_ASCII,
        raw("java", "-Xmx1g", "-jar", "p.jar", "migrate", "--write", "\u00e9.yaml"), () -> true);
    assertThat(child).isPresent();
    assertThat(child.get().environment()).isEqualTo(Map.of("LC_ALL", "C.UTF-8"));
    List<String> command = child.get().command();
    assertThat(command.subList(0, 3)).isEqualTo(COMMAND.subList(0, 3));
    assertThat(command.get(3)).startsWith("-Dpromshift.args=").matches("\\p{ASCII}*");
    assertThat(command.subList(4, command.size())).as("the rest as it was").isEqualTo(COMMAND.subList(3, COMMAND.size()));
    assertThat(Launcher.childArguments(command.get(3).substring("-Dpromshift.args=".length()), new String[] {"x"}))
        .containsExactly("migrate", "--write", "\u00e9.yaml");
  }

  @Test
  void asciiArgumentsNeedOnlyTheLocaleForTheFileNamesFoundOnDisk() {
    List<String> ascii = COMMAND.subList(0, COMMAND.size() - 1);
    Optional<Launcher.Child> child = Launcher.forCharset(ascii, 2, StandardCharsets.US_ASCII,
        raw("java", "-Xmx1g", "-jar", "p.jar", "migrate", "--write"), () -> true);
    assertThat(child).contains(new Launcher.Child(ascii, Map.of("LC_ALL", "C.UTF-8")));
  }

  @Test
  void withoutTheUtf8LocaleTheChildRunsAsBefore() {
    boolean[] asked = new boolean[1];
    assertThat(Launcher.forCharset(COMMAND, 3, StandardCharsets.US_ASCII,
        raw("java", "-Xmx1g", "-jar", "p.jar", "migrate", "--write", "\u00e9.yaml"), () -> false))
        .contains(new Launcher.Child(COMMAND, Map.of()));
    assertThat(Launcher.forCharset(COMMAND, 3, StandardCharsets.US_ASCII, Optional.empty(), () -> {
      asked[0] = true;
      return true;
    })).as("no command line to read").contains(new Launcher.Child(COMMAND, Map.of()));
    assertThat(Launcher.forCharset(COMMAND, 3, StandardCharsets.US_ASCII, raw("java", "-jar", "p.jar"), () -> true))
        .as("a command line of another length").contains(new Launcher.Child(COMMAND, Map.of()));
    assertThat(asked[0]).isFalse();
  }

  @Test
  void aLocaleSomeoneChoseIsLeftAsItIs() {
    for (Charset chosen : List.of(StandardCharsets.ISO_8859_1, Charset.forName("EUC-JP"))) {
      assertThat(Launcher.forCharset(COMMAND, 3, chosen,
          raw("java", "-Xmx1g", "-jar", "p.jar", "migrate", "--write", "\u00e9.yaml"), () -> true))
          .as(chosen.name()).contains(new Launcher.Child(COMMAND, Map.of()));
    }
  }

  @Test
  void aJvmOptionOrJarPathThisCharsetCannotCarryKeepsTheCliInThisJvm() {
    List<String> command = List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-Dpromshift.parent=1", "-jar",
        "/opt/?/p.jar", "status", ".");
    assertThat(Launcher.forCharset(command, 2, StandardCharsets.US_ASCII,
        raw("java", "-jar", "/opt/\u00fc/p.jar", "status", "."), () -> true)).isEmpty();
  }

  @Test
  void theArgumentsRoundTripThroughTheirAsciiForm() {
    for (List<String> arguments : List.of(List.<String>of(), List.of(""), List.of("", ""),
        List.of("migrate", "\u30c7\u30fc\u30bf.yaml", "a b", "=", "\ud83d\ude00"))) {
      String encoded = Launcher.encodeArguments(arguments.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toList());
      assertThat(encoded).matches("[A-Za-z0-9+/=]*");
      assertThat(Launcher.childArguments(encoded, new String[] {"ignored"})).as(arguments.toString())
          .containsExactlyElementsOf(arguments);
    }
    assertThat(Launcher.childArguments(null, new String[] {"own"})).containsExactly("own");
    assertThat(Launcher.childArguments("not base64!", new String[] {"own"})).containsExactly("own");
  }

  // ---- the child watching its launcher ----

  @Test
  void theWatchSeesItsParentAliveAndAnEndedProcessGone() throws Exception {
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    Launcher.LauncherWatch watch = Launcher.LauncherWatch.of(parent);
    assertThat(watch.isParent()).isTrue();
    assertThat(watch.gone()).isFalse();
    assertThat(Launcher.LauncherWatch.of(parent + 1_000_000_000L).gone()).as("no such process").isTrue();

    Process other = new ProcessBuilder("sleep", "30").start();
    try {
      Launcher.LauncherWatch notParent = Launcher.LauncherWatch.of(other.pid());
      assertThat(notParent.isParent()).isFalse();
      assertThat(notParent.gone()).isFalse();
      other.destroyForcibly();
      other.waitFor(10, TimeUnit.SECONDS);
      assertThat(notParent.gone()).isTrue();
    } finally {
      other.destroyForcibly();
    }
  }
}
