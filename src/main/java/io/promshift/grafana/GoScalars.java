package io.promshift.grafana;

import io.promshift.syntax.ScalarNode;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scalar resolution exactly as go-yaml v3 does it ({@code resolve.go}, {@code decode.go}), which is how
 * Grafana 9.4+ reads {@code jsonData}: only {@code true True TRUE false False FALSE} are booleans; YAML 1.1's
 * {@code yes/on/y} stay strings; ints follow Go's {@code strconv.ParseInt(s, 0, 64)} after removing
 * {@code _}; quoted and block scalars are strings unless an explicit tag says otherwise.
 */
public final class GoScalars {
  private static final String YAML_TAG = "tag:yaml.org,2002:";
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
  private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> NAN = Set.of(".nan", ".NaN", ".NAN");
  private static final Set<String> POSITIVE_INFINITY = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
  private static final Set<String> NEGATIVE_INFINITY = Set.of("-.inf", "-.Inf", "-.INF");
  /** YAML 1.1 booleans that go-yaml v3 leaves as strings in untyped values. */
  public static final Set<String> YAML11_BOOL_WORDS = Set.of(
      "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
      "n", "N", "no", "No", "NO", "off", "Off", "OFF");
  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private GoScalars() {}

  /** Whether a plain scalar's text reads as null ({@code ~ null Null NULL} or nothing). */
  static boolean isNullWord(String text) {
    return NULL.contains(text);
  }

  /** What a scalar's explicit tag, or its style and text, make of it for Grafana (go-yaml v3). */
  public static GoValue resolve(ScalarNode node) {
    return resolve(node, YamlDialect.GRAFANA);
  }

  /** What a scalar's explicit tag, or its style and text, make of it for the given reader. */
  public static GoValue resolve(ScalarNode node, YamlDialect dialect) {
    String tag = shortTag(node.tag());
    String text = node.value();
    if (tag == null || tag.equals("!")) {
      if (node.style() != io.promshift.syntax.ScalarStyle.PLAIN) {
        return new GoValue.GoString(text, node, false);
      }
      return resolvePlain(text, node, dialect);
    }
    switch (tag) {
      case "!!str":
        return new GoValue.GoString(text, node, false);
      case "!!null":
        return new GoValue.GoNull(node);
      case "!!bool", "!!int", "!!float", "!!timestamp": {
        GoValue resolved = resolvePlain(text, node, dialect);
        String kind = resolved.kindName();
        boolean matches = switch (tag) {
          case "!!bool" -> kind.equals("bool");
          case "!!int" -> kind.equals("int");
          case "!!float" -> kind.equals("float") || kind.equals("int");
          default -> GoTimestamps.toJson(text) != null;
        };
        if (!matches) {
          throw new TagMismatch(tag, kind);
        }
        if (tag.equals("!!float") && resolved instanceof GoValue.GoInt integer) {
          return new GoValue.GoFloat(integer.value().doubleValue(), node);
        }
        if (tag.equals("!!timestamp")) {
          return new GoValue.GoString(GoTimestamps.toJson(text), node, false);
        }
        return resolved;
      }
      default:
        // Unknown and local tags (!Ref, !!binary, ...): decoded into interface{} as the text.
        return new GoValue.GoString(text, node, false);
    }
  }

  /** A plain scalar's meaning (go-yaml v3 {@code resolve("", in)}). */
  static GoValue resolvePlain(String in, ScalarNode node) {
    return resolvePlain(in, node, YamlDialect.GRAFANA);
  }

