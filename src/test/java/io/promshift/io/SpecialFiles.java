package io.promshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Named pipes, deep trees and child processes for the file tests: what the Java API cannot make itself. */
final class SpecialFiles {
  private SpecialFiles() {}

  /** A named pipe at {@code path} (mkfifo(1)). */
  static Path fifo(Path path) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo(1)");
    Process mkfifo = new ProcessBuilder("/usr/bin/mkfifo", path.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    return path;
  }

  static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Runs bash with {@code script}; fails the test when it fails. */
  static void bash(String script) throws IOException, InterruptedException {
    Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(out).isZero();
  }

  /**
   * The compiled main and test classes alone: all a child needs here, and readable by another user, which the
   * local Maven repository is not.
   */
  private static String classDirectories() {
    List<String> directories = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (Files.isDirectory(Path.of(entry))) {
        directories.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(java.io.File.pathSeparator, directories);
  }

  /** What a child JVM printed and how it ended. */
  record Child(int code, String out) {}

  /**
   * Runs {@code mainClass} of the test class path in a new JVM, with only {@code env} as its environment and
   * {@code prefix} (such as setpriv) before java.
   */
  static Child java(List<String> prefix, Map<String, String> env, Class<?> mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classDirectories());
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Child(process.exitValue(), out);
  }
}
