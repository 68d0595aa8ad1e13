package io.promshift.report;

import io.promshift.model.Secrets;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Suppressed;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, as code-scanning tools load it: one run whose {@code tool.driver.rules} describes every rule
 * of the {@link Code} once, and one result per finding with its rule, level, message and location
 * (columns counted in Unicode code points, as {@code run.columnKind} says). A finding inside an embedded unit also
 * names the YAML path of its value, as a logical location and in its properties. A finding suppressed by a comment in
 * its file ({@code # promshift-disable-line RULE}) is a result too, after the others, with a {@code suppressions}
 * entry of kind {@code inSource} locating the comment (SARIF 2.1.0 §3.35), which code-scanning tools show as
 * closed: it is kept, and never counted as open.
 */
final class SarifReport implements FindingsReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/promshift/promshift";
  /**
   * Where each rule is explained: the README's rule catalogue (the table under "Validation", one row per rule id),
   * on the main branch so the link stays valid as versions come and go.
   */
  static final String HELP_URI = INFORMATION_URI + "/blob/main/README.md#validation";

  private final List<Code> rules;
  private final String version;

  SarifReport() {
    this(Code.rules(), toolVersion());
  }

  /** A report describing these rules, for a tool of this version (null: not known). */
  SarifReport(List<Code> rules, String version) {
    this.rules = List.copyOf(rules);
    this.version = version;
  }

  @Override
  public void write(List<Diagnostic> findings, int files, Appendable out) throws IOException {
    write(findings, List.of(), out);
  }

  @Override
  public void write(ValidationRun run, Show show, Appendable out) throws IOException {
    write(run.shown(show.least()), run.suppressed(), out);
  }

  private void write(List<Diagnostic> findings, List<Suppressed> suppressed, Appendable out) throws IOException {
    ObjectNode sarif = Json.NODES.objectNode();
    sarif.put("$schema", SCHEMA);
    sarif.put("version", "2.1.0");
    ObjectNode run = sarif.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "promshift");
    if (version != null) {
      driver.put("version", version);
      driver.put("semanticVersion", version);
    }
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode described = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    // the validator's rules, then any other code the results use (a migration's notices and refusals)
    Set<Code> listed = new LinkedHashSet<>(rules);
    findings.forEach(f -> listed.add(f.code()));
    suppressed.forEach(s -> listed.add(s.finding().code()));
    for (Code rule : listed) {
      index.put(rule.id(), index.size());
      ObjectNode r = described.addObject();
      r.put("id", rule.id());
      r.putObject("shortDescription").put("text", rule.title());
      r.putObject("fullDescription").put("text", rule.help());
      r.putObject("help").put("text", rule.help());
      r.put("helpUri", HELP_URI);
      r.putObject("defaultConfiguration").put("level", rule.severity().sarifLevel());
    }
    run.put("columnKind", "unicodeCodePoints");
    ArrayNode results = run.putArray("results");
    for (Diagnostic f : findings) {
      result(results.addObject(), f, index);
    }
    for (Suppressed s : suppressed) {
      ObjectNode result = results.addObject();
      result(result, s.finding(), index);
      ObjectNode suppression = result.putArray("suppressions").addObject();
      suppression.put("kind", "inSource");
      if (!s.justification().isEmpty()) {
        suppression.put("justification", Secrets.maskCredentials(s.justification()));
      }
      ObjectNode physical = suppression.putObject("location").putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", uri(s.finding().file()));
      ObjectNode region = physical.putObject("region");
      region.put("startLine", s.directive().line());
      region.put("startColumn", s.directive().column());
    }
    Json.write(sarif, out);
  }

  /** One finding as a result: its rule, level, message and location. */
  private static void result(ObjectNode result, Diagnostic f, Map<String, Integer> index) {
    result.put("ruleId", f.rule());
    Integer ruleIndex = index.get(f.rule());
    if (ruleIndex != null) {
      result.put("ruleIndex", ruleIndex);
    }
    result.put("level", f.severity().sarifLevel());
    result.putObject("message").put("text", Secrets.maskCredentials(f.message()));
    ObjectNode location = result.putArray("locations").addObject();
    ObjectNode physical = location.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri(f.file()));
    ObjectNode region = physical.putObject("region");
    region.put("startLine", f.line());
    region.put("startColumn", f.column());
    if (f.hasPath()) {
      location.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.path());
    }
    ObjectNode properties = result.putObject("properties");
    properties.put("pointer", f.pointer());
    properties.put("fix", f.fix());
    properties.put("fixable", f.fixable());
    if (f.hasPath()) {
      properties.put("path", f.path());
    }
  }

  /**
   * The version this build was made as (from a resource the build fills in, so classes run from a build folder have
   * it too); the jar's manifest when the resource is missing; null when neither says.
   */
  static String toolVersion() {
    try (InputStream in = SarifReport.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank() && !version.startsWith("${")) {
          return version.trim();
        }
      }
    } catch (IOException e) {
      // fall back to the manifest
    }
    return SarifReport.class.getPackage().getImplementationVersion();
  }

  /** A relative path stays a relative URI reference with {@code /} separators; an absolute one becomes file:. */
  static String uri(String file) {
    try {
      Path path = Path.of(file);
      if (path.isAbsolute()) {
        return path.toUri().toASCIIString();
      }
    } catch (InvalidPathException e) {
      // not a path on this system: encode it as written
    }
    try {
      return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      return file.replace('\\', '/');
    }
  }
}
