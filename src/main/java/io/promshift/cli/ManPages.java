package io.promshift.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages of {@code promshift} and each of its commands ({@code promshift.1}, {@code
 * promshift-validate.1}, ...) to the folder named by the only argument: picocli's generator writes them as AsciiDoc
 * from the same model the help is made from, and Asciidoctor's manpage backend turns each into roff. Run by the build
 * ({@code mvn package}) for the distribution archive, with picocli-codegen and Asciidoctor on the class path (both
 * provided dependencies: in no jar). Built from {@link HelpText#fullCommandLine()}, as the completion is, so every
 * command is in it.
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ManPages OUTPUT-FOLDER");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path adoc = Files.createDirectories(out.resolve("adoc"));
    // the root's page, and one per command under it
    ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], false,
        HelpText.fullCommandLine().getCommandSpec());
    Path man1 = Files.createDirectories(out.resolve("man1"));
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create(); Stream<Path> pages = Files.list(adoc)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
        Files.write(page, literalAsterisks(Files.readAllLines(page, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        String name = page.getFileName().toString().replaceFirst("\\.adoc$", ".1");
        asciidoctor.convertFile(page.toFile(), Options.builder().backend("manpage").safe(SafeMode.UNSAFE)
            .toFile(new File(man1.toFile(), name)).mkDirs(true).build());
      }
    }
  }

  /**
   * The option descriptions (the indented lines of the generator's AsciiDoc) with each {@code *} written as
   * AsciiDoc's {@code {asterisk}}: the generator does not escape them, and a glob such as {@code '**}{@code
   * /datasources/*.yaml'} would otherwise turn bold.
   */
  static List<String> literalAsterisks(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(line.startsWith("  ") && !line.isBlank() ? line.replace("*", "{asterisk}") : line);
    }
    return out;
  }
}
