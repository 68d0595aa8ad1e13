package io.promshift.patch;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a scalar value is written as YAML text: plain when that is safe for every reader that matters here
 * (go-yaml v3, which Grafana uses, YAML 1.1 readers, YAML 1.2 readers), else quoted.
 *
 * <p>"Safe as a plain scalar" is deliberately conservative: ASCII letters, digits and {@code _ . / : -},
 * starting with a letter, digit or {@code _}, not ending with {@code :}, and not a word or number any of
 * those readers would resolve to something other than a string ({@code true}, {@code yes}, {@code on},
 * {@code null}, {@code 1}, {@code 0x1}, {@code 1_000}, {@code 1:30}, {@code 1e3}, {@code 2024-01-02} ...).
 */
public final class ScalarText {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/:-]*");
  /** Everything a YAML 1.1 or 1.2 int/float/sexagesimal could be made of, starting with a digit. */
  private static final Pattern NUMBERISH = Pattern.compile("[0-9][0-9a-fA-FxXoObB_.:+eE-]*");
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*", Pattern.DOTALL);
  private static final Set<String> WORDS = Set.of(
      "y", "n", "yes", "no", "true", "false", "on", "off", "null");

  private ScalarText() {}

  /** Whether {@code value} can be written as a plain scalar and read back as the same string everywhere. */
  public static boolean isSafePlain(String value) {
    if (value.isEmpty() || !PLAIN.matcher(value).matches() || value.endsWith(":")) {
      return false;
    }
    if (WORDS.contains(value.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return !NUMBERISH.matcher(value).matches() && !TIMESTAMP.matcher(value).matches();
  }

  /** {@code value} as a plain scalar when {@link #isSafePlain safe}, else double-quoted. */
  public static String plainOrQuoted(String value) {
    return isSafePlain(value) ? value : doubleQuoted(value);
  }

  /** Whether {@code value} can be written single-quoted on one line: printable chars only, no line break. */
  public static boolean canSingleQuote(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && needsEscape(c)) {
        return false;
      }
      if (Character.isSurrogate(c) && !validPairAt(value, i)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    return true;
  }

  /**
   * {@code value} single-quoted ({@code '} doubled).
   *
   * @throws IllegalArgumentException when {@link #canSingleQuote} is false
   */
  public static String singleQuoted(String value) {
    if (!canSingleQuote(value)) {
      throw new IllegalArgumentException("the value holds a line break or control character;"
          + " it cannot be single-quoted on one line");
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * {@code value} double-quoted on one line: {@code \\}, {@code \"} and every line break, tab, control or
   * other non-printable char escaped. NEL, LS and PS are written {@code \u0085}, {@code \u2028},
   * {@code \u2029}: SnakeYAML Engine 3.2 does not know the {@code \N}-style short forms {@code \L} and
   * {@code \P}.
   *
   * @throws IllegalArgumentException for a lone surrogate char (it has no UTF-8 form)
   */
  public static String doubleQuoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (!validPairAt(value, i)) {
          throw new IllegalArgumentException("the value holds a lone surrogate char at index " + i);
        }
        out.append(c).append(value.charAt(i + 1));
        i++;
        continue;
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\0' -> out.append("\\0");
        case '\u0007' -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\u000B' -> out.append("\\v");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '\u001B' -> out.append("\\e");
        default -> {
          if (needsEscape(c)) {
            out.append(c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Chars that must not appear raw in a one-line quoted scalar: line breaks (including NEL, LS and PS, which
   * YAML 1.1 readers such as go-yaml treat as breaks), controls, DEL, C1 controls, the BOM and non-chars.
   */
  static boolean needsEscape(char c) {
    if (c < 0x20) {
      return true;
    }
    if (c < 0x7F) {
      return false;
    }
    if (c <= 0x9F) {
      return true; // DEL, C1 controls, NEL
    }
    return c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF';
  }

  private static boolean validPairAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
