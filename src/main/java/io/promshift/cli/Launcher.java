package io.promshift.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The executable jar's entry point: runs the CLI in a second JVM set up for a short batch, or in this one.
 *
 * <p>Why: a promshift run lasts from a fraction of a second to a few seconds, all of it in a cold JVM.
 * HotSpot's optimising compiler (C2) pays for itself only in longer runs; in a run this short it compiles
 * code that is done with before the compiled code is ready, on the cores the workers need. Measured on two
 * cores: {@code migrate --out} over 1,032 files 0.66 s with C2 against 0.40 s with C1 alone, 51,600 files
 * 5.3 s against 4.3 s. An executable jar cannot set JVM options, so this launcher starts the CLI once more,
 * with {@code -XX:TieredStopAtLevel=1} before the options and arguments this JVM got, the same streams,
 * directory and environment, and exits with its exit code. That costs one more JVM start (about 0.05 s).
 *
 * <p>The CLI runs in this JVM instead — as {@link PromshiftCli#main} always does — when {@code
 * -Dpromshift.fork=false} is given, when the JVM options already choose a compiler ({@code -Xint}, {@code
 * -XX:TieredStopAtLevel}, ...), when {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} or {@code
 * _JAVA_OPTIONS} are set (whoever sets them tunes the JVM, and the child would print their notes again),
 * on a JVM other than HotSpot, or when this JVM's command line cannot be read back exactly. Also when an
 * argument names an open file descriptor ({@code /dev/fd/63}, from a shell's {@code <(...)}; {@code
 * /proc/self/fd/N}, {@code /dev/stdin}) or a file that is neither a regular file nor a directory (a named
 * pipe, a device): a child process does not inherit descriptors beyond 0 to 2 (the JDK closes them), and a
 * pipe can be read once only.
 *
 * <p>Without a locale ({@code env -i}, many containers: the C locale) Java decodes arguments and file names
 * in ASCII: a non-ASCII argument is lost, and a path made from a non-ASCII string cannot be opened. The child
 * then runs under {@code LC_ALL=C.UTF-8} when this system has that locale, and gets the program's arguments
 * from this process's command line as bytes, in {@code -Dpromshift.args} (ASCII-safe, see {@link
 * #encodeArguments}). In one JVM, nothing can mend that: see the README, "Command line".
 *
 * <p>The two processes stop together: a signal that stops this JVM (Ctrl-C, {@code kill}) is passed on and
 * waited for, so the child's own clean-up (no temp file left behind) is done when this one exits; if this
 * JVM is killed outright, the child notices within a tenth of a second (see {@link LauncherWatch}) and stops
 * as if terminated.
 *
 * <p>Whatever escapes, in either process, is exit 70 and one line (see {@link Fatal}).
 */
public final class Launcher {
  /** {@code -Dpromshift.fork=false}: run in this JVM. */
  static final String FORK = "promshift.fork";
  /** Given to the child: the pid of the launcher it watches. */
  static final String PARENT = "promshift.parent";
  /** Given to the child when this JVM's charset cannot carry the program's arguments: see {@link #encodeArguments}. */
  static final String ARGS = "promshift.args";
  /** What the child JVM runs with, ahead of the options the launcher got (a later option wins). */
  static final List<String> CHILD_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
  /** The locale a child gets when this JVM has none (the C locale), if it works here: UTF-8, otherwise as C. */
  static final String UTF8_LOCALE = "C.UTF-8";

  private static final List<String> ENV_OPTIONS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
  private static final List<String> COMPILER_OPTIONS = List.of("-Xint", "-Xcomp", "-XX:TieredStopAtLevel",
      "-XX:-TieredCompilation", "-XX:+TieredCompilation", "-XX:CompilationMode");
  /** Names of open descriptors: a child would not have them, or would have other ones. */
  private static final Pattern DESCRIPTOR = Pattern.compile("/dev/fd/\\d+|/proc/(self|thread-self|\\d+)/fd/\\d+"
      + "|/dev/std(in|out|err)");
  /** The exit code of a run stopped from outside (as SIGTERM's). */
  private static final int TERMINATED = 128 + 15;
  /** How often the child looks for its launcher. */
  private static final long WATCH_MILLIS = 100;

  private Launcher() {}

  /** The command line and extra environment of the child JVM. */
  record Child(List<String> command, Map<String, String> environment) {
    Child {
      command = List.copyOf(command);
      environment = Map.copyOf(environment);
    }
  }

  public static void main(String[] args) {
    Fatal fatal = Fatal.forProcess();
    int code;
    try {
      code = launch(args, fatal);
    } catch (Throwable e) { // out of memory in the launcher itself, say
      code = fatal.report(e, null, null);
    }
    System.exit(code);
  }

