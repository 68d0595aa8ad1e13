package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.DataSource;
import io.promshift.model.ProvisioningReader;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.ValidationOptions;
import io.promshift.rules.Validator;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ReadSettings;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Provisioning files that a script in a string writes with a heredoc (embedded-shapes §2.6, S8): compose entrypoints,
 * cloud-init runcmd, Ansible shell. Each body that is a provisioning file is a unit at the string's path, its items at
 * their line:column in the outer file, migrated inside the body exactly and back; the {@code $} that compose and the
 * shell expand before Grafana reads the file are theirs, not Grafana's.
 */
class HeredocTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final SourceReader SOURCES = new SourceReader(READER, UnitSettings.AUTO);
  private static final Migrator FORWARD = new Migrator(READER, MigrationOptions.forward().build());
  private static final Migrator REVERSE = new Migrator(READER, MigrationOptions.reverse().build());
  private static final Validator VALIDATOR = Validator.create();

  private static SourceFile read(String text) {
    return SOURCES.read(SourceText.of("docker-compose.yml", text));
  }

  /** Each data source as {@code line:column shape path: name type}, the position in the outer file. */
  private static List<String> items(String text) {
    List<String> found = new ArrayList<>();
    for (Unit unit : read(text).units()) {
      for (DataSource ds : unit.file().dataSources()) {
        found.add(unit.outer(unit.file().position(ds.node())) + " " + unit.shape() + " " + unit.describeItem(ds)
            + ": " + ds.name().orElse("?") + " " + ds.type().orElse("?"));
      }
    }
    return found;
  }

  /** Forward gives exactly {@code after}, a second forward changes nothing, and reverse gives back {@code before}. */
  private static MigrationResult roundTrip(String before, String after) {
    MigrationResult result = FORWARD.migrate("docker-compose.yml", before);
    assertThat(result.refusal()).as("refusal").isNull();
    assertThat(result.newText()).isEqualTo(after);
    MigrationResult again = FORWARD.migrate("docker-compose.yml", after);
    assertThat(again.refusal()).as("second forward refusal").isNull();
    assertThat(again.changes()).as("second forward changes").isEmpty();
    assertThat(again.newText()).as("forward twice equals forward once").isEqualTo(after);
    MigrationResult back = REVERSE.migrate("docker-compose.yml", after);
    assertThat(back.refusal()).as("reverse refusal").isNull();
    assertThat(back.newText()).as("reverse(forward(x)) == x").isEqualTo(before);
    return result;
  }

  /** {@code line:col rule path} of every finding. */
  private static List<String> findings(String text) {
    List<Diagnostic> all = VALIDATOR.validate(read(text));
    return all.stream().map(f -> f.position() + " " + f.rule() + " " + f.path()).toList();
  }

  // ---- finding the body -------------------------------------------------------------------------------------

  private static final String COMPOSE = """
      services:
        grafana:
          image: grafana/grafana:12.1.0
          entrypoint:
            - sh
            - -euc
            - |
              mkdir -p /etc/grafana/provisioning/datasources
              cat <<EOF > /etc/grafana/provisioning/datasources/ds.yaml
              apiVersion: 1
              datasources:
                - name: AMP
                  type: prometheus
                  url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
                  jsonData:
                    sigV4Auth: true
                    sigV4Region: eu-west-1
                - name: Loki
                  type: loki
                  url: http://loki:3100
              EOF
              /run.sh
      """;

  @Test
  void aComposeEntrypointHeredocIsAUnitAtTheStringsPathWithItsItemsWhereTheFileHasThem() {
    assertThat(items(COMPOSE)).containsExactly(
        "12:13 HEREDOC_FILE services.grafana.entrypoint[2] <<EOF ▸ datasources[0]: AMP prometheus",
        "18:13 HEREDOC_FILE services.grafana.entrypoint[2] <<EOF ▸ datasources[1]: Loki loki");
    Unit unit = read(COMPOSE).units().get(0);
    assertThat(unit.path()).hasToString("services.grafana.entrypoint[2]");
    assertThat(unit.heredoc().operator()).isEqualTo("<<EOF");
    assertThat(unit.expansions()).containsExactly(Expansion.COMPOSE, Expansion.SHELL);
    assertThat(unit.position()).hasToString("10:9"); // the body's first line, apiVersion: 1
    assertThat(unit.describe("/datasources/0/type")).isEqualTo(
        "services.grafana.entrypoint[2] <<EOF ▸ datasources[0].type");
    assertThat(unit.shape().delivery()).isEqualTo(Delivery.FILE_AT_START);
  }

  @Test
  void onlyTheHeredocThatIsAProvisioningFileIsAUnitAmongOthersOfTheScript() {
    String text = """
        services:
          grafana:
            command:
              - bash
              - -c
              - |
                cat > /etc/nginx/nginx.conf <<'NGINX'
                # datasources: proxied below
                server { listen 8080; location /datasources { proxy_pass http://grafana:3000; } }
                NGINX
                cat <<-EOF >/etc/grafana/provisioning/datasources/prometheus.yaml
                apiVersion: 1
                datasources:
                - name: Prometheus
                  type: prometheus
                  url: http://prometheus:9090
                EOF
                exec /run.sh
        """;
    assertThat(items(text)).containsExactly(
        "14:11 HEREDOC_FILE services.grafana.command[2] <<-EOF ▸ datasources[0]: Prometheus prometheus");
    assertThat(read(text).problems()).isEmpty();
  }

  @Test
  void aHeredocInACloudInitRuncmdItemWithAQuotedDelimiterHasNoShellLayer() {
    String text = """
        #cloud-config
        runcmd:
          - mkdir -p /etc/grafana/provisioning/datasources
          - |
            cat > /etc/grafana/provisioning/datasources/amp.yaml << 'END'
            apiVersion: 1
            datasources:
              - name: AMP
                type: prometheus
                url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
                secureJsonData:
                  sigV4SecretKey: $__env{AWS_SECRET_ACCESS_KEY}
            END
          - systemctl restart grafana-server
        """;
    assertThat(items(text)).containsExactly(
        "8:9 HEREDOC_FILE runcmd[1] << 'END' ▸ datasources[0]: AMP prometheus");
    Unit unit = read(text).units().get(0);
    assertThat(unit.heredoc().quoted()).isTrue();
    assertThat(unit.heredoc().delimiter()).isEqualTo("END");
    assertThat(unit.expansions()).isEmpty(); // Grafana is the first to see the $
    assertThat(findings(text)).noneMatch(f -> f.contains("expanded-before-grafana"));
  }

  @Test
  void tabsStrippedByDashHeredocsAreNotPartOfTheBodyButColumnsStillCountThem() {
    String text = "services:\n  grafana:\n    entrypoint:\n      - sh\n      - -c\n      - |\n"
        + "        cat <<-EOF > /etc/grafana/provisioning/datasources/ds.yaml\n"
        + "        \tapiVersion: 1\n"
        + "        \tdatasources:\n"
        + "        \t\t- name: AMP\n"
        + "        \t\t  type: prometheus\n"
        + "        \tEOF\n"
        + "        /run.sh\n";
    SourceFile file = read(text);
    assertThat(file.units()).hasSize(1);
    Unit unit = file.units().get(0);
    assertThat(unit.inner().text()).isEqualTo("apiVersion: 1\ndatasources:\n- name: AMP\n  type: prometheus\n");
    assertThat(unit.heredoc().stripsTabs()).isTrue();
    // the item starts at "name", after 8 spaces, 2 tabs and "- ": column 13 (a tab is one column)
    assertThat(items(text)).containsExactly(
        "10:13 HEREDOC_FILE services.grafana.entrypoint[2] <<-EOF ▸ datasources[0]: AMP prometheus");
  }

  @Test
  void aBodyThatSaysItIsAProvisioningFileButDoesNotReadIsRefusedAtItsPosition() {
    String text = """
        services:
          grafana:
            entrypoint:
              - sh
              - -c
              - |
                cat <<EOF > /etc/grafana/provisioning/datasources/ds.yaml
                apiVersion: 1
                datasources:
                  - name: A
                   type: prometheus
                EOF
        """;
    SourceFile file = read(text);
    assertThat(file.units()).isEmpty();
    assertThat(file.problems()).hasSize(1);
    UnitProblem problem = file.problems().get(0);
    assertThat(problem.path()).hasToString("services.grafana.entrypoint[2]");
    assertThat(problem.error().position().line()).isEqualTo(11);
  }

  @Test
  void aScriptWithoutAProvisioningHeredocIsNoUnitAndNoProblem() {
    assertThat(read("""
        services:
          grafana:
            entrypoint:
              - sh
              - -c
              - |
                mkdir -p /etc/grafana/provisioning/datasources
                cp /config/datasources/*.yaml /etc/grafana/provisioning/datasources/
                cat <<<"datasources: copied"
                /run.sh
        """).problems()).isEmpty();
  }

  // ---- finding heredocs in a script ---------------------------------------------------------------------------

  private static InnerText script(String yaml) {
    SourceText source = SourceText.of("t.yaml", yaml);
    MappingNode root = (MappingNode) new YamlReader().read(source).root();
    return InnerText.of(source, (ScalarNode) root.entries().get(0).value());
  }

  private static List<String> bodies(String script) {
    String yaml = "s: |\n" + script.lines().map(line -> "  " + line + "\n").reduce("", String::concat);
    return Heredocs.find(script(yaml)).stream()
        .map(b -> b.operator() + " " + b.delimiter() + (b.quoted() ? " quoted" : "") + ": " + b.text().text())
        .toList();
  }

  @Test
  void everySpellingOfTheOperatorAndBodiesInTheOrderTheShellReadsThem() {
    assertThat(bodies("""
        cat <<A; cat << "B" # comment <<C
        a
        A
        b
        B
        echo '<<D' "<<E" x<<<F
        cat <<\\G >g; cat <<'H'>h
        g
        G
        h
        H
        echo $((1<<2))
        cat <<EOF2
        x
        EOF2
        """)).containsExactly("<<A A: a\n", "<< \"B\" B quoted: b\n", "<<\\G G quoted: g\n", "<<'H' H quoted: h\n",
        "<<EOF2 EOF2: x\n");
  }

  @Test
  void theEndLineMustBeExactlyTheWordAndTabsGoOnlyWithTheDash() {
    assertThat(bodies("cat <<EOF\nEOF \n EOF\nEOF\n")).containsExactly("<<EOF EOF: EOF \n EOF\n");
    assertThat(bodies("cat <<-EOF\n\tx\n\t\tEOF\n")).containsExactly("<<-EOF EOF: x\n");
    assertThat(bodies("cat <<EOF\n\tx\n\tEOF\nEOF\n")).containsExactly("<<EOF EOF: \tx\n\tEOF\n");
    assertThat(bodies("cat <<EOF\nnever ended\n")).isEmpty();
  }

  @Test
  void aBodysEditsAreTheScriptsEditsOfWholeLines() {
    String yaml = "s: |\n  cat <<-EOF\n  \ta: 1\n  \tb: 2\n  \tEOF\n";
    InnerText body = Heredocs.find(script(yaml)).get(0).text();
    assertThat(body.text()).isEqualTo("a: 1\nb: 2\n");
    assertThat(body.outerPosition(io.promshift.text.Position.START)).hasToString("3:4");
    InnerText.OuterEdit line = body.edit(5, 5, "x: 3\n");
    assertThat(yaml.substring(0, line.start()) + line.text() + yaml.substring(line.end()))
        .isEqualTo("s: |\n  cat <<-EOF\n  \ta: 1\n  x: 3\n  \tb: 2\n  \tEOF\n");
    InnerText.OuterEdit end = body.edit(10, 10, "c: 4\n");
    assertThat(yaml.substring(0, end.start()) + end.text() + yaml.substring(end.end()))
        .isEqualTo("s: |\n  cat <<-EOF\n  \ta: 1\n  \tb: 2\n  c: 4\n  \tEOF\n");
    InnerText.OuterEdit value = body.edit(8, 9, "two");
    assertThat(yaml.substring(0, value.start()) + value.text() + yaml.substring(value.end()))
        .isEqualTo("s: |\n  cat <<-EOF\n  \ta: 1\n  \tb: two\n  \tEOF\n");
  }

  // ---- migrating ----------------------------------------------------------------------------------------------

  @Test
  void aSigV4ItemInAComposeHeredocGetsItsTypeAndAMarkerLineAtTheBodysIndentation() {
    MigrationResult result = roundTrip(COMPOSE, """
        services:
          grafana:
            image: grafana/grafana:12.1.0
            entrypoint:
              - sh
              - -euc
              - |
                mkdir -p /etc/grafana/provisioning/datasources
                cat <<EOF > /etc/grafana/provisioning/datasources/ds.yaml
                apiVersion: 1
                datasources:
                  - name: AMP
                    type: grafana-amazonprometheus-datasource
                    url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
                    jsonData:
                      sigV4Auth: true
                      sigV4Region: eu-west-1
                      prometheus-type-migration: true
                  - name: Loki
                    type: loki
                    url: http://loki:3100
                EOF
                /run.sh
        """);
    assertThat(result.changes()).extracting(c -> c.path() + " " + c.position())
        .containsExactly("services.grafana.entrypoint[2] <<EOF ▸ datasources[0] 12:13");
  }

  @Test
  void aDashHeredocWithTabsGetsAMarkerLineWithoutTabs() {
    String before = "services:\n  grafana:\n    entrypoint:\n      - sh\n      - -c\n      - |\n"
        + "        cat <<-EOF > /etc/grafana/provisioning/datasources/ds.yaml\n"
        + "        \tapiVersion: 1\n"
        + "        \tdatasources:\n"
        + "        \t\t- name: AMP\n"
        + "        \t\t  type: prometheus\n"
        + "        \t\t  jsonData:\n"
        + "        \t\t    sigV4Auth: true\n"
        + "        \t\t    sigV4Region: eu-west-1\n"
        + "        \t\t- name: Loki\n"
        + "        \t\t  type: loki\n"
        + "        \tEOF\n"
        + "        /run.sh\n";
    roundTrip(before, before.replace("\t\t  type: prometheus", "\t\t  type: grafana-amazonprometheus-datasource")
        .replace("sigV4Region: eu-west-1\n", "sigV4Region: eu-west-1\n            prometheus-type-migration: true\n"));
  }

  @Test
  void aQuotedDelimiterHeredocInACloudInitFileIsMigratedLikeAnyOther() {
    String before = """
        #cloud-config
        runcmd:
          - |
            cat > /etc/grafana/provisioning/datasources/amp.yaml <<'EOF'
            apiVersion: 1
            datasources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4Region: $__env{AWS_REGION}
            EOF
        """;
    roundTrip(before, before.replace("type: prometheus", "type: grafana-amazonprometheus-datasource")
        .replace("$__env{AWS_REGION}\n", "$__env{AWS_REGION}\n        prometheus-type-migration: true\n"));
  }

  @Test
  void aCrlfComposeFileGetsItsMarkerLineWithCrlf() {
    String before = COMPOSE.replace("\n", "\r\n");
    String after = roundTrip(before, COMPOSE.replace("type: prometheus", "type: grafana-amazonprometheus-datasource")
        .replace("sigV4Region: eu-west-1\n", "sigV4Region: eu-west-1\n              prometheus-type-migration: true\n")
        .replace("\n", "\r\n")).newText();
    assertThat(after.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void aHeredocInADoubleQuotedScriptIsEditedThroughItsEscapes() {
    String before = "services:\n  grafana:\n    command: [\"sh\", \"-c\", \"cat <<EOF >/etc/grafana/provisioning/"
        + "datasources/a.yaml\\napiVersion: 1\\ndatasources:\\n- name: AMP\\n  type: prometheus\\n  jsonData:\\n"
        + "    sigV4Auth: true\\n    sigV4Region: eu-west-1\\nEOF\\n/run.sh\"]\n";
    String after = before.replace("type: prometheus", "type: grafana-amazonprometheus-datasource")
        .replace("eu-west-1\\n", "eu-west-1\\n    prometheus-type-migration: true\\n");
    MigrationResult result = FORWARD.migrate("docker-compose.yml", before);
    assertThat(result.refusal()).isNull();
    assertThat(result.newText()).isEqualTo(after);
    assertThat(FORWARD.migrate("docker-compose.yml", after).changes()).isEmpty();
    // (reverse would remove a line of a double-quoted string, escaped line break included: InnerText's quoted
    // strings refuse that, heredoc or not)
  }

  // ---- placeholders of the layers before Grafana --------------------------------------------------------------

  private static final String PLACEHOLDERS = """
      services:
        grafana:
          entrypoint:
            - sh
            - -euc
            - |
              cat <<EOF > /etc/grafana/provisioning/datasources/ds.yaml
              apiVersion: 1
              datasources:
                - name: AMP
                  type: prometheus
                  orgId: $ORG_ID
                  isDefault: ${IS_DEFAULT:-true}
                  url: https://aps-workspaces.$AWS_REGION.amazonaws.com/workspaces/$(cat /run/ws)
                  jsonData:
                    sigV4Auth: true
                    sigV4Region: $__env{AWS_REGION}
                    sigV4AssumeRoleArn: \\$$__env{ROLE_ARN}
                  secureJsonData:
                    sigV4SecretKey: $$SECRET
              EOF
      """;

  @Test
  void composeAndShellVariablesAreTheirsAndNeverGrafanaErrorsEvenWithAnEnvironment() {
    String path = "services.grafana.entrypoint[2] <<EOF ▸ datasources[0].";
    List<String> expected = List.of(
        "11:19 migration-pending " + path + "type",
        "12:20 placeholder-unchecked " + path + "orgId",
        "13:24 placeholder-unchecked " + path + "isDefault",
        "17:28 expanded-before-grafana " + path + "jsonData.sigV4Region");
    assertThat(findings(PLACEHOLDERS)).containsExactlyElementsOf(expected);
    // Grafana's expansion with this environment would make orgId "x" (not an integer) and isDefault "maybe"
    Validator expanding = Validator.create(ValidationOptions.builder()
        .environment(Map.of("ORG_ID", "x", "IS_DEFAULT", "maybe", "AWS_REGION", "eu-west-1")).build());
    assertThat(expanding.validate(read(PLACEHOLDERS)).stream()
        .map(f -> f.position() + " " + f.rule() + " " + f.path()).toList()).containsExactlyElementsOf(expected);
    Diagnostic orgId = VALIDATOR.validate(read(PLACEHOLDERS)).get(1);
    assertThat(orgId.message()).contains("\"$ORG_ID\", expanded by docker compose, then the shell");
  }

  @Test
  void aVersionZeroBodyIsNotToldThatGrafanaLeavesTheShellsVariablesAsWritten() {
    String legacy = """
        runcmd:
          - |
            cat <<EOF > /etc/grafana/provisioning/datasources/ds.yaml
            datasources:
              - name: Loki
                type: loki
                url: http://$LOKI_HOST:3100
            EOF
        """;
    assertThat(read(legacy).units()).hasSize(1);
    assertThat(findings(legacy)).noneMatch(f -> f.contains("placeholder-not-expanded"));
    assertThat(findings(legacy.replace("<<EOF", "<<'EOF'"))).anyMatch(f -> f.contains("placeholder-not-expanded"));
  }

  @Test
  void aGrafanaPlaceholderThatComposeAndTheShellExpandFirstIsAnErrorUnlessEscapedForBoth() {
    List<String> found = findings(PLACEHOLDERS);
    assertThat(found).filteredOn(f -> f.contains("expanded-before-grafana")).containsExactly(
        "17:28 expanded-before-grafana services.grafana.entrypoint[2] <<EOF ▸ datasources[0].jsonData.sigV4Region");
    Diagnostic finding = VALIDATOR.validate(read(PLACEHOLDERS)).stream()
        .filter(f -> f.rule().equals("expanded-before-grafana")).findFirst().orElseThrow();
    assertThat(finding.message()).contains("Grafana receives \"{AWS_REGION}\"");
    assertThat(finding.fix()).contains("\\$$__env{NAME}");
  }

  @Test
  void withAQuotedDelimiterOnlyComposeExpandsAndDoubleDollarIsEnough() {
    String quoted = PLACEHOLDERS.replace("<<EOF", "<<'EOF'")
        .replace("sigV4Region: $__env{AWS_REGION}", "sigV4Region: $$__env{AWS_REGION}")
        .replace("\\$$__env{ROLE_ARN}", "$__env{ROLE_ARN}");
    assertThat(read(quoted).units().get(0).expansions()).containsExactly(Expansion.COMPOSE);
    assertThat(findings(quoted)).filteredOn(f -> f.contains("expanded-before-grafana")).containsExactly(
        "18:35 expanded-before-grafana services.grafana.entrypoint[2] <<'EOF' ▸ datasources[0].jsonData"
            + ".sigV4AssumeRoleArn");
  }
}
