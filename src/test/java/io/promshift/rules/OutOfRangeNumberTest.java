package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole number beyond 64-bit range is a finding at its place, never an internal error of the run. */
class OutOfRangeNumberTest {

  @Test
  void anApiVersionOf1e19IsAFindingAtItsPlace() {
    var file = new ProvisioningReader(ReadSettings.DEFAULTS).read(SourceText.of("ds.yaml", """
        apiVersion: 1e19
        datasources:
          - name: a
            type: prometheus
        """));
    List<Diagnostic> findings = Validator.create().validate(file);
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(Code.SCHEMA);
      assertThat(f.position()).hasToString("1:13");
      assertThat(f.message()).contains("apiVersion", "1.0E19");
    });
  }
}
