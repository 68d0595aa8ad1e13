package io.promshift.grafana;

import io.promshift.syntax.ScalarNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The keys of a {@code map[interface{}]interface{}} (an untyped map with a key that is not a string), which go-yaml v3
 * keys by the keys' Go values: their identity ({@code 1} and {@code 01} are the int 1, one key; {@code 1} and
 * {@code 1.0} are an int and a float, two keys; {@code ~} is the nil key) and the text promshift shows them by, Go's
 * {@code fmt} {@code %v} form ({@code 1}, {@code true}, {@code <nil>}, {@code 1e+06}), except that a timestamp is
 * shown in the RFC 3339 form Grafana stores for a time value.
 */
final class GoKeys {
  /** The nil key. */
  static final Object NIL = new Object() {
    @Override
    public String toString() {
      return "<nil>";
    }
  };

  /** A {@code time.Time} key, told apart from a string of the same text. */
  private record TimeKey(String rfc3339) {}

  private GoKeys() {}

  /**
   * A key's identity in a Go map: equal for keys go-yaml's map holds as one (a NaN equals nothing, not even itself).
   *
   * @param node the key's scalar, or null for a key that is not a scalar
   */
  static Object identity(GoValue value, ScalarNode node) {
    if (value instanceof GoValue.GoString string) {
      return isTimestamp(node) ? new TimeKey(string.value()) : string.value();
    }
    if (value instanceof GoValue.GoInt integer) {
      return integer.value();
    }
    if (value instanceof GoValue.GoFloat number) {
      return Double.isNaN(number.value()) ? new Object() : (Object) number.value();
    }
    if (value instanceof GoValue.GoBool bool) {
      return bool.value();
    }
    return NIL;
  }

  /** A key's text: Go's {@code %v} of its value (a timestamp's RFC 3339 form). */
  static String text(GoValue value) {
    if (value instanceof GoValue.GoString string) {
      return string.value();
    }
    if (value instanceof GoValue.GoInt integer) {
      return integer.value().toString();
    }
    if (value instanceof GoValue.GoFloat number) {
      return formatFloat(number.value());
    }
    if (value instanceof GoValue.GoBool bool) {
      return Boolean.toString(bool.value());
    }
    return "<nil>";
  }

  private static boolean isTimestamp(ScalarNode node) {
    return node != null && node.isPlain() && node.tag() == null && GoTimestamps.toJson(node.value()) != null;
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, which {@code %v} prints: the shortest digits that read back. */
  static String formatFloat(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return 1 / f < 0 ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(Math.abs(f));
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == Math.abs(f)) {
        shortest = rounded;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int exponent = digits.length() - shortest.scale() - 1; // of the first digit
    StringBuilder out = new StringBuilder(f < 0 ? "-" : "");
    if (exponent < -4 || exponent >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int magnitude = Math.abs(exponent);
      out.append(magnitude < 10 ? "0" + magnitude : Integer.toString(magnitude));
    } else {
      out.append(shortest.toPlainString());
    }
    return out.toString();
  }
}
