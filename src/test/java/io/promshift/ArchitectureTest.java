package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library stays pure: only the adapter packages may see their frameworks. {@code io.promshift.maven} is the
 * only package that imports {@code org.apache.maven} (the Maven API is a provided dependency: on the plugin's
 * class path only inside Maven), and {@code io.promshift.cli} the only one that imports {@code picocli} (an
 * optional dependency, bundled only in the CLI jar).
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
  /** Comments, and the package and import lines (read separately): what is left is code. */
  private static final Pattern NOT_CODE =
      Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*|(?m)^(?:package|import)\\s[^;]*;");

  private record Source(Path path, String packageName, List<String> imports, String code) {}

  private static List<Source> sources;

  @BeforeAll
  static void read() throws IOException {
    sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(MAIN)) {
      for (Path path : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        Matcher pkg = PACKAGE.matcher(text);
        String packageName = pkg.find() ? pkg.group(1) : "";
        List<String> imports = new ArrayList<>();
        Matcher imp = IMPORT.matcher(text);
        while (imp.find()) {
          imports.add(imp.group(1));
        }
        sources.add(new Source(path, packageName, imports, NOT_CODE.matcher(text).replaceAll(" ")));
      }
    }
    assertThat(sources).as("main sources found").hasSizeGreaterThan(50);
  }

  @Test
  void onlyTheMavenAdapterImportsMaven() {
    assertOnlyIn("io.promshift.maven", "org.apache.maven");
  }

  @Test
  void onlyTheCliImportsPicocli() {
    assertOnlyIn("io.promshift.cli", "picocli");
  }

  @Test
  void theAdaptersDoNotDependOnEachOther() {
    for (Source source : sources) {
      if (inPackage(source.packageName(), "io.promshift.maven")) {
        assertThat(source.imports()).as(source.path().toString()).noneMatch(i -> inPackage(i, "io.promshift.cli"));
      }
      if (inPackage(source.packageName(), "io.promshift.cli")) {
        assertThat(source.imports()).as(source.path().toString()).noneMatch(i -> inPackage(i, "io.promshift.maven"));
      }
    }
  }

  @Test
  void theAdaptersExist() {
    assertThat(sources).anyMatch(s -> s.packageName().equals("io.promshift.maven") && s.imports().stream()
        .anyMatch(i -> inPackage(i, "org.apache.maven")));
    assertThat(sources).anyMatch(s -> s.packageName().equals("io.promshift.cli") && s.imports().stream()
        .anyMatch(i -> inPackage(i, "picocli")));
  }

  /** Neither an import nor a fully qualified name in code outside {@code adapter} names {@code framework}. */
  private static void assertOnlyIn(String adapter, String framework) {
    List<String> offenders = new ArrayList<>();
    Pattern qualified = Pattern.compile("(?<![\\w.])" + Pattern.quote(framework) + "\\.");
    for (Source source : sources) {
      if (inPackage(source.packageName(), adapter)) {
        continue;
      }
      for (String imported : source.imports()) {
        if (inPackage(imported, framework)) {
          offenders.add(source.path() + " imports " + imported);
        }
      }
      if (qualified.matcher(source.code()).find()) {
        offenders.add(source.path() + " names " + framework + " in its code");
      }
    }
    assertThat(offenders).as("only %s may use %s", adapter, framework).isEmpty();
  }

  private static boolean inPackage(String name, String prefix) {
    return name.equals(prefix) || name.startsWith(prefix + ".");
  }
}
