package io.promshift.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.model.DataSource;
import io.promshift.model.Field;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.ProvisioningFile;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.testing.Corpus;
import io.promshift.testing.GoYamlOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The preservation promise over every real, synthetic and derived file and the samples: forward then
 * reverse gives the input byte for byte; forward twice equals forward once; and the migrated data, read by
 * the independent go-yaml-v3-like oracle, equals the original data with exactly the rule's changes.
 */
class CorpusMigrationTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);

  @TestFactory
  Stream<DynamicTest> forwardReverseIdempotentAndDataExact() {
    return Corpus.samplesAndProvisioningCorpus().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> check(file)));
  }

  private static void check(Path file) throws Exception {
    byte[] original = Files.readAllBytes(file);
    MigrationResult forward = MigrationHarness.FORWARD.migrate(file.toString(), original);
    if (forward.refused()) {
      assertThat(forward.refusal().position().line()).isPositive();
      assertThat(forward.newText()).isEqualTo(forward.source() == null ? "" : forward.source().text());
      assertThat(file.startsWith(Path.of("samples", "invalid")))
          .as("only samples/invalid may be refused: %s", forward.refusal()).isTrue();
      return;
    }
    byte[] migrated = forward.newBytes();
    assertThat(MigrationHarness.FORWARD.migrate(file.toString(), migrated).newBytes())
        .as("forward twice equals forward once").isEqualTo(migrated);
    boolean hadMarker = new String(original, java.nio.charset.StandardCharsets.UTF_8).contains(PromTypeMigration.MARKER);
    if (!hadMarker) {
      assertThat(MigrationHarness.REVERSE.migrate(file.toString(), migrated).newBytes())
          .as("reverse(forward(x)) == x").isEqualTo(original);
    }
    if (forward.changed()) {
      assertOnlyEditedLinesDiffer(forward.source().text(), forward.newText());
      assertThat(oracleView(forward.newText())).as("migrated data = original data + the rule's changes")
          .isEqualTo(expected(file, original));
    }
  }

  /** Outside the edits every line is as it was: each changed line holds a type or the marker. */
  private static void assertOnlyEditedLinesDiffer(String before, String after) {
    List<String> a = List.of(before.split("\n", -1));
    List<String> b = List.of(after.split("\n", -1));
    com.github.difflib.patch.Patch<String> patch = com.github.difflib.DiffUtils.diff(a, b);
    for (com.github.difflib.patch.AbstractDelta<String> delta : patch.getDeltas()) {
      List<String> lines = new ArrayList<>(delta.getSource().getLines());
      lines.addAll(delta.getTarget().getLines());
      for (String line : lines) {
        assertThat(line).as("a changed line").containsAnyOf("type", PromTypeMigration.MARKER, "<<:", "jsonData", "json_data");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object expected(Path file, byte[] original) {
    ProvisioningFile before = READER.read(file.toString(), original);
    Map<String, Object> data = (Map<String, Object>) GoYamlOracle.read(before.document().source().text());
    Map<String, Object> view = grafanaKeys(data);
    List<Object> sources = (List<Object>) view.get("datasources");
    for (DataSource ds : before.dataSources()) {
      PromTypeMigration.Reason reason = PromTypeMigration.decide(ds);
      if (reason == PromTypeMigration.Reason.NONE) {
        continue;
      }
      Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) sources.get(ds.index()));
      fields.put(Field.TYPE.key(ds.legacy()), reason.targetType().orElseThrow());
      String json = Field.JSON_DATA.key(ds.legacy());
      Map<String, Object> jsonData = new LinkedHashMap<>((Map<String, Object>) fields.get(json));
      jsonData.put(PromTypeMigration.MARKER, true);
      fields.put(json, jsonData);
      sources.set(ds.index(), fields);
    }
    return view;
  }

  @SuppressWarnings("unchecked")
  private static Object oracleView(String text) {
    return grafanaKeys((Map<String, Object>) GoYamlOracle.read(text));
  }

  private static Map<String, Object> grafanaKeys(Map<String, Object> data) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (String key : List.of("apiVersion", "datasources", "deleteDatasources", "delete_datasources", "prune")) {
      if (data.containsKey(key)) {
        Object value = data.get(key);
        view.put(key, value instanceof List<?> list ? new ArrayList<>(list) : value);
      }
    }
    return view;
  }
}
