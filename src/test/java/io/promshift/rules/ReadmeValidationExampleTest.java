package io.promshift.rules;

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
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's validation example is compiled and run as written. */
class ReadmeValidationExampleTest {

  @Test
  void theReadmeValidationExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    String example = null;
    while (block.find()) {
      if (block.group(1).contains("class ValidateExample")) {
        example = block.group(1);
      }
    }
    assertThat(example).as("README has the validation example").isNotNull();
    Path source = dir.resolve("ValidateExample.java");
    Files.writeString(source, example);

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = compiler.run(null, diagnostics, diagnostics,
        "-d", dir.toString(), "-cp", classpath, "--release", "17", source.toString());
    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    List<URL> urls = new ArrayList<>();
    urls.add(dir.toUri().toURL());
    for (String entry : classpath.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
      Method main = loader.loadClass("ValidateExample").getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("samples/invalid/empty-region.yaml:13:20: error [sigv4-region-missing]");
    assertThat(readme).as("the README quotes the real output").contains(out.lines().filter(l -> l.contains("13:20"))
        .findFirst().orElseThrow());
  }
}
