package io.promshift.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals without Maven: each mojo configured as Maven would configure it (its fields), its log recorded. The
 * real builds are the integration tests under {@code src/it}; these pin the options a build test would be slow for.
 */
class MojoTest {
  private static final FileTime OLD = FileTime.fromMillis(946684800000L);

  private static final String AMP = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: true
            sigV4AuthType: default
            sigV4Region: eu-west-1
      """;
  private static final String AZURE = """
      apiVersion: 1
      datasources:
        - name: Azure
          type: prometheus
          url: https://amw.westeurope.prometheus.monitor.azure.com
          jsonData:
            azureCredentials:
              authType: workloadidentity
      """;
  private static final String PLAIN = """
      apiVersion: 1
      datasources:
        - name: In-cluster
          type: prometheus
          url: http://prometheus:9090
      """;

  @TempDir
  Path project;

  @Test
  void applyRewritesOnlyWhatChangesAndKeepsTheOthersUntouched() throws Exception {
    Path amp = write("src/main/grafana/amp.yaml", AMP);
    Path azure = write("src/main/grafana/azure.yml", AZURE);
    Path plain = write("src/main/grafana/plain.yaml", PLAIN);
    Path ignored = write("src/main/grafana/notes.txt", "not yaml");

    RecordingLog log = run(mojo(new ApplyMojo()).set("to", "amazon"));

    assertThat(Files.readString(amp)).contains("type: grafana-amazonprometheus-datasource")
        .contains("prometheus-type-migration: true");
    assertThat(Files.readString(azure)).isEqualTo(AZURE); // to=amazon leaves Azure alone
    assertThat(Files.getLastModifiedTime(azure)).isEqualTo(OLD);
    assertThat(Files.getLastModifiedTime(plain)).isEqualTo(OLD);
    assertThat(Files.getLastModifiedTime(ignored)).isEqualTo(OLD);
    assertThat(log.lines()).contains("[info] promshift:apply: 3 files: 1 changed (1 data source to "
        + "grafana-amazonprometheus-datasource), 2 unchanged, 0 skipped, 0 failed");
  }

  @Test
  void reverseWithKeepMarkerSetsTheMarkerToFalse() throws Exception {
    Path amp = write("src/main/grafana/amp.yaml", AMP);
    run(mojo(new ApplyMojo()));
    run(mojo(new ApplyMojo()).set("to", "prometheus").set("keepMarker", true));
    assertThat(Files.readString(amp)).contains("type: prometheus").contains("prometheus-type-migration: false");
  }

  @Test
  void checkFailsListingThePendingFilesAndWritesNothing() throws Exception {
    Path amp = write("provisioning/datasources/amp.yaml", AMP);
    write("provisioning/datasources/plain.yaml", PLAIN);
    Mojo check = mojo(new CheckMojo()).set("directories", List.of(project.resolve("provisioning").toFile()))
        .set("to", "azure");

    // to=azure: the AMP source is not Azure's, nothing to do
    assertThat(run(check).lines()).contains("[info] promshift:check: 2 files: 0 would change (0 data sources to "
        + "grafana-azureprometheus-datasource), 2 unchanged, 0 skipped, 0 failed");

    check.set("to", "plugins");
    assertThatThrownBy(() -> run(check)).isInstanceOf(MojoFailureException.class)
        .hasMessage("1 provisioning file would change in a migration to plugin types:\n"
            + "    provisioning/datasources/amp.yaml (1 data source)\n"
            + "Run 'mvn promshift:apply' to rewrite them.");
    assertThat(Files.readString(amp)).isEqualTo(AMP);
    assertThat(Files.getLastModifiedTime(amp)).isEqualTo(OLD);
  }

  @Test
  void checksDiffIsCappedAt50LinesPerFileCountingTheRest() throws Exception {
    StringBuilder many = new StringBuilder("apiVersion: 1\ndatasources:\n");
    for (int i = 0; i < 30; i++) {
      many.append(AMP.substring(AMP.indexOf("  - name")).replace("name: AMP", "name: AMP " + i));
    }
    write("src/main/grafana/many.yaml", many.toString());
    write("src/main/grafana/amp.yaml", AMP);
    RecordingLog log = new RecordingLog();
    assertThatThrownBy(() -> run(mojo(new CheckMojo()), log)).isInstanceOf(MojoFailureException.class)
        .hasMessageEndingWith("\nRun 'mvn promshift:apply' to rewrite them.");

    String capped = log.lines().stream().filter(l -> l.contains("many.yaml: the migration")).findFirst().orElseThrow();
    List<String> lines = capped.lines().toList();
    assertThat(lines).hasSize(1 + 50 + 1); // the heading, 50 lines of the diff, the count of the rest
    assertThat(lines.get(1)).isEqualTo("--- a/src/main/grafana/many.yaml");
    assertThat(lines.get(51)).matches("\\.\\.\\. [0-9]+ more lines");
    String whole = log.lines().stream().filter(l -> l.contains("amp.yaml: the migration")).findFirst().orElseThrow();
    assertThat(whole).doesNotContain("more line").endsWith("+      prometheus-type-migration: true");
  }

  @Test
  void cappedKeepsWhatFitsAndCountsTheRest() {
    assertThat(CheckMojo.capped("a\nb", 2)).isEqualTo("a\nb");
    assertThat(CheckMojo.capped("a\nb\nc", 2)).isEqualTo("a\nb\n... 1 more line");
    assertThat(CheckMojo.capped("a\nb\nc\nd", 1)).isEqualTo("a\n... 3 more lines");
  }

  @Test
  void checkWritesThePendingChangesAsAPatchReadableByItsOwnerAloneAndWarnsOfItsSecrets() throws Exception {
    write("src/main/grafana/amp.yaml", AMP.replace("sigV4Region: eu-west-1",
        "sigV4Region: eu-west-1\n    secureJsonData:\n      sigV4SecretKey: s3cr3t"));
    write("src/main/grafana/plain.yaml", PLAIN);
    Path patch = project.resolve("target/promshift/pending.patch"); // target/ does not exist yet
    RecordingLog log = new RecordingLog();
    assertThatThrownBy(() -> run(mojo(new CheckMojo()).set("patchFile", new File("target/promshift/pending.patch")),
        log)).isInstanceOf(MojoFailureException.class);

    String text = Files.readString(patch);
    assertThat(text).startsWith("--- a/src/main/grafana/amp.yaml\n+++ b/src/main/grafana/amp.yaml\n@@ ")
        .contains("-    type: prometheus\n+    type: grafana-amazonprometheus-datasource\n")
        .contains("sigV4SecretKey: s3cr3t") // as in the file: a masked line would not apply
        .doesNotContain("plain.yaml");
    assertThat(log.lines()).contains("[warn] " + patch + ": warning: this patch holds the files' secrets in clear"
        + " (mode 0600); do not commit or share it");
    assertThat(String.join("\n", log.lines())).doesNotContain("s3cr3t");
    if (project.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(patch))).isEqualTo("rw-------");
    }

    run(mojo(new ApplyMojo()));
    RecordingLog clean = run(mojo(new CheckMojo()).set("patchFile", patch.toFile()));
    assertThat(patch).isEmptyFile(); // nothing pending: no stale patch stays behind
    assertThat(clean.lines()).noneMatch(l -> l.startsWith("[warn]"));
  }

  @Test
  void validatesHintsNameTheMavenGoalAndParameterNotTheCli() throws Exception {
    write("src/main/grafana/amp.yaml", AMP);
    write("src/main/grafana/placeholder.yaml", AMP.replace("sigV4Auth: true", "sigV4Auth: ${AMP_SIGN}"));
    RecordingLog log = run(mojo(new ValidateMojo()).set("show", "info"));
    assertThat(log.lines()).contains("[info]   fix: run mvn promshift:apply to write type:"
        + " grafana-amazonprometheus-datasource and the migration marker");
    assertThat(log.lines()).contains("[info]   fix: validate with the environment Grafana runs with (envFile) to check"
        + " the value");
    assertThat(String.join("\n", log.lines())).doesNotContain("promshift migrate", "--env-file");
  }

  @Test
  void anUnknownTargetIsAConfigurationError() throws Exception {
    write("src/main/grafana/amp.yaml", AMP);
    assertThatThrownBy(() -> run(mojo(new CheckMojo()).set("to", "loki")))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("promshift:check: unknown to 'loki'; use plugins, amazon, azure or prometheus");
  }

  @Test
  void anUnreadableFileFailsWithItsPositionOrWarnsWithFailOnErrorFalse() throws Exception {
    Path broken = write("src/main/grafana/broken.yaml", "apiVersion: 1\ndatasources:\n  - name: [unclosed\n");
    write("src/main/grafana/amp.yaml", AMP);
    String at = broken.toString() + ":4:1: ";

    RecordingLog log = new RecordingLog();
    assertThatThrownBy(() -> run(mojo(new ApplyMojo()), log)).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("1 file could not be migrated (set failOnError=false to warn instead):\n" + at);
    assertThat(log.lines()).anyMatch(l -> l.startsWith("[error] " + at + "error: "));

    RecordingLog lenient = run(mojo(new ApplyMojo()).set("failOnError", false));
    assertThat(lenient.lines()).anyMatch(l -> l.startsWith("[warn] " + at + "warning: ") && l.endsWith("(failOnError=false)"));

    RecordingLog validate = new RecordingLog();
    assertThatThrownBy(() -> run(mojo(new ValidateMojo()), validate)).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(at + "error [yaml-syntax]");
    RecordingLog validateLenient = run(mojo(new ValidateMojo()).set("failOnError", false));
    assertThat(validateLenient.lines()).anyMatch(l -> l.startsWith("[warn] " + at + "warning [yaml-syntax]"));
  }

  @Test
  void validateFailsOnTheConfiguredSeverityAndWritesTheReports() throws Exception {
    write("src/main/grafana/amp.yaml", AMP.replace("sigV4AuthType: default", "sigV4AuthType: ec2_iam_role"));
    Mojo validate = mojo(new ValidateMojo()).set("reports", List.of("sarif", "JSON", "text"))
        .set("reportsDirectory", project.resolve("target/promshift").toFile());

    RecordingLog log = run(validate);
    assertThat(log.lines()).anyMatch(l -> l.startsWith("[warn] " + project.resolve("src/main/grafana/amp.yaml")
        + ":8:22: warning [sigv4-auth-type-provider] "));
    assertThat(log.lines()).as("infos are not logged by default").noneMatch(l -> l.contains("info [migration-pending]"))
        .contains("[info] promshift:validate: 0 errors, 1 warning, 1 info in 1 file; 1 info finding not shown"
            + " (-Dpromshift.show=info)");
    assertThat(Files.readString(project.resolve("target/promshift/findings.sarif")))
        .as("report files hold every finding").contains("\"ruleId\": \"migration-pending\"");
    assertThat(Files.readString(project.resolve("target/promshift/findings.sarif")))
        .contains("\"uri\": \"src/main/grafana/amp.yaml\"").contains("\"ruleId\": \"sigv4-auth-type-provider\"");
    assertThat(project.resolve("target/promshift/findings.json")).exists();
    assertThat(project.resolve("target/promshift/findings.txt")).exists();

    validate.set("failOn", "warning");
    assertThatThrownBy(() -> run(validate)).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("1 finding at or above warning (failOn):\n");
    validate.set("failOn", "info");
    assertThatThrownBy(() -> run(validate)).hasMessageStartingWith("2 findings at or above info (failOn):\n");
    validate.set("failOn", "fatal");
    assertThatThrownBy(() -> run(validate)).isInstanceOf(MojoExecutionException.class)
        .hasMessage("promshift:validate: unknown failOn 'fatal'; use error, warning or info");
    validate.set("failOn", "error").set("reports", List.of("html"));
    assertThatThrownBy(() -> run(validate)).isInstanceOf(MojoExecutionException.class)
        .hasMessage("promshift:validate: unknown report 'html'; use text, json or sarif");
    validate.set("reports", List.of("github"));
    assertThatThrownBy(() -> run(validate)).as("workflow commands act in a runner's log only, never as a file")
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("promshift:validate: unknown report 'github'; use text, json or sarif");
  }

  @Test
  void reportFilesGetTheUmasksModeWhileApplyKeepsEachFilesOwnMode() throws Exception {
    assumeTrue(project.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
    Path amp = write("src/main/grafana/amp.yaml", AMP);
    Files.setPosixFilePermissions(amp, PosixFilePermissions.fromString("rw-r-----"));
    Path reports = Files.createDirectories(project.resolve("target/promshift"));
    // what the umask gives any new file here, whatever this machine's umask is
    Set<PosixFilePermission> umasks = Files.getPosixFilePermissions(Files.createFile(reports.resolve("probe")));
    Path stale = Files.writeString(reports.resolve("findings.json"), "{}");
    Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-------")); // as earlier versions wrote it

    run(mojo(new ValidateMojo()).set("reports", List.of("text", "json", "sarif")));
    for (String report : List.of("findings.txt", "findings.json", "findings.sarif")) {
      assertThat(Files.getPosixFilePermissions(reports.resolve(report))).as(report).isEqualTo(umasks);
    }

    run(mojo(new ApplyMojo()));
    assertThat(Files.readString(amp)).contains("grafana-amazonprometheus-datasource");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(amp))).isEqualTo("rw-r-----");
  }

  @Test
  void validateLogsWhatShowAsksForAndAlwaysWhatFails() throws Exception {
    Path amp = write("src/main/grafana/amp.yaml", AMP);
    String info = "[info] " + project.resolve("src/main/grafana/amp.yaml") + ":4:11: info [migration-pending] ";
    Mojo validate = mojo(new ValidateMojo()).set("show", "INFO");
    assertThat(run(validate).lines()).anyMatch(l -> l.startsWith(info))
        .contains("[info] promshift:validate: 0 errors, 0 warnings, 1 info in 1 file");
    validate.set("show", "error").set("failOn", "info");
    RecordingLog failing = new RecordingLog();
    assertThatThrownBy(() -> run(validate, failing)).isInstanceOf(MojoFailureException.class);
    assertThat(failing.lines()).as("a finding that fails the build is always logged").anyMatch(l -> l.startsWith(info));
    validate.set("show", "all").set("failOn", "error");
    assertThatThrownBy(() -> run(validate)).isInstanceOf(MojoExecutionException.class)
        .hasMessage("promshift:validate: unknown show 'all'; use error, warning or info");
    // a suppressed finding is counted, never failing the build
    Files.writeString(amp, AMP.replace("    type: prometheus", "    type: prometheus # promshift-disable-line"));
    validate.set("show", "warning").set("failOn", "info");
    assertThat(run(validate).lines()).contains("[info] promshift:validate: 0 errors, 0 warnings, 0 infos in 1 file"
        + " (1 suppressed)");
  }

  @Test
  void validateExpandsPlaceholdersFromTheEnvFile() throws Exception {
    write("src/main/grafana/amp.yaml", AMP.replace("sigV4Region: eu-west-1", "sigV4Region: ${AMP_REGION}"));
    Path env = write("grafana.env", "AMP_REGION=us-east-1\n");

    run(mojo(new ValidateMojo())); // without the environment the placeholder is accepted
    assertThatThrownBy(() -> run(mojo(new ValidateMojo()).set("envFile", env.toFile())))
        .isInstanceOf(MojoFailureException.class).hasMessageContaining("error [amp-url-region-mismatch]");
    assertThatThrownBy(() -> run(mojo(new ValidateMojo()).set("envFile", project.resolve("missing.env").toFile())))
        .isInstanceOf(MojoExecutionException.class).hasMessageStartingWith("promshift:validate: cannot read envFile ");
  }

  @Test
  void validateAppliesTheRulesAcrossFilesWithinOneDirectoryAsGrafanaReadsIt() throws Exception {
    String source = PLAIN.replace("url: http://prometheus:9090", "url: http://prometheus:9090\n    isDefault: true");
    write("src/main/grafana/dev/a.yaml", source.replace("In-cluster", "Dev"));
    write("src/main/grafana/prod/a.yaml", source.replace("In-cluster", "Prod"));
    run(mojo(new ValidateMojo())); // one default per directory: fine

    write("src/main/grafana/prod/b.yaml", source.replace("In-cluster", "Prod 2"));
    assertThatThrownBy(() -> run(mojo(new ValidateMojo()))).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("error [multiple-defaults]");
  }

  @Test
  void notProvisioningFilesAreSkippedWithADebugLine() throws Exception {
    Path dashboards = write("src/main/grafana/dashboards.yaml", "apiVersion: 1\nproviders:\n  - name: a\n");
    for (AbstractPromshiftMojo goal : List.of(new ValidateMojo(), new CheckMojo(), new ApplyMojo())) {
      RecordingLog log = run(mojo(goal));
      assertThat(log.lines()).contains("[debug] " + dashboards + ": not a data source provisioning file; skipped");
      assertThat(log.lines()).noneMatch(l -> l.startsWith("[warn]") || l.startsWith("[error]"));
    }
  }

  @Test
  void aFileThatCannotBeWrittenFailsApplyEvenWithFailOnErrorFalse() throws Exception {
    Path amp = write("src/main/grafana/amp.yaml", AMP);
    Files.createLink(project.resolve("amp-link.yaml"), amp); // a second hard link: replacing would split them

    assertThatThrownBy(() -> run(mojo(new ApplyMojo()).set("failOnError", false)))
        .isInstanceOf(MojoFailureException.class).hasMessageContaining("1 file could not be written")
        .hasMessageContaining(amp.toString()).hasMessageContaining("hard links");
    assertThat(Files.readString(amp)).isEqualTo(AMP);
  }

  @Test
  void aMissingDefaultDirectoryIsNothingToDo() throws Exception {
    assertThat(run(mojo(new ValidateMojo())).lines()).containsExactly("[debug] promshift:validate: "
        + project.resolve("src/main/grafana") + " does not exist", "[info] promshift:validate: no provisioning files to process");
  }

  @Test
  void skipSkipsEveryGoalAndEachGoalsOwnSkipOnlyThatGoalNamingThePropertyThatSkippedIt() throws Exception {
    write("src/main/grafana/broken.yaml", "{");
    assertThat(run(mojo(new CheckMojo()).set("skip", true)).lines())
        .containsExactly("[info] Skipping promshift:check (promshift.skip)");
    assertThat(run(mojo(new ValidateMojo()).set("skipValidate", true)).lines())
        .containsExactly("[info] Skipping promshift:validate (promshift.validate.skip)");
    assertThat(run(mojo(new CheckMojo()).set("skipCheck", true)).lines())
        .containsExactly("[info] Skipping promshift:check (promshift.check.skip)");
    assertThat(run(mojo(new ApplyMojo()).set("skipApply", true)).lines())
        .containsExactly("[info] Skipping promshift:apply (promshift.apply.skip)");
    // a goal's own skip leaves the others running (here: on the broken file)
    assertThatThrownBy(() -> run(mojo(new ValidateMojo()).set("skipCheck", true).set("skipApply", true)))
        .isInstanceOf(MojoFailureException.class);
  }

  @Test
  void aConfiguredDirectoryThatDoesNotExistFailsTheBuildNamingItsAbsolutePathWhateverFailOnError() {
    // a misspelt directory must not turn the gate off
    for (boolean failOnError : List.of(true, false)) {
      assertThatThrownBy(() -> run(mojo(new ValidateMojo()).set("failOnError", failOnError)
          .set("directories", List.of(new File("provisionning")))))
          .isInstanceOf(MojoFailureException.class)
          .hasMessage("promshift:validate: the configured directory " + project.resolve("provisionning")
              + " does not exist (fix directories, or skip the goal in this module with promshift.validate.skip)");
    }
    assertThatThrownBy(() -> run(mojo(new ApplyMojo()).set("directories", List.of(new File("a"),
        project.resolve("b").toFile()))))
        .hasMessage("promshift:apply: the configured directories " + project.resolve("a") + ", " + project.resolve("b")
            + " do not exist (fix directories, or skip the goal in this module with promshift.apply.skip)");
  }

  @Test
  void fileNamesAreLoggedPrintableSoThatNoneForgesALogLine() throws Exception {
    write("src/main/grafana/a\n[INFO] BUILD SUCCESS\u001b[31m\u202e.yaml", AMP);
    RecordingLog log = new RecordingLog();
    assertThatThrownBy(() -> run(mojo(new CheckMojo()), log)).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("a\\u000a[INFO] BUILD SUCCESS\\u001b[31m\\u202e.yaml");
    run(mojo(new ApplyMojo()), log);
    assertThat(String.join("\n", log.lines())).doesNotContain("\u001b", "\u202e")
        .contains("a\\u000a[INFO] BUILD SUCCESS\\u001b[31m\\u202e.yaml");
    assertThat(log.lines()).noneMatch(line -> line.contains("\n[INFO] BUILD SUCCESS"));
  }

  @Test
  void includesAndExcludesNarrowTheFiles() throws Exception {
    write("src/main/grafana/datasources/amp.yaml", AMP);
    write("src/main/grafana/legacy/amp.yaml", AMP);
    RecordingLog log = run(mojo(new CheckMojo()).set("excludes", List.of("legacy/**"))
        .set("includes", List.of("**/*.yaml")).set("to", "prometheus"));
    assertThat(log.lines()).contains("[info] promshift:check: 1 file: 0 would change (0 data sources to prometheus), "
        + "1 unchanged, 0 skipped, 0 failed");
  }

  private static final String KPS_VALUES = """
      grafana:
        additionalDataSources:
          - name: AMP
            type: prometheus
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
      """;
  private static final String RELEASE = """
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: grafana
      spec:
        values:
          myStuff:
            datasources:
              - name: Custom AMP
                type: prometheus
                jsonData:
                  sigV4Auth: "true"
      """;

  @Test
  void embeddedDataSourcesAreFoundUnlessEmbeddedIsOff() throws Exception {
    Path values = write("src/main/grafana/values.yaml", KPS_VALUES);

    assertThatThrownBy(() -> run(mojo(new CheckMojo()).set("embedded", "auto")))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("1 provisioning file would change in a migration to plugin types:\n"
            + "    src/main/grafana/values.yaml (1 data source)\n");
    RecordingLog off = run(mojo(new CheckMojo()).set("embedded", "off"));
    assertThat(off.lines()).contains("[debug] " + values + ": not a data source provisioning file; skipped");

    RecordingLog apply = run(mojo(new ApplyMojo()));
    assertThat(apply.lines()).contains("[info] " + values + ": 1 data source to plugin types\n"
        + "  3:7 \"AMP\" at grafana.additionalDataSources[0]: prometheus -> grafana-amazonprometheus-datasource"
        + " (marker added)");
    assertThat(Files.readString(values)).contains("type: grafana-amazonprometheus-datasource");
  }

  @Test
  void unitsDeclareFurtherPlacesOfDataSourcesAndFindingsThereNameTheirPath() throws Exception {
    Path release = write("src/main/grafana/release.yaml", RELEASE);
    String unit = "spec.values.myStuff.datasources=items";

    RecordingLog without = run(mojo(new ValidateMojo()));
    assertThat(without.lines()).contains("[debug] " + release + ": not a data source provisioning file; skipped");

    RecordingLog log = run(mojo(new ValidateMojo()).set("units", List.of(unit)));
    assertThat(log.lines()).contains("[warn] " + release + ":12:24: warning [sigv4-auth-not-boolean]"
        + " spec.values.myStuff.datasources[0].jsonData.sigV4Auth: sigV4Auth is the string \"true\", not the"
        + " boolean true: Grafana 9.4+ does not sign the requests and its type migration skips this data source");
  }

  @Test
  void anUnknownEmbeddedModeOrAUnitThatDoesNotReadIsAConfigurationError() throws Exception {
    write("src/main/grafana/values.yaml", KPS_VALUES);
    assertThatThrownBy(() -> run(mojo(new CheckMojo()).set("embedded", "sometimes")))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("promshift:check: unknown embedded 'sometimes'; use auto or off");
    assertThatThrownBy(() -> run(mojo(new ValidateMojo()).set("units", List.of("spec.values=list"))))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("promshift:validate: unit 'spec.values=list': the kind after = must be items, document or item,"
            + " got list");
    assertThatThrownBy(() -> run(mojo(new ApplyMojo()).set("embedded", "off").set("units", List.of("a=items"))))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("promshift:apply: units need embedded=auto (off reads plain provisioning files only)");
  }

  // --- promshift:fix

  private static final String MISREAD = """
      # AMP, written for Grafana 9.3
      apiVersion: "1"
      datasources:
        - name: AMP
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: yes   # signed until 9.4
            sigV4AuthType: default
            sigV4Region: eu-west-1
            assumeRoleArn: arn:aws:iam::123456789012:role/grafana-amp   # as the AMP plugin's docs write it
      """;
  private static final String FIXED = """
      # AMP, written for Grafana 9.3
      apiVersion: 1
      datasources:
        - name: AMP
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: true   # signed until 9.4
            sigV4AuthType: default
            sigV4Region: eu-west-1
            sigV4AssumeRoleArn: arn:aws:iam::123456789012:role/grafana-amp   # as the AMP plugin's docs write it
      """;

  @Test
  void fixRewritesTheFixableFindingsInPlaceLoggingEachFixAndASecondRunChangesNothing() throws Exception {
    Path amp = write("src/main/grafana/amp.yaml", MISREAD);
    Path plain = write("src/main/grafana/plain.yaml", PLAIN);

    RecordingLog log = run(mojo(new FixMojo()));

    assertThat(Files.readString(amp)).isEqualTo(FIXED);
    assertThat(Files.getLastModifiedTime(plain)).isEqualTo(OLD);
    assertThat(log.lines()).containsSubsequence(
        "[info] " + amp + ": fixed (3 fixes)",
        "[info] " + amp + ":2:13: fixed [api-version-quoted] apiVersion: \"1\" → 1",
        "[info] " + amp + ":8:18: fixed [sigv4-auth-not-boolean] sigV4Auth: yes → true",
        "[info] " + amp + ":11:7: fixed [sigv4-ignored-key] assumeRoleArn → sigV4AssumeRoleArn",
        "[info] promshift:fix: 1 file fixed: 3 fixes (1 file unchanged)");
    assertThat(log.lines()).noneMatch(l -> l.startsWith("[warn]") || l.startsWith("[error]"));

    Files.setLastModifiedTime(amp, OLD);
    assertThat(run(mojo(new FixMojo())).lines())
        .containsExactly("[info] promshift:fix: 0 files fixed: 0 fixes (2 files unchanged)");
    assertThat(Files.getLastModifiedTime(amp)).as("a fixed file is not touched again").isEqualTo(OLD);
  }

  @Test
  void fixRulesLimitTheFixToTheirFindings() throws Exception {
    Path amp = write("src/main/grafana/amp.yaml", MISREAD);
    RecordingLog log = run(mojo(new FixMojo()).set("fixRules", List.of("sigv4-auth-not-boolean", " ")));
    assertThat(Files.readString(amp)).isEqualTo(MISREAD.replace("sigV4Auth: yes", "sigV4Auth: true"));
    assertThat(log.lines()).contains("[info] promshift:fix: 1 file fixed: 1 fix");
  }

  @Test
  void aFixRuleThatDoesNotExistOrHasNoFixIsAConfigurationErrorInTheLibrarysWords() throws Exception {
    Path amp = write("src/main/grafana/amp.yaml", MISREAD);
    assertThatThrownBy(() -> run(mojo(new FixMojo()).set("fixRules", List.of("sigv4-auth-not-bolean"))))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("promshift:fix: fixRules: unknown rule 'sigv4-auth-not-bolean'; did you mean"
            + " sigv4-auth-not-boolean");
    assertThatThrownBy(() -> run(mojo(new FixMojo()).set("fixRules", List.of("sigv4-region-missing"))))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("promshift:fix: fixRules: rule sigv4-region-missing has no fix promshift makes;"
            + " fixable rules: ");
    assertThat(Files.readString(amp)).isEqualTo(MISREAD);
  }

  @Test
  void aFindingWhoseFixWouldChangeOtherDataStaysWithAWarning() throws Exception {
    String shared = AMP.replace("sigV4Auth: true", "sigV4Auth: &on yes") + "      customQueryParameters: *on\n";
    Path amp = write("src/main/grafana/amp.yaml", shared);
    RecordingLog log = run(mojo(new FixMojo()));
    assertThat(Files.readString(amp)).isEqualTo(shared);
    assertThat(log.lines()).containsExactly("[warn] " + amp + ":7:22: note: [sigv4-auth-not-boolean] sigV4Auth is"
        + " shared with other data (an anchor or a merge key) that this fix does not change; the finding stays:"
        + " write sigV4Auth: true",
        "[info] promshift:fix: 0 files fixed: 0 fixes (1 file unchanged)");
  }

  @Test
  void fixFailsOnAFileItCannotReadAsApplyDoesOrWarnsWithFailOnErrorFalse() throws Exception {
    Path broken = write("src/main/grafana/broken.yaml", "apiVersion: 1\ndatasources:\n  - name: [unclosed\n");
    Path amp = write("src/main/grafana/amp.yaml", MISREAD);
    String at = broken + ":4:1: ";
    assertThatThrownBy(() -> run(mojo(new FixMojo()))).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("1 file could not be fixed (set failOnError=false to warn instead):\n" + at);
    assertThat(Files.readString(amp)).as("the other files are fixed all the same").isEqualTo(FIXED);

    RecordingLog lenient = run(mojo(new FixMojo()).set("failOnError", false));
    assertThat(lenient.lines()).anyMatch(l -> l.startsWith("[warn] " + at + "warning: ") && l.endsWith("(failOnError=false)"));
  }

  @Test
  void fixWritesTheChangesAsAPatchReadableByItsOwnerAlone() throws Exception {
    write("src/main/grafana/amp.yaml", MISREAD);
    Path patch = project.resolve("target/fixes.patch");
    RecordingLog log = run(mojo(new FixMojo()).set("patchFile", new File("target/fixes.patch")));
    assertThat(Files.readString(patch)).startsWith("--- a/src/main/grafana/amp.yaml\n+++ b/src/main/grafana/amp.yaml\n")
        .contains("-      sigV4Auth: yes   # signed until 9.4\n+      sigV4Auth: true   # signed until 9.4\n");
    assertThat(log.lines()).contains("[warn] " + patch + ": warning: this patch holds the files' secrets in clear"
        + " (mode 0600); do not commit or share it");
    if (project.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(patch))).isEqualTo("rw-------");
    }
    RecordingLog again = run(mojo(new FixMojo()).set("patchFile", patch.toFile()));
    assertThat(patch).isEmptyFile();
    assertThat(again.lines()).noneMatch(l -> l.startsWith("[warn]"));
  }

  @Test
  void applyAndCheckNameTheFixGoalForADataSourceThatMigratesOnlyAfterAFix() throws Exception {
    write("src/main/grafana/amp.yaml", MISREAD);
    RecordingLog apply = run(mojo(new ApplyMojo()));
    RecordingLog check = run(mojo(new CheckMojo()));
    for (RecordingLog log : List.of(apply, check)) {
      assertThat(log.lines()).anyMatch(l -> l.startsWith("[warn] ") && l.contains("will not migrate: ")
          && l.endsWith("; run mvn promshift:fix first (it writes sigV4Auth: true), then migrate"));
      assertThat(String.join("\n", log.lines())).doesNotContain("promshift fix");
    }
  }

  @Test
  void fixHasItsOwnSkip() throws Exception {
    write("src/main/grafana/broken.yaml", "{");
    assertThat(run(mojo(new FixMojo()).set("skipFix", true)).lines())
        .containsExactly("[info] Skipping promshift:fix (promshift.fix.skip)");
    assertThat(run(mojo(new FixMojo()).set("skip", true)).lines())
        .containsExactly("[info] Skipping promshift:fix (promshift.skip)");
    assertThatThrownBy(() -> run(mojo(new ApplyMojo()).set("skipFix", true))).isInstanceOf(MojoFailureException.class);
  }

  // --- harness: a mojo configured as Maven configures one, and a log that records

  private Path write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, OLD);
    return file;
  }

  private Mojo mojo(AbstractPromshiftMojo mojo) {
    Mojo configured = new Mojo(mojo);
    configured.set("baseDir", project.toFile()).set("failOnError", true).set("failOn", "error").set("to", "plugins")
        .set("reportsDirectory", project.resolve("target/promshift").toFile());
    return configured;
  }

  private static RecordingLog run(Mojo mojo) throws MojoExecutionException, MojoFailureException {
    RecordingLog log = new RecordingLog();
    run(mojo, log);
    return log;
  }

  private static void run(Mojo mojo, RecordingLog log) throws MojoExecutionException, MojoFailureException {
    mojo.mojo.setLog(log);
    mojo.mojo.execute();
  }

  /** Sets the {@code @Parameter} fields, as Maven does, by name; fields a goal does not have are ignored. */
  private static final class Mojo {
    final AbstractPromshiftMojo mojo;

    Mojo(AbstractPromshiftMojo mojo) {
      this.mojo = mojo;
    }

    Mojo set(String name, Object value) {
      for (Class<?> type = mojo.getClass(); type != AbstractMojo.class; type = type.getSuperclass()) {
        try {
          Field field = type.getDeclaredField(name);
          field.setAccessible(true);
          field.set(mojo, value);
          return this;
        } catch (NoSuchFieldException e) {
          // look in the superclass
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
      return this;
    }
  }

  private static final class RecordingLog implements Log {
    private final List<String> lines = new ArrayList<>();

    List<String> lines() {
      return lines;
    }

    private void add(String level, CharSequence content) {
      lines.add("[" + level + "] " + content);
    }

    @Override public boolean isDebugEnabled() { return true; }
    @Override public void debug(CharSequence content) { add("debug", content); }
    @Override public void debug(CharSequence content, Throwable error) { add("debug", content); }
    @Override public void debug(Throwable error) { add("debug", error.toString()); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence content) { add("info", content); }
    @Override public void info(CharSequence content, Throwable error) { add("info", content); }
    @Override public void info(Throwable error) { add("info", error.toString()); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence content) { add("warn", content); }
    @Override public void warn(CharSequence content, Throwable error) { add("warn", content); }
    @Override public void warn(Throwable error) { add("warn", error.toString()); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence content) { add("error", content); }
    @Override public void error(CharSequence content, Throwable error) { add("error", content); }
    @Override public void error(Throwable error) { add("error", error.toString()); }
  }
}
