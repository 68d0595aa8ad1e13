package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java examples are compiled and run as written, so they cannot drift from the API. */
class ReadmeExampleTest {

  @Test
  void theTreeExampleValidatesThenMigratesTheSamplesToAFolder(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Path input = Path.of("samples/provisioning/datasources/10-amp-eu-west-1.yaml");
    byte[] before = Files.readAllBytes(input);
    String printed = run(dir, "TreeExample", out.toString());

    assertThat(printed).contains("0 errors, ").contains("changed (1 data source)")
        .containsPattern("\\d+ files: \\d+ changed \\(\\d+ data sources to plugin types\\)");
    Path migrated = out.resolve("datasources/10-amp-eu-west-1.yaml");
    assertThat(migrated).exists();
    assertThat(Files.readString(migrated)).contains("type: grafana-amazonprometheus-datasource");
    try (Stream<Path> written = Files.walk(out)) {
      assertThat(written.filter(Files::isRegularFile).count()).as("every processed file is in the output tree")
          .isGreaterThan(3);
    }
    assertThat(Files.readAllBytes(input)).as("the input is untouched").isEqualTo(before);
    assertThat(Files.readAllBytes(migrated)).isNotEqualTo(before);
  }

  @Test
  void theFileExampleReadsAndMigratesOneFile(@TempDir Path dir) throws Exception {
    assertThat(run(dir, "FileExample"))
        .contains("\"AMP Production\" prometheus -> grafana-amazonprometheus-datasource")
        .contains("\"AMP Batch\": prometheus -> grafana-amazonprometheus-datasource (marker ADDED)")
        .contains("+    type: grafana-amazonprometheus-datasource");
  }

  @Test
  void theFixExampleFixesTheSampleThatMigratesOnlyAfterAFix(@TempDir Path dir) throws Exception {
    Path input = Path.of("samples/needs-fix/amp-written-for-grafana-9.3.yaml");
    byte[] before = Files.readAllBytes(input);
    assertThat(run(dir, "FixExample"))
        .contains("16:18 [sigv4-auth-not-boolean] sigV4Auth: yes → true")
        .contains("[sigv4-ignored-key] assumeRoleArn → sigV4AssumeRoleArn")
        .contains("2 data sources move to a plugin type after the fix");
    assertThat(Files.readAllBytes(input)).as("the input is untouched").isEqualTo(before);
  }

  /** Compiles the README's block declaring {@code className}, runs its main, returns what it printed. */
  private static String run(Path dir, String className, String... args) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    String code = null;
    while (block.find()) {
      if (block.group(1).contains("public class " + className + " ")) {
        code = block.group(1);
      }
    }
    assertThat(code).as("README has a ```java block with class " + className).isNotNull();
    Path classes = Files.createDirectories(dir.resolve(className));
    Path source = classes.resolve(className + ".java");
    Files.writeString(source, code);

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = compiler.run(null, diagnostics, diagnostics,
        "-d", classes.toString(), "-cp", classpath, "--release", "17", source.toString());
    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String entry : classpath.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) args);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
