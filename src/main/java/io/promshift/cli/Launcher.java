package io.promshift.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
  /** What the child JVM runs with, ahead of the options the launcher got (a later option wins). */
  static final List<String> CHILD_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

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
      return runWhileAlive(parent, args, fatal);
    }
    if (namesADescriptorOrPipe(args, Launcher::isSpecialFile)) {
      return PromshiftCli.runOnProcessStreams(args, fatal);
    }
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<List<String>> command = childCommand(System.getProperty("java.vm.name", ""), System::getProperty,
        System.getenv(), self.command(), self.arguments(), args, ProcessHandle.current().pid());
    if (command.isEmpty()) {
      return PromshiftCli.runOnProcessStreams(args, fatal);
    }
    // the hook is in place before the child exists: a signal at any moment reaches it
    AtomicReference<Process> child = new AtomicReference<>();
    Thread stopChild = new Thread(() -> stop(child.get()), "promshift-stop-child");
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      child.set(new ProcessBuilder(command.get()).inheritIO().start());
    } catch (IOException | RuntimeException cannotStart) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        return TERMINATED; // stopped before anything ran
      }
      return PromshiftCli.runOnProcessStreams(args, fatal); // this JVM runs the CLI itself
    }
    return waitFor(child.get());
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
