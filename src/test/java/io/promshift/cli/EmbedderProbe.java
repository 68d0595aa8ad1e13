package io.promshift.cli;

import io.promshift.Promshift;
import java.nio.file.Path;

/** Run by {@link CliProcessIT} as an embedder would: validates the one file named and prints how many findings. */
public final class EmbedderProbe {
  private EmbedderProbe() {}

  public static void main(String[] args) {
    System.out.println(Promshift.create().validate(Path.of(args[0])).findings().size());
  }
}
