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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example is compiled and run as written, so it cannot drift from the API. */
class ReadmeExampleTest {

  @Test
  void theReadmeJavaExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("README has a ```java block").isTrue();
    Path source = dir.resolve("Example.java");
    Files.writeString(source, block.group(1));

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = compiler.run(null, diagnostics, diagnostics,
        "-d", dir.toString(), "-cp", classpath, "--release", "17", source.toString());
    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    List<URL> urls = new java.util.ArrayList<>();
    urls.add(dir.toUri().toURL());
    for (String entry : classpath.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
      Method main = loader.loadClass("Example").getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("\"AMP Production\" prometheus -> grafana-amazonprometheus-datasource")
        .contains("\"AMP Batch\": prometheus -> grafana-amazonprometheus-datasource (marker ADDED)")
        .contains("+    type: grafana-amazonprometheus-datasource");
  }
}
