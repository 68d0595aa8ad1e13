package io.promshift.rules;

import static io.promshift.rules.Validation.all;
import static io.promshift.rules.Validation.at;
import static io.promshift.rules.Validation.findings;
import static io.promshift.rules.Validation.together;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules Grafana applies across all files it reads together. */
class CrossFileRulesTest {

  @Test
  void oneDefaultPerOrganizationWithinAFile() {
    assertThat(at("multiple-defaults", """
        apiVersion: 1
        datasources:
          - name: A
            isDefault: true
          - name: B
            isDefault: True
          - name: C
            orgId: 2
            isDefault: 1
        """)).containsExactly("6:16 error");
    assertThat(at("multiple-defaults", """
        apiVersion: 1
        datasources:
          - name: A
            isDefault: true
          - name: B
            orgId: 2
            isDefault: true
          - name: C
            orgId: 0
            isDefault: false
        """)).isEmpty();
  }

  @Test
  void grafanaReadsOneDirectoryAsOneSetSoTheCrossFileRulesStopAtTheDirectory() {
    String defaultSource = "apiVersion: 1\ndatasources:\n  - name: A\n    uid: a\n    isDefault: true\n";
    io.promshift.Promshift promshift = io.promshift.Promshift.create();
    Validator validator = Validator.create();
    List<io.promshift.model.ProvisioningFile> twoDirectories = List.of(
        promshift.read("prod/datasources/a.yaml", defaultSource),
        promshift.read("staging/datasources/a.yaml", defaultSource));
    assertThat(validator.validateByDirectory(twoDirectories)).extracting(Diagnostic::rule)
        .doesNotContain("multiple-defaults", "uid-collision", "duplicate-name");
    List<io.promshift.model.ProvisioningFile> oneDirectory = List.of(
        promshift.read("prod/datasources/a.yaml", defaultSource),
        promshift.read("prod/datasources/b.yaml", defaultSource));
    assertThat(validator.validateByDirectory(oneDirectory)).extracting(Diagnostic::rule)
        .contains("multiple-defaults", "duplicate-name");
  }

  @Test
  void oneDefaultPerOrganizationAcrossFilesNamingTheFirst() {
    List<Diagnostic> findings = together("""
        apiVersion: 1
        datasources:
          - name: A
            isDefault: true
        """, """
        datasources:
          - name: B
            org_id: 1
            is_default: yes
        """);
    assertThat(all(findings)).contains("4:17 error multiple-defaults");
    assertThat(findings.stream().filter(f -> f.rule().equals("multiple-defaults")).findFirst().orElseThrow())
        .satisfies(f -> {
          assertThat(f.file()).isEqualTo("b.yaml");
          assertThat(f.message()).contains("\"A\" at a.yaml:4:16");
        });
  }

  @Test
  void aUidUsedTwiceInAnOrganization() {
    assertThat(at("uid-collision", """
        apiVersion: 1
        datasources:
          - name: A
            uid: prom
          - name: B
            uid: prom
          - name: C
            orgId: 2
            uid: prom
        """)).containsExactly("6:10 error");
    List<Diagnostic> twoFiles = together("""
        apiVersion: 1
        datasources:
          - name: A
            uid: prom
        """, """
        apiVersion: 1
        datasources:
          - name: A
            uid: prom
        """);
    assertThat(at("uid-collision", twoFiles)).as("the same data source updated twice is no collision").isEmpty();
    assertThat(at("duplicate-name", twoFiles)).containsExactly("3:11 warning");
  }

  @Test
  void theSameOrgAndNameTwice() {
    assertThat(at("duplicate-name", """
        apiVersion: 1
        datasources:
          - name: Prometheus
          - name: Prometheus
            orgId: 1
          - name: Prometheus
            orgId: 2
        """)).containsExactly("4:11 warning");
    assertThat(findings("""
        apiVersion: 1
        datasources:
          - name: Prometheus
          - name: Prometheus
        """).get(0).message()).contains("line 3", "not defined");
    assertThat(at("duplicate-name", """
        apiVersion: 1
        deleteDatasources:
          - name: Prometheus
        datasources:
          - name: Prometheus
          - name: prometheus
        """)).as("a delete then an insert, and names are case-sensitive").isEmpty();
  }

  @Test
  void anOrgFromAPlaceholderIsNotGuessed() {
    assertThat(all(findings("""
        apiVersion: 1
        datasources:
          - name: A
            isDefault: true
          - name: B
            orgId: $ORG
            isDefault: true
        """))).containsExactly("6:12 info placeholder-unchecked");
  }
}
