package io.promshift.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.cli.PromshiftCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every reproducer in {@code src/test/resources/goyaml} (one per class of disagreement found between promshift and
 * go-yaml v3) against what the real go-yaml v3 made of it, recorded in {@code goyaml-views.jsonl} by
 * {@code .ci/goyaml}: so {@code mvn verify} guards each class without Go. After adding a reproducer, record again:
 * {@code (cd src/test/resources/goyaml && /tmp/grafana-view *.yaml > ../goyaml-views.jsonl)}.
 */
class RecordedGoYamlViewsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<String> reproducers() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reproducers")
  void promshiftReadsTheReproducerAsGoYamlV3Did(String name) throws Exception {
    JsonNode go = recorded(name);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PromshiftCli.run(new PrintWriter(out), new PrintWriter(err), "inspect", "--format", "json", "--embedded", "off",
        folder().resolve(name).toString());
    JsonNode promshift = JSON.readTree(out.toString()).path("files").get(0);
    if (promshift.path("grafana").asString().equals("misreads")) {
      // refused on purpose (a deliberate policy): go-yaml reads the file, but not as it is written
      assertThat(go.path("grafana").asString()).isEqualTo("reads");
      return;
    }
    assertThat(GoYamlDifferentialTest.compare(go, promshift))
        .as("go-yaml: %s%npromshift: %s%nstderr: %s", go, promshift, err).isNull();
  }

  /** go-yaml's recorded views, by file name: read once for every reproducer. */
  private static Map<String, JsonNode> views;

  private static synchronized JsonNode recorded(String name) throws IOException, URISyntaxException {
    if (views == null) {
      Path file = Path.of(RecordedGoYamlViewsTest.class.getResource("/goyaml-views.jsonl").toURI());
      Map<String, JsonNode> read = new HashMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        JsonNode view = JSON.readTree(line);
        read.put(view.path("file").asString(), view);
      }
      views = read;
    }
    JsonNode view = views.get(name);
    if (view == null) {
      throw new AssertionError("no recorded go-yaml view of " + name + ": record the views again");
    }
    return view;
  }

  private static Path folder() throws URISyntaxException {
    return Path.of(RecordedGoYamlViewsTest.class.getResource("/goyaml").toURI());
  }
}