  private static int launch(String[] args, Fatal fatal) {
    String parent = System.getProperty(PARENT);
    if (parent != null) {
      return runWhileAlive(parent, childArguments(System.getProperty(ARGS), args), fatal);
    }
    Optional<Child> child = namesADescriptorOrPipe(args, Launcher::isSpecialFile) ? Optional.empty() : child(args);
    if (child.isEmpty()) {
      return PromshiftCli.runOnProcessStreams(args, fatal);
    }
    // the hook is in place before the child exists: a signal at any moment reaches it
    AtomicReference<Process> started = new AtomicReference<>();
    Thread stopChild = new Thread(() -> stop(started.get()), "promshift-stop-child");
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      ProcessBuilder builder = new ProcessBuilder(child.get().command()).inheritIO();
      builder.environment().putAll(child.get().environment());
      started.set(builder.start());
    } catch (IOException | RuntimeException cannotStart) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        return TERMINATED; // stopped before anything ran
      }
      return PromshiftCli.runOnProcessStreams(args, fatal); // this JVM runs the CLI itself
    }
    return waitFor(started.get());
  }

  /** The child for this process, or empty to run here: {@link #childCommand}, then {@link #forCharset}. */
  private static Optional<Child> child(String[] args) {
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<List<String>> command = childCommand(System.getProperty("java.vm.name", ""), System::getProperty,
        System.getenv(), self.command(), self.arguments(), args, ProcessHandle.current().pid());
    if (command.isEmpty()) {
      return Optional.empty();
    }
    Charset platform = platformCharset(System.getProperty("sun.jnu.encoding"));
    if (platform.equals(StandardCharsets.UTF_8)) {
      return Optional.of(new Child(command.get(), Map.of())); // the common case: nothing more to read
    }
    return forCharset(command.get(), args.length, platform, rawCommandLine(), Launcher::utf8LocaleWorks);
  }

  /**
   * The child's command line, or empty when the CLI should run in this JVM (see the class comment).
   *
   * @param vmName {@code java.vm.name}
   * @param properties this JVM's system properties
   * @param env this process's environment
   * @param javaCommand the executable of this process
   * @param jvmArguments every argument of this process after the executable: options, main class or jar,
   *     then {@code args}
   * @param args the program's arguments, as {@code main} got them
   * @param pid this process's pid, for the child to watch
   */
  static Optional<List<String>> childCommand(String vmName, UnaryOperator<String> properties,
      Map<String, String> env, Optional<String> javaCommand, Optional<String[]> jvmArguments, String[] args, long pid) {
    if ("false".equalsIgnoreCase(properties.apply(FORK)) || properties.apply(PARENT) != null) {
      return Optional.empty();
    }
    if (!vmName.contains("HotSpot") && !vmName.contains("OpenJDK")) {
      return Optional.empty();
    }
    if (ENV_OPTIONS.stream().anyMatch(env::containsKey)) {
      return Optional.empty();
    }
    if (javaCommand.isEmpty() || jvmArguments.isEmpty()) {
      return Optional.empty();
    }
    List<String> all = Arrays.asList(jvmArguments.get());
    int before = all.size() - args.length;
    // the program's arguments must be the tail, exactly: otherwise the child would not run what was asked
    if (before < 1 || !all.subList(before, all.size()).equals(Arrays.asList(args))) {
      return Optional.empty();
    }
    List<String> jvm = all.subList(0, before);
    if (jvm.stream().anyMatch(option -> COMPILER_OPTIONS.stream().anyMatch(option::startsWith))) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>(all.size() + CHILD_OPTIONS.size() + 2);
    command.add(javaCommand.get());
    command.addAll(CHILD_OPTIONS);
    command.add("-D" + PARENT + "=" + pid);
    command.addAll(all);
    return Optional.of(command);
  }

  // ---- descriptors and pipes ----------------------------------------------------------------------

  /**
   * Whether an argument, or the value of an {@code --option=value} argument, names an open descriptor or a
   * file that is neither regular nor a directory ({@code isSpecialFile}): only this process can read it.
   */
  static boolean namesADescriptorOrPipe(String[] args, Predicate<String> isSpecialFile) {
    for (String arg : args) {
      int equals = arg.startsWith("-") ? arg.indexOf('=') : -1;
      String value = equals < 0 ? arg : arg.substring(equals + 1);
      if (DESCRIPTOR.matcher(value).matches() || isSpecialFile.test(value)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} is an existing named pipe, device or socket (links followed). */
  static boolean isSpecialFile(String name) {
    if (name.isEmpty() || name.startsWith("-")) {
      return false; // an option, or no file at all: one stat saved per option
    }
    try {
      return Files.readAttributes(Path.of(name), BasicFileAttributes.class).isOther();
    } catch (IOException | InvalidPathException | SecurityException | UnsupportedOperationException e) {
      return false; // no such file (yet): a child reads it as well as this JVM would
    }
  }

  // ---- no locale ----------------------------------------------------------------------------------

  /**
   * The child for a JVM whose platform charset ({@code sun.jnu.encoding}) is not UTF-8, or empty to run
   * here. Only the C locale's ASCII is mended: a locale someone chose (ISO-8859-1, EUC-JP, ...) names the
   * files in its own charset, and Latin-1 even carries every byte as it is. The child is handed its arguments
   * as Java strings, encoded in this charset; whatever does not survive that round trip arrives as something
   * else. So a JVM option or jar path that would not survive means running here (the child would start
   * another program, or none); when the UTF-8 locale works, the child gets it, and the program's arguments,
   * if any would not survive, as bytes in {@value #ARGS}.
   *
   * @param command the child's command line, from {@link #childCommand}
   * @param programArguments how many of the command line's last entries are the program's arguments
   * @param platform this JVM's charset for arguments and file names
   * @param raw this process's command line as bytes: argv[0], then each argument; empty when not known
   * @param utf8LocaleWorks whether {@value #UTF8_LOCALE} can be set, asked only when needed
   */
  static Optional<Child> forCharset(List<String> command, int programArguments, Charset platform,
      Optional<List<byte[]>> raw, BooleanSupplier utf8LocaleWorks) {
    if (!platform.equals(StandardCharsets.US_ASCII)) {
      return Optional.of(new Child(command, Map.of()));
    }
    int launcherArguments = command.size() - CHILD_OPTIONS.size() - 2; // after the executable and our options
    if (raw.isEmpty() || raw.get().size() != launcherArguments + 1) {
      return Optional.of(new Child(command, Map.of())); // as the JVM read it back: the best there is
    }
    List<byte[]> arguments = raw.get().subList(1, raw.get().size());
    int firstProgramArgument = arguments.size() - programArguments;
    for (byte[] option : arguments.subList(0, firstProgramArgument)) {
      if (!survives(option, platform)) {
        return Optional.empty();
      }
    }
    if (!utf8LocaleWorks.getAsBoolean()) {
      return Optional.of(new Child(command, Map.of()));
    }
    List<byte[]> program = arguments.subList(firstProgramArgument, arguments.size());
    if (program.stream().allMatch(argument -> survives(argument, platform))) {
      return Optional.of(new Child(command, Map.of("LC_ALL", UTF8_LOCALE)));
    }
    List<String> withArguments = new ArrayList<>(command);
    withArguments.add(CHILD_OPTIONS.size() + 2, "-D" + ARGS + "=" + encodeArguments(program));
    return Optional.of(new Child(withArguments, Map.of("LC_ALL", UTF8_LOCALE)));
  }

  /** Whether these bytes, decoded and encoded again in {@code charset}, are the same bytes. */
  private static boolean survives(byte[] argument, Charset charset) {
    try {
      String decoded = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(argument)).toString();
      return Arrays.equals(decoded.getBytes(charset), argument);
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * The program's arguments in ASCII: each argument's bytes followed by a NUL (as the kernel keeps a
   * command line; no argument can hold one), all of it in base64.
   */
  static String encodeArguments(List<byte[]> arguments) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] argument : arguments) {
      all.writeBytes(argument);
      all.write(0);
    }
    return Base64.getEncoder().encodeToString(all.toByteArray());
  }

  /**
   * The child's program arguments: those of {@value #ARGS}, decoded as UTF-8 (its locale's charset), when the
   * launcher gave them; else its own.
   */
  static String[] childArguments(String encoded, String[] args) {
    if (encoded == null) {
      return args;
    }
    byte[] all;
    try {
      all = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return args; // not from a launcher of this version: its own are the best there is
    }
    List<String> decoded = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == 0) {
        decoded.add(new String(all, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return decoded.toArray(String[]::new);
  }

  private static Charset platformCharset(String name) {
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.US_ASCII;
    }
  }

  /** This process's command line as the kernel keeps it (Linux): argv[0], then each argument, as bytes. */
  private static Optional<List<byte[]>> rawCommandLine() {
    byte[] all;
    try {
      all = Files.readAllBytes(Path.of("/proc/self/cmdline"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    List<byte[]> arguments = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == 0) {
        arguments.add(Arrays.copyOfRange(all, start, i));
        start = i + 1;
      }
    }
    if (start < all.length) {
      arguments.add(Arrays.copyOfRange(all, start, all.length));
    }
    return Optional.of(arguments);
  }

  /**
   * Whether glibc can set {@value #UTF8_LOCALE}: its folder (Debian, Ubuntu and Fedora ship one), else the
   * answer of {@code locale charmap} under it (glibc 2.35 and later have it built in). Only asked in the C
   * locale, so the common run starts no extra process.
   */
  private static boolean utf8LocaleWorks() {
    for (String folder : List.of("/usr/lib/locale/C.utf8", "/usr/lib/locale/C.UTF-8")) {
      if (Files.isDirectory(Path.of(folder))) {
        return true;
      }
    }
    for (String locale : List.of("/usr/bin/locale", "/bin/locale")) {
      if (!Files.isExecutable(Path.of(locale))) {
        continue;
      }
      try {
        ProcessBuilder builder = new ProcessBuilder(locale, "charmap").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LC_ALL", UTF8_LOCALE);
        Process process = builder.start();
        byte[] answer;
        try (InputStream in = process.getInputStream()) {
          answer = in.readNBytes(64);
        }
        return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0
            && new String(answer, StandardCharsets.US_ASCII).strip().equals("UTF-8");
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  // ---- the launcher's side ------------------------------------------------------------------------

  private static int waitFor(Process child) {
    while (true) {
      try {
        return child.waitFor();
      } catch (InterruptedException e) {
        // nothing interrupts main but shutdown, whose hook stops the child: keep waiting for its code
      }
    }
  }

  /** On the way out: the child gets the same request to stop, and the time to clean up after itself. */
  private static void stop(Process child) {
    if (child == null || !child.isAlive()) {
      return;
    }
    child.destroy();
    try {
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
    }
  }

  // ---- the child's side ---------------------------------------------------------------------------

  /**
   * How the child knows its launcher is gone. A launcher killed outright stays a zombie until its own parent
   * waits for it, and {@link ProcessHandle#isAlive()} says a zombie is alive; but the kernel gives the child
   * a new parent the moment the launcher exits, reaped or not. So when the launcher is this process's
   * parent as the watch begins, a change of parent is the answer; otherwise (the launcher already gone, or
   * not the parent) its liveness and its state in {@code /proc}.
   *
   * @param pid the launcher's pid
   * @param isParent whether the launcher was this process's parent when the watch began
   */
  record LauncherWatch(long pid, boolean isParent) {
    static LauncherWatch of(long pid) {
      return new LauncherWatch(pid, parentPid() == pid);
    }

    boolean gone() {
      if (isParent) {
        return parentPid() != pid;
      }
      Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
      return launcher.isEmpty() || !launcher.get().isAlive() || isZombie(pid);
    }

    private static long parentPid() {
      return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    /** Whether /proc says the process has exited and waits to be reaped (Linux; elsewhere false). */
    private static boolean isZombie(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
        int end = stat.lastIndexOf(')'); // the name, in parentheses, may hold anything
        char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
        return state == 'Z' || state == 'X';
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
  }

  /**
   * In the child: runs the CLI, but stops as if terminated once the launcher is gone (killed outright, it
   * could pass nothing on). Polls, because no portable API reports a parent's death at once; ten times a
   * second costs nothing. The caller's exit then runs the CLI's shutdown hooks: temp files in flight are
   * removed and no write starts after them, as on SIGTERM.
   */
  private static int runWhileAlive(String parentPid, String[] args, Fatal fatal) {
    LauncherWatch watch;
    try {
      watch = LauncherWatch.of(Long.parseLong(parentPid));
    } catch (NumberFormatException e) {
      return TERMINATED; // no launcher to watch: not started by one
    }
    if (watch.gone()) {
      return TERMINATED; // killed before this JVM was up
    }
    AtomicInteger code = new AtomicInteger(PromshiftCli.INTERNAL_ERROR);
    Thread cli = new Thread(() -> code.set(PromshiftCli.runOnProcessStreams(args, fatal)), "promshift");
    cli.start();
    // no allocation per round but the check's: a FutureTask's get would make a TimeoutException every time,
    // and out of memory here used to end main with the JVM's stack trace and exit 1
    while (true) {
      try {
        cli.join(WATCH_MILLIS);
        if (!cli.isAlive()) {
          return code.get(); // never throws: an Error in the CLI is its exit 70 and its one line
        }
        if (watch.gone()) {
          return TERMINATED;
        }
      } catch (InterruptedException e) {
        return TERMINATED;
      } catch (VirtualMachineError e) {
        // out of memory in this thread: the heap is the CLI's too, which meets it and reports it; keep watching
      }
    }
  }
}