  /**
   * A plain scalar's meaning for a reader: go-yaml v3, or go-yaml v2 ({@code resolve.go}: YAML 1.1 boolean words;
   * a timestamp decoded into an untyped value stays its text).
   */
  static GoValue resolvePlain(String in, ScalarNode node, YamlDialect dialect) {
    if (dialect == YamlDialect.YAML_1_1 && YAML11_BOOL_WORDS.contains(in)) {
      char first = in.charAt(0);
      return new GoValue.GoBool(first == 'y' || first == 'Y' || in.equalsIgnoreCase("on"), node);
    }
    if (TRUE.contains(in)) {
      return new GoValue.GoBool(true, node);
    }
    if (FALSE.contains(in)) {
      return new GoValue.GoBool(false, node);
    }
    if (NULL.contains(in)) {
      return new GoValue.GoNull(node);
    }
    if (NAN.contains(in)) {
      return new GoValue.GoFloat(Double.NaN, node);
    }
    if (POSITIVE_INFINITY.contains(in)) {
      return new GoValue.GoFloat(Double.POSITIVE_INFINITY, node);
    }
    if (NEGATIVE_INFINITY.contains(in)) {
      return new GoValue.GoFloat(Double.NEGATIVE_INFINITY, node);
    }
    char first = in.charAt(0);
    if (first == '.') {
      if (DOT_FLOAT.matcher(in).matches()) {
        double value = Double.parseDouble(in);
        if (!Double.isInfinite(value)) {
          return new GoValue.GoFloat(value, node);
        }
      }
    } else if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
      String timestamp = dialect == YamlDialect.GRAFANA ? GoTimestamps.toJson(in) : null;
      if (timestamp != null) {
        // go-yaml v3 makes it a time.Time, which Grafana stores in jsonData as RFC 3339 text.
        return new GoValue.GoString(timestamp, node, false);
      }
      String plain = in.replace("_", "");
      Number integer = parseGoInt(plain);
      if (integer != null) {
        return new GoValue.GoInt(integer, node);
      }
      if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
        double value = Double.parseDouble(plain);
        if (!Double.isInfinite(value)) { // Go's ParseFloat fails with ErrRange: it stays a string
          return new GoValue.GoFloat(value, node);
        }
      }
    }
    return new GoValue.GoString(in, node, YAML11_BOOL_WORDS.contains(in));
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)}, then {@code ParseUint(s, 0, 64)}: sign, {@code 0x 0o 0b}
   * prefixes, leading-zero octal. Returns a Long, a BigInteger above int64, or null when it is no int.
   */
  public static Number parseGoInt(String s) {
    if (s.isEmpty()) {
      return null;
    }
    boolean negative = false;
    int i = 0;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() >= 2 && body.charAt(0) == '0') {
      char p = body.charAt(1);
      if (p == 'x' || p == 'X') {
        radix = 16;
        body = body.substring(2);
      } else if (p == 'o' || p == 'O') {
        radix = 8;
        body = body.substring(2);
      } else if (p == 'b' || p == 'B') {
        radix = 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    int significant = -1;
    for (int k = 0; k < body.length(); k++) {
      if (Character.digit(body.charAt(k), radix) < 0 || body.charAt(k) > 'z') {
        return null;
      }
      if (significant < 0 && body.charAt(k) != '0') {
        significant = k;
      }
    }
    if (significant >= 0 && body.length() - significant > 64) {
      // 65 digits are at least 2^64 in any radix: out of range for both parses. Said before BigInteger
      // reads it, as that takes time quadratic in the digits.
      return null;
    }
    BigInteger value = new BigInteger(body, radix);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() < 64) {
      return value.longValue();
    }
    // ParseUint accepts no sign at all.
    if (i == 0 && value.signum() >= 0 && value.compareTo(UINT64_MAX) <= 0) {
      return value;
    }
    return null;
  }

  /** Go's {@code strconv.ParseBool}: how Grafana converts typed fields such as {@code isDefault}. */
  public static Boolean parseGoBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** {@code tag:yaml.org,2002:str} → {@code !!str}; other tags unchanged; null stays null. */
  public static String shortTag(String tag) {
    if (tag != null && tag.startsWith(YAML_TAG)) {
      return "!!" + tag.substring(YAML_TAG.length());
    }
    return tag;
  }

  /** An explicit tag that the scalar's text does not satisfy ({@code !!bool yes}); go-yaml refuses it. */
  static final class TagMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TagMismatch(String tag, String kind) {
      super("the value is tagged " + tag + " but reads as a " + kind
          + "; Grafana's YAML reader refuses it (cannot decode as " + tag + ")", null, false, false);
    }
  }
}
