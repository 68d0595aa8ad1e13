package io.promshift.io;

import java.nio.file.Path;
import java.util.Objects;

/** What a migration does with its results: nothing (a dry run or a check), rewrite in place, or write a copy. */
public sealed interface WriteMode {
  /** Nothing is written. */
  static WriteMode none() {
    return None.INSTANCE;
  }

  /** Changed files are rewritten in place, atomically and durably; unchanged files are not touched. */
  static WriteMode inPlace() {
    return InPlace.INSTANCE;
  }

  /** Every processed file, changed or not, is written to its path relative to its root under {@code folder}. */
  static WriteMode toFolder(Path folder) {
    return new ToFolder(folder);
  }

  /** Nothing is written. */
  enum None implements WriteMode { INSTANCE }

  /** Rewrite in place. */
  enum InPlace implements WriteMode { INSTANCE }

  /** Write a copy of every processed file under {@code folder}. */
  record ToFolder(Path folder) implements WriteMode {
    public ToFolder {
      Objects.requireNonNull(folder, "folder");
    }
  }
}
