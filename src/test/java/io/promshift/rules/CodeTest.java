package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.Promshift;
import io.promshift.io.FileSet;
import io.promshift.model.ProvisioningFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CodeTest {

  @Test
  void everyRuleIsDescribedOnceWithAStableKebabCaseId() {
    assertThat(Code.rules()).extracting(Code::id).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "kebab-case");
    assertThat(Code.rules()).allSatisfy(rule -> {
      assertThat(rule.title()).isNotBlank().doesNotEndWith(".");
      assertThat(rule.help()).isNotBlank();
    });
    assertThat(Code.rules()).extracting(Code::id).contains(
        "duplicate-key", "api-version-quoted", "bool-not-parsebool", "int-not-base10", "multiple-defaults",
        "uid-collision", "name-missing", "name-too-long", "url-too-long", "uid-invalid", "access-invalid",
        "duplicate-name", "fixed-version-migrated", "sigv4-region-missing", "amp-unsigned", "sigv4-auth-not-boolean",
        "sigv4-keys-while-off", "sigv4-auth-type-provider", "sigv4-ignored-key", "amp-url-region-mismatch",
        "amp-url-not-https", "amp-url-api-v1", "access-direct-signed", "secret-in-json-data", "literal-aws-key",
        "migration-pending", "migrated", "yaml-syntax", "template", "limit", "schema");
  }

  @Test
  void severitiesFollowTheIssue() {
    assertThat(Code.get("duplicate-key").severity()).isEqualTo(Severity.ERROR);
    assertThat(Code.get("uid-invalid").severity()).isEqualTo(Severity.WARNING);
    assertThat(Code.get("access-invalid").severity()).isEqualTo(Severity.WARNING);
    assertThat(Code.get("duplicate-name").severity()).isEqualTo(Severity.WARNING);
    assertThat(Code.get("sigv4-region-missing").severity()).isEqualTo(Severity.ERROR);
    assertThat(Code.get("sigv4-auth-type-provider").severity()).isEqualTo(Severity.WARNING);
    assertThat(Code.get("migration-pending").severity()).isEqualTo(Severity.INFO);
    assertThat(Code.get("migrated").severity()).isEqualTo(Severity.INFO);
    assertThat(Severity.WARNING.reaches(Severity.ERROR)).isFalse();
    assertThat(Severity.ERROR.reaches(Severity.WARNING)).isTrue();
    assertThat(Severity.INFO.sarifLevel()).isEqualTo("note");
  }

  @Test
  void oneValidatorServesManyThreadsWithTheSameResults() throws Exception {
    Promshift promshift = Promshift.create();
    List<ProvisioningFile> files = new ArrayList<>();
    for (Path file : FileSet.of(Path.of("samples", "provisioning")).files()) {
      files.add(promshift.read(file));
    }
    Validator validator = Validator.create();
    List<Diagnostic> expected = validator.validateAll(files);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Diagnostic>>> runs = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        runs.add(pool.submit(() -> validator.validateAll(files)));
      }
      for (Future<List<Diagnostic>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
