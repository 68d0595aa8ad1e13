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
 * The layers, lowest first, each package using only what is below it:
 *
 * <pre>
 * text &lt; syntax &lt; grafana &lt; model &lt; embed &lt; {patch, rules} &lt; migrate &lt; io &lt; report &lt; config &lt; root
 *     &lt; {cli, maven}
 * </pre>
 *
 * and the adapters ({@code cli}, {@code maven}) see only the root (the {@code Promshift} facade and its settings),
 * {@code config} (a project's {@code .promshift.yaml}: found, read and handed to the settings), {@code report} and
 * {@code io}: they map options, call the facade and render. The library stays pure: only the adapter packages may see their frameworks. {@code io.promshift.maven} is the
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

  /** Each package's rank; packages of one rank do not see each other. */
  private static final java.util.Map<String, Integer> LAYERS = java.util.Map.ofEntries(
      java.util.Map.entry("text", 0), java.util.Map.entry("syntax", 1), java.util.Map.entry("grafana", 2),
      java.util.Map.entry("model", 3), java.util.Map.entry("embed", 4), java.util.Map.entry("patch", 5),
      java.util.Map.entry("rules", 5), java.util.Map.entry("migrate", 6), java.util.Map.entry("io", 7),
      java.util.Map.entry("report", 8), java.util.Map.entry("config", 9), java.util.Map.entry("", 10),
      java.util.Map.entry("cli", 11), java.util.Map.entry("maven", 11));
  private static final List<String> ADAPTER_VIEW = List.of("", "config", "report", "io");
  private static final Pattern PROMSHIFT_NAME = Pattern.compile("(?<![\\w.])io\\.promshift\\.([a-z]+)\\.[A-Z]");

  @Test
  void everyPackageUsesOnlyTheLayersBelowIt() {
    List<String> offenders = new ArrayList<>();
    for (Source source : sources) {
      String from = layer(source.packageName());
      assertThat(LAYERS).as("%s is in the layer table", source.path()).containsKey(from);
      List<String> used = new ArrayList<>();
      for (String imported : source.imports()) {
        if (inPackage(imported, "io.promshift")) {
          used.add(layer(imported.substring(0, imported.lastIndexOf('.'))));
        }
      }
      Matcher qualified = PROMSHIFT_NAME.matcher(source.code());
      while (qualified.find()) {
        used.add(qualified.group(1));
      }
      for (String to : used) {
        boolean adapter = from.equals("cli") || from.equals("maven");
        boolean allowed = to.equals(from) || (LAYERS.containsKey(to) && LAYERS.get(to) < LAYERS.get(from))
            && (!adapter || ADAPTER_VIEW.contains(to));
        if (!allowed) {
          offenders.add(source.path() + " (" + display(from) + ") uses " + display(to));
        }
      }
    }
    assertThat(offenders).as("uses against the layer table").isEmpty();
  }

  @Test
  void theLayerTableCatchesAnUpwardUse() {
    // the check above, on a made-up source: rules may not use migrate, the CLI may not use model
    assertThat(LAYERS.get("migrate")).isGreaterThan(LAYERS.get("rules"));
    assertThat(ADAPTER_VIEW).doesNotContain("model", "rules", "migrate");
    assertThat(layer("io.promshift")).isEmpty();
    assertThat(layer("io.promshift.report")).isEqualTo("report");
  }

  /** "" for the root package, else the package's first segment below io.promshift. */
  private static String layer(String packageName) {
    if (packageName.equals("io.promshift")) {
      return "";
    }
    String rest = packageName.substring("io.promshift.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static String display(String layer) {
    return layer.isEmpty() ? "root" : layer;
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
