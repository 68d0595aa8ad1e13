package io.promshift.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Writes the bash/zsh completion script of {@code promshift} (picocli's generator) to the file named by the
 * only argument. Run by the build ({@code mvn package}) for the distribution archive. Not picocli's own {@code
 * AutoComplete} main: promshift's commands are not annotated classes but {@link CommandModel}s, which {@link
 * HelpText} turns into picocli's model.
 */
public final class CompletionScript {
  private CompletionScript() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CompletionScript OUTPUT-FILE");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path folder = out.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    Files.writeString(out, AutoComplete.bash("promshift", HelpText.fullCommandLine()), StandardCharsets.UTF_8);
  }
}
