package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.migrate.Fix;
import io.promshift.report.FileOutcome;
import io.promshift.report.Run;
import io.promshift.report.Verdict;
import io.promshift.rules.Code;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promshift fix} through the facade: the same run, writes and refusals as a migration, with fixes. */
class PromshiftFixTest {
  private static final String BEFORE = """
      apiVersion: "1"
      datasources:
        - name: AMP
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: yes   # signed since 2022
            sigV4Region: eu-west-1
            timeInterval: 15
      """;
  private static final String AFTER = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: true   # signed since 2022
            sigV4Region: eu-west-1
            timeInterval: 15
      """;

  @Test
  void aFixInPlaceRewritesTheFileAndListsEachFindingFixed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("amp.yaml");
    Files.writeString(file, BEFORE);
    Run run = Promshift.create().fix(FileSet.of(dir), WriteMode.inPlace());

    FileOutcome outcome = run.files().get(0);
    assertThat(outcome.verdict()).isEqualTo(Verdict.CHANGED);
    assertThat(outcome.writtenTo()).isEqualTo(file);
    assertThat(outcome.fixes()).extracting(Fix::rule, Fix::change).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Code.API_VERSION_QUOTED, "apiVersion: \"1\" → 1"),
        org.assertj.core.groups.Tuple.tuple(Code.SIGV4_AUTH_NOT_BOOLEAN, "sigV4Auth: yes → true"));
    assertThat(Files.readString(file)).isEqualTo(AFTER);

    Run again = Promshift.create().fix(FileSet.of(dir), WriteMode.inPlace());
    assertThat(again.files().get(0).verdict()).as("fix twice = fix once").isEqualTo(Verdict.UNCHANGED);
    assertThat(again.files().get(0).fixes()).isEmpty();
  }

  @Test
  void bytesAreFixedInMemoryAndTheRulesCanBeLimited() {
    Promshift.Migrated all = Promshift.create().fix("amp.yaml", BEFORE.getBytes(StandardCharsets.UTF_8), true);
    assertThat(new String(all.content(), StandardCharsets.UTF_8)).isEqualTo(AFTER);
    assertThat(all.run().files().get(0).diff()).contains("-      sigV4Auth: yes").contains("+      sigV4Auth: true");

    Promshift onlyApiVersion = Promshift.create(PromshiftSettings.builder()
        .fixRules(List.of("api-version-quoted")).build());
    String fixed = new String(onlyApiVersion.fix("amp.yaml", BEFORE.getBytes(StandardCharsets.UTF_8), false)
        .content(), StandardCharsets.UTF_8);
    assertThat(fixed).startsWith("apiVersion: 1\n").contains("sigV4Auth: yes   # signed since 2022");
  }

  @Test
  void aRuleTurnedOffIsNotFixed() {
    Promshift quiet = Promshift.create(PromshiftSettings.builder().rule("sigv4-auth-not-boolean", "off").build());
    String fixed = new String(quiet.fix("amp.yaml", BEFORE.getBytes(StandardCharsets.UTF_8), false).content(),
        StandardCharsets.UTF_8);
    assertThat(fixed).contains("sigV4Auth: yes").startsWith("apiVersion: 1\n");
  }

  @Test
  void aFileThatDoesNotReadIsRefusedAndLeftAsItIs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    String broken = "datasources:\n  - {name: a, jsonData: {sigV4Auth: yes}\n";
    Files.writeString(file, broken);
    FileOutcome outcome = Promshift.create().fix(file, WriteMode.inPlace());
    assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(outcome.diagnostics()).extracting(d -> d.code()).containsExactly(Code.YAML_SYNTAX);
    assertThat(Files.readString(file)).isEqualTo(broken);
  }

  @Test
  void anUnknownOrUnfixableRuleIsRefusedWhenTheSettingsAreBuilt() {
    assertThatThrownBy(() -> PromshiftSettings.builder().fixRules(List.of("sigv4-auth-not-bolean")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean sigv4-auth-not-boolean");
    assertThatThrownBy(() -> PromshiftSettings.builder().fixRules(List.of("sigv4-region-missing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sigv4-region-missing has no fix promshift makes")
        .hasMessageContaining("api-version-quoted");
  }
}
