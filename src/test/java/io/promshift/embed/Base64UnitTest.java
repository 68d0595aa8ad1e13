package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A provisioning file held base64-encoded in a Secret's {@code data}: read for status and validate; rewritten only when
 * asked, encoded again the same way, and then it comes back byte for byte.
 */
class Base64UnitTest {
  private static final ProvisioningReader PROVISIONING = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final String FILE = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: prometheus
          jsonData:
            sigV4Auth: true
            sigV4Region: eu-west-1
      """;

  private static String secret(String provisioning, boolean padded) {
    Base64.Encoder encoder = padded ? Base64.getEncoder() : Base64.getEncoder().withoutPadding();
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: grafana-datasources
        data:
          datasources.yaml: %s
        """.formatted(encoder.encodeToString(provisioning.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBase64FileIsReadButLeftAsItIsUnlessAsked() {
    String yaml = secret(FILE, true);
    MigrationResult result = new Migrator(PROVISIONING, MigrationOptions.forward().build()).migrate("s.yaml", yaml);
    assertThat(result.changed()).isFalse();
    assertThat(result.notices()).anySatisfy(n -> {
      assertThat(n.rule()).isEqualTo("migration-refused");
      assertThat(n.message()).contains("base64", "--rewrite-base64");
      assertThat(n.position()).hasToString("6:21");
    });
  }

  @Test
  void whenAskedItIsEncodedAgainTheSameWayAndComesBack() {
    for (boolean padded : new boolean[] {true, false}) {
      String yaml = secret(FILE + "#", padded); // a length whose encoding needs padding
      MigrationResult forward = new Migrator(PROVISIONING, MigrationOptions.forward().rewriteBase64(true).build())
          .migrate("s.yaml", yaml);
      assertThat(forward.changes()).hasSize(1);
      assertThat(forward.notices()).anySatisfy(n -> assertThat(n.rule()).isEqualTo("base64-rewritten"));
      String encoded = forward.newText().lines().filter(l -> l.contains("datasources.yaml:")).findFirst().orElseThrow()
          .strip().substring("datasources.yaml: ".length());
      assertThat(encoded.length() % 4 == 0).as("padded as before").isEqualTo(padded);
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      assertThat(decoded).contains("type: grafana-amazonprometheus-datasource", "prometheus-type-migration: true");
      MigrationResult back = new Migrator(PROVISIONING, MigrationOptions.reverse().rewriteBase64(true).build())
          .migrate("s.yaml", forward.newText());
      assertThat(back.newText()).isEqualTo(yaml);
    }
  }

  @Test
  void statusSaysGrafanaMovesItButMigrateLeavesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("secret.yaml");
    java.nio.file.Files.writeString(file, secret(FILE, true));
    var outcome = io.promshift.Promshift.create().status(file);
    assertThat(outcome.sources()).singleElement().satisfies(source -> {
      assertThat(source.state().state()).isEqualTo(io.promshift.model.MigrationState.State.PENDING);
      assertThat(source.state().reason()).contains("promshift migrate leaves it", "--rewrite-base64");
      assertThat(source.path()).isEqualTo("data[\"datasources.yaml\"] ▸ datasources[0]");
    });
  }
}
