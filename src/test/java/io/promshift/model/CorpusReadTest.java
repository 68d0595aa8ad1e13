package io.promshift.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.Promshift;
import io.promshift.testing.Corpus;
import io.promshift.testing.GoYamlOracle;
import io.promshift.text.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Properties over real files: reading never throws anything but a positioned {@link SourceException};
 * every readable file gives its bytes back unchanged; the model's data equals what an independent reader
 * configured like go-yaml v3 sees.
 */
class CorpusReadTest {
  private final Promshift promshift = Promshift.create();

  @TestFactory
  Stream<DynamicTest> realSyntheticDerivedAndSamplesReadAsGrafanaReadsThem() {
    return Corpus.samplesAndProvisioningCorpus().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> checkAgainstOracle(file)));
  }

  @TestFactory
  Stream<DynamicTest> everyTemplatedFileIsRefusedWithAPosition() {
    return Corpus.files("templated").stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      try {
        promshift.read(file);
        throw new AssertionError(file + " was read, but it is a template");
      } catch (SourceException e) {
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
        assertThat(e.problem()).isNotBlank();
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> embeddedFilesNeverThrowAnythingButAPositionedError() {
    return Corpus.files("embedded").stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      try {
        ProvisioningFile model = promshift.read(file);
        assertThat(model.document().source().bytes()).isEqualTo(Files.readAllBytes(file));
      } catch (SourceException e) {
        assertThat(e.line()).isPositive();
      }
    }));
  }

  private void checkAgainstOracle(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    boolean invalidSample = file.startsWith(Path.of("samples", "invalid"));
    ProvisioningFile model;
    try {
      model = promshift.read(file);
    } catch (SourceException e) {
      assertThat(e.line()).isPositive();
      // the oracle must agree that the file is not readable (templates aside, which it may read)
      if (e.kind() != SourceException.Kind.TEMPLATE) {
        assertOracleRefuses(bytes, e);
      }
      assertThat(invalidSample).as("only samples/invalid may hold unreadable files: %s", e.getMessage()).isTrue();
      return;
    }
    assertThat(model.document().source().bytes()).as("bytes kept").isEqualTo(bytes);
    String text = model.document().source().text();
    assertThat(model.document().source().encode(io.promshift.patch.EditSet.empty().apply(text)))
        .as("parse + empty patch set = the same bytes").isEqualTo(bytes);
    Object expected = GoYamlOracle.read(model.document().source().text());
    assertThat(model.root().toPlain()).as("data as go-yaml v3 reads it").isEqualTo(expected);
  }

  private static void assertOracleRefuses(byte[] bytes, SourceException ours) {
    try {
      GoYamlOracle.read(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    } catch (GoYamlOracle.OracleException expected) {
      return;
    }
    throw new AssertionError("we refused (" + ours.getMessage() + ") but the oracle reads the file");
  }
}
