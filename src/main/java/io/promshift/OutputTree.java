package io.promshift;

import io.promshift.io.AtomicWriter;
import io.promshift.io.FileSet;
import io.promshift.text.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a migration's files go, decided before anything is written: each input under an output folder at its
 * path relative to its root, never two inputs to one output, never an input over itself; and, in place, each
 * file once however many links reach it.
 */
final class OutputTree {
  private final Path folder;
  private final List<FileSet.Found> inputs;
  /** Files under the output folder that the walk left out as earlier output (absolute, normalised). */
  private final Set<Path> earlierOutput;

  private OutputTree(Path folder, List<FileSet.Found> inputs, Set<Path> earlierOutput) {
    this.folder = folder;
    this.inputs = List.copyOf(inputs);
    this.earlierOutput = Set.copyOf(earlierOutput);
  }

  /**
   * Where the files found go under {@code folder}: those found, less any inside the output folder itself when it
   * lies within their root (a rerun must not read the last run's output and nest it one level deeper).
   *
   * @throws PromshiftUsageException when two inputs would be written to one output, or an output is an input
   */
  static OutputTree plan(Path folder, List<FileSet.Found> found) {
    if (folder.toString().isEmpty()) {
      throw new PromshiftUsageException("the output folder is empty, which would be the current directory"
          + " (an unset variable?)");
    }
    Path out = absolute(folder);
    List<FileSet.Found> inputs = new ArrayList<>(found.size());
    Set<Path> earlierOutput = new HashSet<>();
    for (FileSet.Found file : found) {
      boolean named = file.root().equals(file.file());
      Path root = absolute(file.root());
      if (!named && out.startsWith(root) && !out.equals(root) && absolute(file.file()).startsWith(out)) {
        earlierOutput.add(absolute(file.file())); // the last run's output, inside the tree it was made from
        continue;
      }
      inputs.add(file);
    }
    Map<Path, FileSet.Found> byTarget = new HashMap<>();
    Map<Path, Path> inputByReal = new HashMap<>();
    for (FileSet.Found file : inputs) {
      inputByReal.put(real(file.file()), file.file());
    }
    for (FileSet.Found file : inputs) {
      Path target = absolute(folder.resolve(file.relative()));
      FileSet.Found other = byTarget.putIfAbsent(target, file);
      if (other != null) {
        throw new PromshiftUsageException(other.file() + " and " + file.file() + " would both be written to "
            + target + "; migrate their roots one at a time, or to different folders");
      }
      Path overwritten = inputByReal.get(real(target));
      if (overwritten != null) {
        throw new PromshiftUsageException("writing to " + folder + " would overwrite the input " + overwritten
            + " with its own output; choose an output folder outside the inputs, or rewrite in place");
      }
    }
    return new OutputTree(folder, inputs, earlierOutput);
  }

  /** The files to migrate, in the order found. */
  List<FileSet.Found> inputs() {
    return inputs;
  }

  /** Where an input's output goes: its path relative to its root, under the folder. */
  Path target(FileSet.Found input) {
    return folder.resolve(input.relative());
  }

  /**
   * Writes an input's output. A file the walk left out as earlier output is replaced only when it holds what this
   * run writes there anyway: otherwise it may be a file of the user's own that happens to lie under the output
   * folder (inside the input tree), and it is left alone, the write refused.
   */
  Path write(AtomicWriter writer, FileSet.Found input, byte[] content) throws IOException {
    Path target = target(input);
    Path linked = linkBelowFolder(target);
    if (linked != null) {
      throw new AtomicWriter.RefusedException("not written: " + linked + " in the output folder is a symbolic link;"
          + " writing through it could replace a file outside " + folder);
    }
    if (earlierOutput.contains(absolute(target)) && !holds(target, content)) {
      throw new AtomicWriter.RefusedException("not written: " + target + " lies inside the input tree and holds"
          + " something other than this run's output of " + input.file() + " (a file of its own, or an output of"
          + " an earlier version of it); move the output folder out of the inputs, or remove " + target
          + " if it is an earlier output");
    }
    writer.write(target, content, input.file());
    return target;
  }

  /** The first folder between the output folder and the target that is a symbolic link, or null. */
  private Path linkBelowFolder(Path target) {
    Path relative = folder.relativize(target);
    Path at = folder;
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      at = at.resolve(relative.getName(i));
      if (Files.isSymbolicLink(at)) {
        return at;
      }
    }
    return null;
  }

  private static boolean holds(Path file, byte[] content) {
    try {
      return Arrays.equals(SourceFiles.limitedTo(content.length).snapshot(file).bytes(), content);
    } catch (IOException e) {
      return false; // over the length of the new content, or unreadable: not the same
    }
  }

  /**
   * Files reached a second time through a symbolic link (both inside the roots), each with the path it was
   * first reached by: written in place once, by that first path, never by two workers at once.
   */
  static Map<FileSet.Found, Path> reachedTwice(List<FileSet.Found> files) {
    Map<Path, Path> firstByReal = new HashMap<>();
    Map<FileSet.Found, Path> later = new HashMap<>();
    for (FileSet.Found found : files) {
      Path real;
      try {
        real = found.file().toRealPath();
      } catch (IOException e) {
        continue; // reading it will say what is wrong
      }
      Path first = firstByReal.putIfAbsent(real, found.file());
      if (first != null) {
        later.put(found, first);
      }
    }
    return later;
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** The path with every link resolved as far as the file system goes; the rest as written. */
  private static Path real(Path path) {
    Path absolute = absolute(path);
    Path existing = absolute;
    Path rest = null;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      Path resolved = existing.toRealPath();
      return rest == null ? resolved : resolved.resolve(rest);
    } catch (IOException e) {
      return absolute;
    }
  }
}
