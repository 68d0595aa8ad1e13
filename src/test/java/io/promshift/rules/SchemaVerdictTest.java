package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.model.ProvisioningFile;
import io.promshift.text.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link SchemaVerdict} answers "valid or not" without the schema library, and must agree with it: a document it
 * calls valid gets no schema finding at all, so calling valid what the library refuses would lose findings. Besides
 * this test, {@link SchemaCheck} asserts the agreement on every document of every test run.
 */
class SchemaVerdictTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SchemaCheck CHECK = new SchemaCheck();

  /** Values a mutation puts in place of a node: every JSON type, and words the schema's constants use. */
  private static final List<JsonNode> REPLACEMENTS = List.of(NODES.stringNode(""), NODES.stringNode("x"),
      NODES.stringNode("${GRAFANA_VAR}"), NODES.stringNode("$__file{/etc/secret}"), NODES.stringNode("prometheus"),
      NODES.stringNode("grafana-amazonprometheus-datasource"), NODES.stringNode("grafana-azureprometheus-datasource"),
      NODES.stringNode("default"), NODES.stringNode("keys"), NODES.stringNode("credentials"),
      NODES.stringNode("ec2_iam_role"), NODES.stringNode("POST"), NODES.stringNode("proxy"),
      NODES.stringNode("direct"), NODES.stringNode("https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1"),
      NODES.stringNode("eu-west-1"), NODES.stringNode("true"), NODES.stringNode("1"), NODES.numberNode(0),
      NODES.numberNode(1), NODES.numberNode(-1), NODES.numberNode(2), NODES.numberNode(1.0), NODES.numberNode(1.5),
      NODES.numberNode(4294967296L), NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(),
      NODES.objectNode(), NODES.arrayNode());

  @Test
  void theSchemaReadWithoutAMapperIsTheTreeTheMapperReads() throws IOException {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
      assertThat(SchemaCheck.schemaNode()).isEqualTo(JsonMapper.builder().build().readTree(in));
    }
  }

  @Test
  void mutationsOfTheSamplesAreJudgedAsTheSchemaLibraryJudgesThem() throws IOException {
    List<JsonNode> documents = documents(Path.of("samples"));
    assertThat(documents).hasSizeGreaterThan(5);
    assertThat(disagreements(documents, 300)).isEmpty();
  }

  @Test
  void randomMutationsOfTheSharedCorpusAreJudgedAsTheSchemaLibraryJudgesThem() throws IOException {
    Path corpus = Path.of("../shared/corpus");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "no ../shared/corpus beside the project");
    List<JsonNode> all = new ArrayList<>();
    for (String folder : List.of("real", "synthetic", "derived")) {
      if (Files.isDirectory(corpus.resolve(folder))) {
        all.addAll(documents(corpus.resolve(folder)));
      }
    }
    assertThat(all).hasSizeGreaterThan(20);
    assertThat(disagreements(all, 40)).isEmpty();
  }

  /**
   * The documents, and up to {@code perDocument} of each one's mutations (a seeded random choice), on which the
   * verdict and the library disagree.
   */
  private static List<String> disagreements(List<JsonNode> documents, int perDocument) {
    Random random = new Random(20261206);
    List<String> disagreements = new ArrayList<>();
    for (JsonNode document : documents) {
      List<JsonNode> judged = new ArrayList<>();
      judged.add(document);
      mutations(document, judged::add);
      java.util.Collections.shuffle(judged.subList(1, judged.size()), random);
      for (JsonNode one : judged.subList(0, Math.min(judged.size(), perDocument + 1))) {
        if (!agree(one)) {
          disagreements.add(one.toString());
        }
      }
    }
    return disagreements;
  }

  @Test
  void numbersTheLibraryHandlesItsOwnWayAreLeftToIt() {
    ObjectNode document = NODES.objectNode();
    document.put("apiVersion", 1);
    document.set("datasources", NODES.arrayNode());
    assertThat(CHECK.verdict(document)).isTrue();
    document.put("apiVersion", new BigInteger("10000000000000000000"));
    assertThat(CHECK.verdict(document)).isFalse();
    document.put("apiVersion", Double.NaN);
    assertThat(CHECK.verdict(document)).isFalse();
  }

  @Test
  void aSchemaKeywordTheVerdictDoesNotJudgeIsRefusedWhenItIsBuilt() {
    ObjectNode schema = (ObjectNode) SchemaCheck.schemaNode().deepCopy();
    schema.put("minProperties", 1);
    assertThatThrownBy(() -> new SchemaVerdict(schema, regex -> value -> true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'minProperties' at /minProperties");
  }

  private static boolean agree(JsonNode document) {
    boolean libraryValid = CHECK.libraryErrors(document).map(List::isEmpty).orElse(false);
    return CHECK.verdict(document) == libraryValid;
  }

  /** The JSON views (what the schema judges) of the plain provisioning files under a folder. */
  private static List<JsonNode> documents(Path folder) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path path : files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        try {
          ProvisioningFile file = Validation.PROMSHIFT.read(path.toString(), Files.readAllBytes(path));
          documents.add(JsonView.of(file).root());
        } catch (SourceException | IllegalArgumentException unreadable) {
          // a file Grafana refuses has no document to judge
        }
      }
    }
    return documents;
  }

  /**
   * Each single change of a document: every node replaced by each of {@link #REPLACEMENTS}, every member of an
   * object removed, an unknown member added to every object.
   */
  private static void mutations(JsonNode document, Consumer<JsonNode> out) {
    List<String> pointers = new ArrayList<>();
    pointers(document, "", pointers);
    for (String pointer : pointers) {
      if (!pointer.isEmpty()) {
        for (JsonNode replacement : REPLACEMENTS) {
          out.accept(replaced(document, pointer, replacement));
        }
        out.accept(removed(document, pointer));
      }
      if (document.at(pointer).isObject()) {
        JsonNode copy = document.deepCopy();
        ((ObjectNode) copy.at(pointer)).put("unknownKey", "x");
        out.accept(copy);
      }
    }
  }

  private static void pointers(JsonNode node, String pointer, List<String> out) {
    out.add(pointer);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        pointers(member.getValue(), pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1"), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        pointers(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static JsonNode replaced(JsonNode document, String pointer, JsonNode value) {
    JsonNode copy = document.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    }
    return copy;
  }

  private static JsonNode removed(JsonNode document, String pointer) {
    JsonNode copy = document.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode object) {
      object.remove(last);
    } else {
      ((ArrayNode) parent).remove(Integer.parseInt(last));
    }
    return copy;
  }
}
