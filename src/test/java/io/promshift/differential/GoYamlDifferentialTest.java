package io.promshift.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.cli.PromshiftCli;
import io.promshift.io.FileSet;
import io.promshift.testing.Corpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * promshift against the real go-yaml v3: every file is read by {@code .ci/goyaml} (go-yaml v3 into mirrors of
 * Grafana's provisioning structs) and by {@code promshift inspect --format json}, and the two views must agree — the
 * same refusal, or the same data for every data source.
 *
 * <p>Runs only when told where the Go program is ({@code -Dpromshift.goyaml.view=PATH}; {@code .ci/run} builds it), so
 * that {@code mvn verify} never needs Go. Inputs: the reproducers in {@code src/test/resources/goyaml}, the shared
 * corpus when present, and {@code -Dpromshift.goyaml.files} (default 5,000) files from {@link TrickyYaml} with
 * {@code -Dpromshift.goyaml.seed} (default fixed). Prints the counts and each disagreement class with its shortest
 * example.
 *
 * <p>Not compared, by policy: files promshift does not read on purpose (templates, safety limits: inspect says
 * "unknown"; a file Grafana reads as something else than it says, such as two byte order marks: "misreads"), secret
 * values (masked on both sides), and where a refusal is placed (go-yaml's line is often that of the construct around
 * the problem; it is reported).
 */
@EnabledIfSystemProperty(named = "promshift.goyaml.view", matches = ".+")
class GoYamlDifferentialTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long DEFAULT_SEED = 20261206L;
  private static final String MASK = "••••••";

  @Test
  void promshiftReadsEveryFileAsGoYamlV3Does(@TempDir Path tmp) throws Exception {
    Path view = Path.of(System.getProperty("promshift.goyaml.view"));
    long seed = Long.getLong("promshift.goyaml.seed", DEFAULT_SEED);
    int count = Integer.getInteger("promshift.goyaml.files", 5000);
    Path in = Files.createDirectories(tmp.resolve("in"));

    Map<String, String> origin = new TreeMap<>();
    int n = 0;
    for (Path reproducer : reproducers()) {
      String name = String.format("%05d-reproducer-%s", n++, reproducer.getFileName());
      Files.copy(reproducer, in.resolve(name));
      origin.put(name, "reproducer " + reproducer.getFileName());
    }
    for (Path file : corpus()) {
      String name = String.format("%05d-corpus-%s", n++, file.getFileName());
      Files.copy(file, in.resolve(name));
      origin.put(name, "corpus " + Corpus.shared().relativize(file));
    }
    TrickyYaml generator = new TrickyYaml(seed);
    for (int i = 0; i < count; i++) {
      String name = String.format("%05d-generated.yaml", n++);
      Files.writeString(in.resolve(name), generator.next(), StandardCharsets.UTF_8);
      origin.put(name, "generated (seed " + seed + ", #" + i + ")");
    }

    Map<String, JsonNode> go = goViews(view, in, new ArrayList<>(origin.keySet()));
    Map<String, JsonNode> promshift = promshiftViews(in);

    Map<String, List<String>> classes = new TreeMap<>();
    int agree = 0;
    Map<String, Integer> policy = new TreeMap<>();
    Map<String, List<String>> placedElsewhere = new TreeMap<>();
    for (String name : origin.keySet()) {
      JsonNode g = go.get(name);
      JsonNode p = promshift.get(name);
      String disagreement = compare(g, p);
      if (disagreement == null) {
        agree++;
        if (positionDiffers(g, p)) {
          placedElsewhere.computeIfAbsent(reason(g), k -> new ArrayList<>()).add(name);
        }
      } else if (disagreement.equals(POLICY)) {
        String why = p.path("grafana").asString().equals("misreads") ? "misread"
            : p.path("error").path("code").asString();
        policy.merge(why, 1, Integer::sum);
      } else {
        classes.computeIfAbsent(disagreement, k -> new ArrayList<>()).add(name);
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(String.format("go-yaml differential: %d files (%d reproducers and corpus, %d generated, seed %d):"
            + " %d agree, %d not compared by policy %s, %d disagree in %d classes; %d agreeing refusals placed on"
            + " another line than go-yaml's%n", origin.size(), origin.size() - count, count, seed, agree,
        policy.values().stream().mapToInt(Integer::intValue).sum(), policy,
        classes.values().stream().mapToInt(List::size).sum(), classes.size(),
        placedElsewhere.values().stream().mapToInt(List::size).sum()));
    for (Map.Entry<String, List<String>> entry : placedElsewhere.entrySet()) {
      String shortest = entry.getValue().stream()
          .min(Comparator.comparingLong(name -> size(in.resolve(name)))).orElseThrow();
      report.append(String.format("  placed elsewhere: %s: %d files, e.g. %s (go-yaml line %d, promshift %s)%n",
          entry.getKey(), entry.getValue().size(), shortest, go.get(shortest).path("line").asInt(),
          promshift.get(shortest).path("error").path("line").asInt()));
    }
    for (Map.Entry<String, List<String>> entry : classes.entrySet()) {
      String shortest = entry.getValue().stream()
          .min(Comparator.comparingLong(name -> size(in.resolve(name)))).orElseThrow();
      report.append(String.format("%n== %s: %d files; shortest: %s (%s)%n--- file%n%s%n--- go-yaml%n%s%n"
              + "--- promshift%n%s%n", entry.getKey(), entry.getValue().size(), shortest, origin.get(shortest),
          show(new String(Files.readAllBytes(in.resolve(shortest)), StandardCharsets.UTF_8)), go.get(shortest),
          promshift.get(shortest)));
    }
    System.out.println(report);
    assertThat(classes).as(report.toString()).isEmpty();
  }

  private static final String POLICY = "policy";

  /** Null when the two views agree; else the disagreement's class. */
  static String compare(JsonNode go, JsonNode promshift) {
    if (go == null || promshift == null) {
      return "missing output (go " + (go != null) + ", promshift " + (promshift != null) + ")";
    }
    String g = go.path("grafana").asString();
    String p = promshift.path("grafana").asString();
    if (p.equals("unknown") || p.equals("misreads")) {
      return POLICY; // promshift's own policy stopped the read, or it refuses on purpose what Grafana misreads
    }
    if (g.equals("panics")) {
      // Debian's go-yaml 3.0.1 panics where Grafana's fork (go.yaml.in/yaml/v3) returns an error: a refusal either way
      g = "refuses";
    }
    if (!g.equals(p)) {
      return "go-yaml " + g + ", promshift " + p + (g.equals("refuses") ? ": " + reason(go) : ": "
          + promshift.path("error").path("code").asString() + ": " + reason(promshift.path("error")));
    }
    if (g.equals("refuses")) {
      return null;
    }
    if (go.path("apiVersion").asLong() != promshift.path("apiVersion").asLong()) {
      return "apiVersion differs";
    }
    String where = difference("", strip(go.path("dataSources")), strip(promshift.path("dataSources")));
    if (where == null) {
      where = difference("", strip(go.path("deleteDataSources")), strip(promshift.path("deleteDataSources")));
    }
    return where == null ? null : "data differs at " + generalise(where);
  }

  /** A go-yaml refusal's kind, for the class name: its message without values and line numbers. */
  private static String reason(JsonNode go) {
    String message = go.path("message").asString();
    message = message.replaceAll("line \\d+", "line N").replaceAll("column \\d+", "column N").replaceAll("`[^`]*`", "`…`").replaceAll("\"[^\"]*\"", "\"…\"")
        .replaceAll("'[^']*'", "'…'").replace("yaml: unmarshal errors:\n  ", "");
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The data of a view, without what only promshift shows (positions, paths). */
  private static JsonNode strip(JsonNode list) {
    if (!list.isArray()) {
      return list;
    }
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode item : list) {
      if (item instanceof ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("line", "column", "path", "shape"));
        items.add(copy);
      } else {
        items.add(item);
      }
    }
    return JSON.valueToTree(items);
  }

  /** Where two values first differ (a JSON pointer), or null; numbers by kind and value, masks match any text. */
  static String difference(String at, JsonNode go, JsonNode promshift) {
    if (go.isString() && promshift.isString() && promshift.asString().contains(MASK)) {
      return null; // a secret promshift masks; go-yaml's side shows it
    }
    if (go.isObject() && promshift.isObject()) {
      List<String> names = new ArrayList<>();
      go.propertyNames().forEach(names::add);
      List<String> theirs = new ArrayList<>();
      promshift.propertyNames().forEach(theirs::add);
      if (!new java.util.TreeSet<>(names).equals(new java.util.TreeSet<>(theirs))) {
        return at + " (keys " + new java.util.TreeSet<>(names) + " vs " + new java.util.TreeSet<>(theirs) + ")";
      }
      if (isSecure(at)) {
        return null; // secureJsonData: masked on both sides, so keys only
      }
      for (String name : names) {
        String d = difference(at + "/" + name, go.get(name), promshift.get(name));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (go.isArray() && promshift.isArray()) {
      if (go.size() != promshift.size()) {
        return at + " (" + go.size() + " vs " + promshift.size() + " items)";
      }
      for (int i = 0; i < go.size(); i++) {
        String d = difference(at + "/" + i, go.get(i), promshift.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (go.isNumber() && promshift.isNumber()) {
      boolean goInt = go.isIntegralNumber();
      if (goInt != promshift.isIntegralNumber()) {
        return at + " (" + (goInt ? "int" : "float") + " vs " + (goInt ? "float" : "int") + ")";
      }
      boolean same = goInt ? go.bigIntegerValue().equals(promshift.bigIntegerValue())
          : go.doubleValue() == promshift.doubleValue();
      return same ? null : at + " (value)";
    }
    if (go.getNodeType() != promshift.getNodeType()) {
      return at + " (" + go.getNodeType() + " vs " + promshift.getNodeType() + ")";
    }
    return go.equals(promshift) ? null : at + " (value)";
  }

  private static boolean isSecure(String at) {
    return at.endsWith("/secureJsonData");
  }

  /** A pointer as a class name: list indexes and jsonData's own keys folded. */
  private static String generalise(String where) {
    return where.replaceAll("/\\d+", "/N").replaceAll("(/jsonData|/correlations/N)/[^ ]*?( \\()", "$1/…$2");
  }

  /** Refusals on both sides on different lines, when go-yaml names one. */
  private static boolean positionDiffers(JsonNode go, JsonNode promshift) {
    if (!go.path("grafana").asString().equals("refuses") || !go.has("line")) {
      return false;
    }
    return go.path("line").asInt() != promshift.path("error").path("line").asInt();
  }

  private static Map<String, JsonNode> goViews(Path view, Path in, List<String> names)
      throws IOException, InterruptedException {
    Map<String, JsonNode> views = new HashMap<>();
    for (int from = 0; from < names.size(); from += 500) {
      List<String> command = new ArrayList<>();
      command.add(view.toAbsolutePath().toString());
      command.addAll(names.subList(from, Math.min(names.size(), from + 500)));
      Process process = new ProcessBuilder(command).directory(in.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as("the go-yaml view exits 0").isZero();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          JsonNode node = JSON.readTree(line);
          views.put(node.path("file").asString(), node);
        }
      }
    }
    return views;
  }

  private static Map<String, JsonNode> promshiftViews(Path in) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PromshiftCli.run(new PrintWriter(out), new PrintWriter(err), "inspect", "--format", "json",
        "--embedded", "off", "--quiet", in.toString());
    assertThat(code).as(err.toString()).isIn(0, 2);
    Map<String, JsonNode> views = new HashMap<>();
    for (JsonNode file : JSON.readTree(out.toString()).path("files")) {
      views.put(Path.of(file.path("file").asString()).getFileName().toString(), file);
    }
    return views;
  }

  private static List<Path> reproducers() throws IOException, URISyntaxException {
    Path dir = Path.of(GoYamlDifferentialTest.class.getResource("/goyaml").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<Path> corpus() {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("real", "synthetic", "derived", "embedded", "templated")) {
      Path dir = Corpus.shared().resolve("corpus").resolve(folder);
      if (Files.isDirectory(dir)) {
        files.addAll(FileSet.of(dir).files());
      }
    }
    return files;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  /** A file's text with its invisible characters made visible. */
  private static String show(String text) {
    StringBuilder out = new StringBuilder();
    for (Iterator<Integer> it = text.codePoints().iterator(); it.hasNext(); ) {
      int c = it.next();
      if (c == '\n') {
        out.append("⏎\n");
      } else if (c == '\t') {
        out.append("→");
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
        out.append(String.format("<U+%04X>", c));
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }
}
