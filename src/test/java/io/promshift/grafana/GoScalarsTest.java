package io.promshift.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** yaml-traps 2: resolve the way Grafana 9.4+ (go-yaml v3) does, not YAML 1.1 nor the Engine's JSON schema. */
class GoScalarsTest {

  private static Object valueOf(String yamlValue) {
    GoValue root = GoYaml.resolve(new YamlReader().read(SourceText.of("t", "v: " + yamlValue + "\n")));
    return ((GoMap) root).get("v").orElseThrow().toPlain();
  }

  private static GoValue goValueOf(String yamlValue) {
    GoValue root = GoYaml.resolve(new YamlReader().read(SourceText.of("t", "v: " + yamlValue + "\n")));
    return ((GoMap) root).get("v").orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({"true", "True", "TRUE"})
  void onlyTheseWordsAreTrue(String word) {
    assertThat(valueOf(word)).isEqualTo(Boolean.TRUE);
  }

  @ParameterizedTest
  @CsvSource({"false", "False", "FALSE"})
  void onlyTheseWordsAreFalse(String word) {
    assertThat(valueOf(word)).isEqualTo(Boolean.FALSE);
  }

  @ParameterizedTest
  @CsvSource({"yes", "Yes", "YES", "on", "On", "ON", "y", "Y", "no", "No", "off", "OFF", "n", "N"})
  void yaml11WordsStayStringsAndAreRecognised(String word) {
    GoValue value = goValueOf(word);
    assertThat(value).isInstanceOfSatisfying(GoValue.GoString.class, s -> {
      assertThat(s.value()).isEqualTo(word);
      assertThat(s.yaml11BoolWord()).isTrue();
    });
  }

  @Test
  void quotedYaml11WordIsAStringButNotFlaggedAsAPlainWord() {
    assertThat(goValueOf("\"yes\"")).isInstanceOfSatisfying(GoValue.GoString.class,
        s -> assertThat(s.yaml11BoolWord()).isFalse());
    assertThat(goValueOf("tRue")).isInstanceOf(GoValue.GoString.class);
  }

  @ParameterizedTest
  @CsvSource(value = {"~", "null", "Null", "NULL", "''"}, quoteCharacter = '"')
  void nullWords(String word) {
    String yaml = word.equals("''") ? "" : word;
    assertThat(valueOf(yaml)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "12, 12", "-12, -12", "+7, 7", "0x1F, 31", "0X1f, 31", "0o17, 15", "0b101, 5", "012, 10",
      "1_000, 1000", "-0x10, -16", "0, 0", "9223372036854775807, 9223372036854775807"})
  void integersFollowGoParseIntBaseZero(String text, long expected) {
    assertThat(valueOf(text)).isEqualTo(expected);
  }

  @Test
  void integersBeyondInt64FitUint64() {
    assertThat(valueOf("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(valueOf("0xFFFFFFFFFFFFFFFF")).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(valueOf("18446744073709551616")).isEqualTo(1.8446744073709552E19);
  }

  @Test
  void parseGoIntAnswersAsBigIntegerWouldForAnyNumberOfDigits() {
    // Above 64 significant digits the answer is "no int" without BigInteger reading the digits (which takes
    // time quadratic in their number); leading zeros are not significant.
    for (String prefix : new String[] {"", "-", "+", "0x", "0o", "0b", "0", "-0b", "-0x"}) {
      int radix = prefix.endsWith("x") ? 16 : prefix.endsWith("o") || prefix.equals("0") ? 8 : prefix.endsWith("b") ? 2 : 10;
      for (int digits = 1; digits <= 70; digits++) {
        for (String body : new String[] {"1".repeat(digits), "1" + "0".repeat(digits - 1), "0".repeat(digits) + "1"}) {
          String text = prefix + body;
          assertThat(GoScalars.parseGoInt(text)).as(text).isEqualTo(viaBigInteger(text, body, radix));
        }
      }
    }
    assertThat(GoScalars.parseGoInt("0x" + "0".repeat(100_000) + "ff")).isEqualTo(255L);
    assertThat(GoScalars.parseGoInt("1".repeat(1_000_000))).isNull();
    assertThat(GoScalars.parseGoInt("1".repeat(1_000_000) + "x")).isNull();
  }

  /** What parseGoInt answered before it counted digits: BigInteger's reading, then the int64/uint64 ranges. */
  private static Number viaBigInteger(String text, String body, int radix) {
    BigInteger value = new BigInteger(body, radix);
    if (text.startsWith("-")) {
      value = value.negate();
    }
    if (value.bitLength() < 64) {
      return value.longValue();
    }
    boolean signed = text.startsWith("-") || text.startsWith("+");
    return !signed && value.compareTo(BigInteger.ONE.shiftLeft(64)) < 0 ? value : null;
  }

  @Test
  void aNumberOfAMillionDigitsIsAFloatOutOfRangeAndStaysText() {
    assertThat(valueOf("1".repeat(1_000_000))).isEqualTo("1".repeat(1_000_000));
    assertThat(valueOf("0x" + "f".repeat(1_000_000))).isEqualTo("0x" + "f".repeat(1_000_000));
  }

  @ParameterizedTest
  @CsvSource({"1.5, 1.5", "-2.5e3, -2500.0", ".5, 0.5", "09, 9.0", "1., 1.0"})
  void floats(String text, double expected) {
    assertThat(valueOf(text)).isEqualTo(expected);
  }

  @Test
  void specialFloatsAndOutOfRange() {
    assertThat((Double) valueOf(".nan")).isNaN();
    assertThat(valueOf("-.Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(valueOf("+.INF")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(valueOf("1e400")).isEqualTo("1e400");
  }

  @Test
  void otherTextStaysAsWritten() {
    assertThat(valueOf("0x")).isEqualTo("0x");
    assertThat(valueOf("1.2.3")).isEqualTo("1.2.3");
    assertThat(valueOf("$__env{SIGV4}")).isEqualTo("$__env{SIGV4}");
    assertThat(valueOf("'true'")).isEqualTo("true");
    assertThat(valueOf("|\n  true")).isEqualTo("true\n");
  }

  @Test
  void timestampsBecomeTheRfc3339TextGrafanaStores() {
    // go-yaml v3 makes them time.Time; Grafana stores jsonData as JSON
    assertThat(valueOf("2024-01-31")).isEqualTo("2024-01-31T00:00:00Z");
    assertThat(valueOf("2001-12-14t21:59:43.10-05:00")).isEqualTo("2001-12-14T21:59:43.1-05:00");
    assertThat(valueOf("2001-12-14 21:59:43.123")).isEqualTo("2001-12-14T21:59:43.123Z");
    assertThat(valueOf("2024-02-30")).as("no such day: a string").isEqualTo("2024-02-30");
    assertThat(valueOf("\"2024-01-31\"")).as("quoted: a string").isEqualTo("2024-01-31");
  }

  @Test
  void explicitTagsAreHonoured() {
    assertThat(valueOf("!!str true")).isEqualTo("true");
    assertThat(valueOf("!!str 12")).isEqualTo("12");
    assertThat(valueOf("!!int \"12\"")).isEqualTo(12L);
    assertThat(valueOf("!!bool \"true\"")).isEqualTo(true);
    assertThat(valueOf("!!float 1")).isEqualTo(1.0);
    assertThat(valueOf("!!null ~")).isNull();
    assertThat(valueOf("!!null \"\"")).isNull();
    assertThat(valueOf("!Ref thing")).isEqualTo("thing");
  }

  @Test
  void aTagTheTextDoesNotSatisfyIsRefusedAsGrafanaWould() {
    assertThatThrownBy(() -> valueOf("!!bool yes")).isInstanceOf(SourceException.class)
        .hasMessageStartingWith("t:1:4: the value is tagged !!bool but reads as a string");
    assertThatThrownBy(() -> valueOf("!!int abc")).isInstanceOf(SourceException.class);
    assertThatThrownBy(() -> valueOf("!!null whatever")).isInstanceOf(SourceException.class)
        .hasMessageContaining("cannot decode as !!null");
  }

  @Test
  void goParseBoolForTypedFields() {
    assertThat(Map.of("1", true, "t", true, "TRUE", true, "F", false, "0", false))
        .allSatisfy((k, v) -> assertThat(GoScalars.parseGoBool(k)).isEqualTo(v));
    assertThat(GoScalars.parseGoBool("yes")).isNull();
    assertThat(GoScalars.parseGoBool("tRUE")).isNull();
  }
}
