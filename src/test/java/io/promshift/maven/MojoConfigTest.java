package io.promshift.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promshift:validate with the project's .promshift.yaml, the rules parameter and grafanaIni. */
class MojoConfigTest {
  private static final String EMPTY_REGION = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: grafana-amazonprometheus-datasource
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: true
            sigV4AuthType: ec2_iam_role
            sigV4Region: ""
      """;

  @TempDir
  Path project;

  @BeforeEach
  void aRepositoryWithOneFile() throws Exception {
    Files.createDirectories(project.resolve(".git"));
    Files.createDirectories(project.resolve("src/main/grafana"));
    Files.writeString(project.resolve("src/main/grafana/amp.yaml"), EMPTY_REGION);
  }

  private ValidateMojo validate(Object... namesAndValues) {
    ValidateMojo mojo = new ValidateMojo();
    set(mojo, "baseDir", project.toFile());
    set(mojo, "failOnError", true);
    set(mojo, "reportsDirectory", project.resolve("target/promshift").toFile());
    for (int i = 0; i < namesAndValues.length; i += 2) {
      set(mojo, (String) namesAndValues[i], namesAndValues[i + 1]);
    }
    mojo.setLog(new SystemStreamLog());
    return mojo;
  }

  @Test
  void theProjectsConfigurationFileDecidesWhatFails() throws Exception {
    assertThatThrownBy(() -> validate().execute()).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("sigv4-region-missing");
    Files.writeString(project.resolve(".promshift.yaml"), "rules:\n  sigv4-region-missing: warning\n");
    validate().execute();
    Files.writeString(project.resolve(".promshift.yaml"), "rules:\n  sigv4-region-missing: warning\nfail-on: warning\n");
    assertThatThrownBy(() -> validate().execute()).isInstanceOf(MojoFailureException.class);
  }

  @Test
  void theRulesParameterOverridesTheConfigurationFile() throws Exception {
    Files.writeString(project.resolve(".promshift.yaml"), "rules:\n  sigv4-region-missing: warning\n");
    assertThatThrownBy(() -> validate("rules", Map.of("sigv4-region-missing", "error")).execute())
        .isInstanceOf(MojoFailureException.class);
    assertThatThrownBy(() -> validate("rules", Map.of("sigv4-region-mising", "off")).execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("promshift:validate: rules: unknown rule 'sigv4-region-mising'; did you mean"
            + " sigv4-region-missing?");
  }

  @Test
  void configFileAndGrafanaIniAreReadRelativeToTheProject() throws Exception {
    Files.writeString(project.resolve("promshift-ci.yaml"), "rules:\n  sigv4-region-missing: off\nfail-on: warning\n");
    Files.writeString(project.resolve("grafana.ini"), "[aws]\nallowed_auth_providers = default, ec2_iam_role\n");
    assertThatThrownBy(() -> validate("configFile", new File("promshift-ci.yaml")).execute())
        .as("ec2_iam_role with Grafana's default providers").hasMessageContaining("sigv4-auth-type-provider");
    validate("configFile", new File("promshift-ci.yaml"), "grafanaIni", new File("grafana.ini")).execute();
  }

  @Test
  void aConfigurationFileThatDoesNotReadIsAConfigurationErrorAtItsPlace() throws Exception {
    Files.writeString(project.resolve(".promshift.yaml"), "fail-on: warning\nskip: true\n");
    assertThatThrownBy(() -> validate().execute()).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("promshift:validate: " + project.resolve(".promshift.yaml") + ":2:1: unknown key skip");
  }

  private static void set(AbstractMojo mojo, String name, Object value) {
    List<Class<?>> types = new ArrayList<>();
    for (Class<?> type = mojo.getClass(); type != AbstractMojo.class; type = type.getSuperclass()) {
      types.add(type);
    }
    for (Class<?> type : types) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(mojo, value);
        return;
      } catch (NoSuchFieldException e) {
        // the superclass's
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("no parameter " + name);
  }
}
