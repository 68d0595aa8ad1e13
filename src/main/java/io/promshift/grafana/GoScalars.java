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
  /** A canonical base-10 integer: what a quoted number means without a guess (no sign, base or separator games). */
  private static final Pattern CANONICAL_INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  /**
   * What Go's {@code strconv.ParseFloat} takes of a text that starts with {@code .}: underscores only between digits.
   */
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?");
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private GoScalars() {}

  /**
   * The boolean a text was meant to be, when nobody could read it otherwise: go-yaml v3's own boolean words
   * ({@code true True TRUE false False FALSE}, written quoted they are strings) and the YAML 1.1 words ({@code yes on
   * y no off n} in their three spellings) that Grafana 9.3 read as booleans. Anything else ({@code 1}, {@code t},
   * {@code enabled}, a placeholder) is empty: its meaning would be a guess. The one rule for what {@code promshift fix}
   * turns into a boolean, and for what status and migrate say a fix would move.
   */
  public static java.util.Optional<Boolean> meantBoolean(String text) {
    if (TRUE.contains(text)) {
      return java.util.Optional.of(Boolean.TRUE);
    }
    if (FALSE.contains(text)) {
      return java.util.Optional.of(Boolean.FALSE);
    }
    if (!YAML11_BOOL_WORDS.contains(text)) {
      return java.util.Optional.empty();
    }
    char first = text.charAt(0);
    return java.util.Optional.of(first == 'y' || first == 'Y' || text.equalsIgnoreCase("on"));
  }

  /** Whether a text is a canonical base-10 integer within int64 ({@code 100}, {@code -5}; not {@code 010} or {@code 1_000}). */
  public static boolean isCanonicalInteger(String text) {
    return CANONICAL_INTEGER.matcher(text).matches();
  }

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
      case "!!binary":
        return new GoValue.GoString(binary(text), node, false);
      case "!!null", "!!bool", "!!int", "!!float", "!!timestamp": {
        GoValue resolved = resolvePlain(text, node, dialect);
        String kind = resolved.kindName();
        boolean matches = switch (tag) {
          case "!!null" -> kind.equals("null");
          case "!!bool" -> kind.equals("bool");
          case "!!int" -> kind.equals("int");
          // go-yaml turns an int into a float for this tag only when it fits int64: 18446744073709551615 does not
          case "!!float" -> kind.equals("float") || resolved instanceof GoValue.GoInt i && i.value() instanceof Long;
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
        // Unknown and local tags (!Ref, !!seq on a scalar, ...): decoded into interface{} as the text.
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
      return new GoValue.GoBool(yaml11Truth(in), node);
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
        double value = Double.parseDouble(in.replace("_", ""));
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

  /**
   * What go-yaml v3 sets in a Go {@code int64} (or, on a 64-bit machine, {@code int}) for a value decoded into one
   * ({@code decode.go}): an int within int64; a float up to 2^63 converted as Go converts it on amd64 (the fraction
   * dropped, a float beyond int64 giving the minimum int64); null for anything else (a NaN, a bigger number, a string,
   * a bool), which go-yaml refuses ("cannot unmarshal").
   */
  public static Long goInt64(GoValue value) {
    if (value instanceof GoValue.GoInt integer) {
      return integer.value() instanceof Long small ? small : null;
    }
    if (value instanceof GoValue.GoFloat number) {
      double f = number.value();
      if (Double.isNaN(f) || f > 0x1p63) {
        return null;
      }
      return f >= -0x1p63 && f < 0x1p63 ? (long) f : Long.MIN_VALUE;
    }
    return null;
  }

  /**
   * What go-yaml v3 sets in a Go {@code bool} field ({@code decode.go}): a boolean, or a string that is a YAML 1.1 word
   * ({@code yes}, {@code off}, ...; quoted too, as go-yaml looks at the resolved string); null for anything else, which
   * go-yaml refuses ("cannot unmarshal").
   */
  public static Boolean goBool(GoValue value) {
    if (value instanceof GoValue.GoBool bool) {
      return bool.value();
    }
    if (value instanceof GoValue.GoString s && YAML11_BOOL_WORDS.contains(s.value())) {
      return yaml11Truth(s.value());
    }
    return null;
  }

  /** The truth of a YAML 1.1 boolean word: {@code y yes on} in any of their spellings. */
  private static boolean yaml11Truth(String word) {
    char first = word.charAt(0);
    return first == 'y' || first == 'Y' || word.equalsIgnoreCase("on");
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

  /**
   * The text of a {@code !!binary} scalar as go-yaml decodes it: standard base64 with padding ({@code \r} and
   * {@code \n} ignored), its bytes read as Go's JSON encoding stores a Go string (each byte that is not part of valid
   * UTF-8 becomes U+FFFD): what Grafana stores for it.
   *
   * @throws TagMismatch when the text is not base64 (go-yaml refuses it)
   */
  static String binary(String text) {
    String data = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replace("\n", "").replace("\r", "");
    byte[] bytes;
    try {
      if (data.length() % 4 != 0) {
        throw new IllegalArgumentException("not padded");
      }
      bytes = java.util.Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw new TagMismatch("the value is tagged !!binary but is not base64; Grafana's YAML reader refuses it"
          + " (!!binary value contains invalid base64 data)");
    }
    return goText(bytes);
  }

  /** Bytes as text, each byte that does not start a valid UTF-8 sequence replaced by U+FFFD (Go's rule). */
  static String goText(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b0 = bytes[i] & 0xFF;
      int length;
      int min;
      if (b0 < 0x80) {
        out.append((char) b0);
        i++;
        continue;
      } else if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        min = 0x80;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        min = 0x800;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        min = 0x10000;
      } else {
        out.append('\uFFFD');
        i++;
        continue;
      }
      int code = b0 & (0xFF >> (length + 1));
      boolean valid = i + length <= bytes.length;
      for (int k = 1; valid && k < length; k++) {
        int b = bytes[i + k] & 0xFF;
        valid = (b & 0xC0) == 0x80;
        code = (code << 6) | (b & 0x3F);
      }
      if (!valid || code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        out.append('\uFFFD');
        i++;
        continue;
      }
      out.appendCodePoint(code);
      i += length;
    }
    return out.toString();
  }

  /**
   * What go-yaml decodes a scalar into a Go {@code string} as (a key of a string-keyed map, a text field): the text
   * as written, whatever it resolves to ({@code 0x1F}, {@code true}, a date), except that {@code !!binary} is
   * decoded; null for a null scalar (go-yaml leaves the string unset).
   *
   * @throws TagMismatch for a tag the text does not fit (go-yaml refuses it)
   */
  public static String goString(ScalarNode node, YamlDialect dialect) {
    GoValue resolved = resolve(node, dialect);
    if (resolved instanceof GoValue.GoNull) {
      return null;
    }
    return "!!binary".equals(shortTag(node.tag())) ? ((GoValue.GoString) resolved).value() : node.value();
  }

  /**
   * A scalar that go-yaml v3 refuses to decode: an explicit tag that the scalar's text does not satisfy
   * ({@code !!bool yes}), or {@code !!binary} text that is not base64.
   */
  public static final class TagMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TagMismatch(String tag, String kind) {
      this("the value is tagged " + tag + " but reads as a " + kind
          + "; Grafana's YAML reader refuses it (cannot decode as " + tag + ")");
    }

    TagMismatch(String message) {
      super(message, null, false, false);
    }
  }
}
