package io.promshift.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Temp trees for the CLI tests: copies of samples/, and snapshots of every file's bytes and mtime. */
final class Trees {
  /** An old mtime, set on copies so that a rewrite shows. */
  static final FileTime OLD = FileTime.fromMillis(1_600_000_000_000L);

  private Trees() {}

  /** Copies a folder (bytes exact), every file's mtime set to {@link #OLD}. */
  static Path copy(Path from, Path to) {
    try {
      Files.walkFileTree(from, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(to.resolve(from.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Path target = to.resolve(from.relativize(file).toString());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setLastModifiedTime(target, OLD);
          return FileVisitResult.CONTINUE;
        }
      });
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      Files.setLastModifiedTime(file, OLD);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under a root (relative path → bytes as a string of ISO-8859-1 chars: exact). */
  static Map<String, String> contents(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(file -> {
        try {
          files.put(root.relativize(file).toString(), new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Every file's mtime under a root. */
  static Map<String, FileTime> mtimes(Path root) {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(file -> {
        try {
          times.put(root.relativize(file).toString(), Files.getLastModifiedTime(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return times;
  }
}
