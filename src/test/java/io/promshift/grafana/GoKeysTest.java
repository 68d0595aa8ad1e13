package io.promshift.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text of a key of a map keyed by values: what Go's fmt %v prints (checked against Go 1.19). */
class GoKeysTest {

  @Test
  void floatsAreShownAsGoPrintsThemWithPercentV() {
    assertThat(GoKeys.formatFloat(1000)).isEqualTo("1000");
    assertThat(GoKeys.formatFloat(1e6)).isEqualTo("1e+06");
    assertThat(GoKeys.formatFloat(0.5)).isEqualTo("0.5");
    assertThat(GoKeys.formatFloat(1e21)).isEqualTo("1e+21");
    assertThat(GoKeys.formatFloat(1.5e-5)).isEqualTo("1.5e-05");
    assertThat(GoKeys.formatFloat(123456)).isEqualTo("123456");
    assertThat(GoKeys.formatFloat(1234567)).isEqualTo("1.234567e+06");
    assertThat(GoKeys.formatFloat(0.0001)).isEqualTo("0.0001");
    assertThat(GoKeys.formatFloat(1e-5)).isEqualTo("1e-05");
    assertThat(GoKeys.formatFloat(0.1)).isEqualTo("0.1");
    assertThat(GoKeys.formatFloat(-2.5)).isEqualTo("-2.5");
    assertThat(GoKeys.formatFloat(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoKeys.formatFloat(Double.NaN)).isEqualTo("NaN");
  }
}
