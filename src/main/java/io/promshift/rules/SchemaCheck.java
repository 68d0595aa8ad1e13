package io.promshift.rules;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code schemas/grafana-datasources.schema.json} (draft 2020-12), loaded from the classpath and compiled once
 * per instance, then applied to any number of files from any number of threads. Errors come back as
 * {@link Diagnostic}s: one per instance location (an {@code anyOf}'s failed branches become one message that
 * lists what would have been accepted), at the line and column of the offending value, or for a missing
 * property at the key of the mapping that should hold it. The schema never sees YAML: it judges the
 * {@link JsonView} built from the model.
 */
public final class SchemaCheck {
  public static final String ID = "https://promshift.io/schemas/grafana-datasources.schema.json";
  static final String RESOURCE = "/io/promshift/schemas/grafana-datasources.schema.json";

  private static final class Document {
    static final JsonNode NODE = load();
    static final Pattern PLACEHOLDER = Pattern.compile(NODE.at("/$defs/placeholder/pattern").asString());

    private static JsonNode load() {
      try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the schema is missing from the classpath: " + RESOURCE);
        }
        return JsonTree.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final SchemaVerdict verdict;
  /** The schema library's compiled schema, built when a first document is not valid (see {@link SchemaVerdict}). */
  private volatile Schema schema;

  public SchemaCheck() {
    this.verdict = new SchemaVerdict(Document.NODE, SchemaCheck::patternTest);
  }

  private Schema schema() {
    Schema compiled = schema;
    if (compiled == null) {
      synchronized (this) {
        compiled = schema;
        if (compiled == null) {
          compiled = compile();
          schema = compiled;
        }
      }
    }
    return compiled;
  }

  private static Schema compile() {
    QuietSlf4j.initialise();
    // markdownDescription is for editors (VS Code's YAML language server shows it): declared as a keyword that
    // validates nothing, or the schema library logs "Unknown keyword" through the embedder's logging (a Maven build)
    Dialect dialect = Dialect.builder(Dialects.getDraft202012())
        .keyword(new NonValidationKeyword("markdownDescription")).build();
    SchemaRegistry registry = SchemaRegistry.withDialect(dialect, builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
            .regularExpressionFactory(SchemaCheck::regularExpression).build())
        .schemaIdResolvers(ids -> ids.mapPrefix("https://promshift.io/schemas/", "classpath:io/promshift/schemas/")));
    Schema schema = registry.getSchema(SchemaLocation.of(ID));
    schema.initializeValidators();
    return schema;
  }

  /** A pattern's test for the verdict: the same as the library's, {@link #regularExpression}. */
  private static java.util.function.Predicate<String> patternTest(String regex) {
    return regularExpression(regex)::matches;
  }

  /**
   * The schema's patterns as the JDK reads them, but for the placeholder pattern: the JDK's backtracking takes
   * time quadratic in a value's length there, so the same test runs as {@link Placeholders#contains}.
   */
  private static RegularExpression regularExpression(String regex) {
    if (regex.equals(Document.PLACEHOLDER.pattern())) {
      return Placeholders::contains;
    }
    return JDKRegularExpressionFactory.getInstance().getRegularExpression(regex);
  }

  /** The library's errors for a document; empty when the library cannot judge it (a number out of its range). */
  java.util.Optional<List<Error>> libraryErrors(JsonNode document) {
    try {
      return java.util.Optional.of(schema().validate(document));
    } catch (RuntimeException outOfRange) {
      return java.util.Optional.empty();
    }
  }

  /** The verdict alone, for the tests that compare it with the library. */
  boolean verdict(JsonNode document) {
    return verdict.valid(document);
  }

  /** The schema document itself (read once per JVM). */
  public static JsonNode schemaNode() {
    return Document.NODE;
  }

  /** The schema's own definition of a placeholder ({@code $defs/placeholder/pattern}); use with {@code find()}. */
  public static Pattern placeholderPattern() {
    return Document.PLACEHOLDER;
  }

  /** The schema's errors for one file, as findings. */
  public List<Diagnostic> check(JsonView view) {
    boolean valid = verdict.valid(view.root());
    assert valid == libraryErrors(view.root()).map(List::isEmpty).orElse(false)
        : "SchemaVerdict calls " + view.file().fileName() + (valid ? " valid" : " not valid")
            + ", the schema library does not";
    if (valid) {
      return List.of();
    }
    List<Error> errors;
    try {
      errors = schema().validate(view.root());
    } catch (RuntimeException outOfRange) {
      // the schema library cannot hold some number of the file in a long (1e19 where an integer may stand): the rules
      // below still judge the file; say what could not be checked instead of failing the run
      String pointer = "";
      for (Map.Entry<String, JsonView.Loc> loc : view.locations()) {
        JsonNode json = view.at(loc.getKey());
        if (json.isNumber() && !json.canConvertToLong() && json.canConvertToExactIntegral()) {
          pointer = loc.getKey();
          break;
        }
      }
      return List.of(new Diagnostic(view.file().fileName(), view.position(pointer), Severity.ERROR, Code.SCHEMA,
          pointer, (pointer.isEmpty() ? "a number in this file" : SchemaMessages.subject(pointer)) + " is a whole"
              + " number beyond 64-bit range (such as 1e19): the schema check cannot judge the file; where Grafana"
              + " reads an integer, it refuses such a number", "write the number in range"));
    }
    if (errors.isEmpty()) {
      return List.of();
    }
    Map<String, List<Error>> byLocation = new LinkedHashMap<>();
    for (Error error : errors) {
      byLocation.computeIfAbsent(error.getInstanceLocation().toString(), k -> new ArrayList<>()).add(error);
    }
    List<Diagnostic> findings = new ArrayList<>();
    SchemaMessages messages = new SchemaMessages(view, Document.NODE);
    byLocation.forEach((location, group) -> findings.addAll(messages.describe(location, group)));
    return findings;
  }
}
