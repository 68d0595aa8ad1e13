package io.promshift.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Provisioning files from a grammar of what YAML readers disagree on: scalars of every resolution class (ints in every
 * base, floats, YAML 1.1 and 1.2 booleans, nulls, timestamps), quoting styles and escapes, block scalars with odd
 * indentation, tags, anchors and aliases (as values and as keys), merge keys, non-string and duplicate keys in
 * decoded and ignored places, flow collections, directives, document markers, comments, and line breaks. Every file
 * is shaped like a provisioning file, so that most of it reaches Grafana's structs and jsonData.
 *
 * <p>Deterministic: the same seed gives the same files.
 */
final class TrickyYaml {
  private final SplittableRandom random;

  TrickyYaml(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next file, as text (a BOM, when drawn, is its first char). */
  String next() {
    StringBuilder out = new StringBuilder();
    String eol = chance(8) ? "\r\n" : "\n";
    if (chance(40)) {
      out.append('\uFEFF');
    }
    if (chance(12)) {
      out.append(pick(DIRECTIVES)).append(eol).append("---").append(eol);
    } else if (chance(15)) {
      out.append("---").append(chance(3) ? " # start" : "").append(eol);
    }
    if (chance(20)) {
      out.append("# ").append(pick(COMMENTS)).append(eol);
    }
    if (chance(10)) {
      out.append(pick(TOP_EXTRAS)).append(eol);
    }
    out.append("apiVersion: ").append(chance(12) ? pick(API_VERSIONS) : "1").append(eol);
    if (chance(10)) {
      out.append(pick(TOP_EXTRAS)).append(eol);
    }
    int anchors = 0;
    if (chance(6)) {
      out.append("x-base: &base").append(eol).append("  ").append(key()).append(": ").append(scalar()).append(eol)
          .append("  sigV4Auth: ").append(pick(BOOLS)).append(eol);
      anchors++;
    }
    out.append("datasources:").append(eol);
    int items = 1 + random.nextInt(2);
    for (int i = 0; i < items; i++) {
      dataSource(out, eol, anchors > 0);
    }
    if (chance(10)) {
      out.append("deleteDatasources:").append(eol).append("  - name: ").append(scalar()).append(eol)
          .append("    orgId: ").append(pick(INTS)).append(eol);
    }
    if (chance(10)) {
      out.append(pick(TOP_EXTRAS)).append(eol);
    }
    if (chance(12)) {
      out.append(chance(2) ? "..." : "---").append(eol).append(pick(SECOND_DOCUMENTS)).append(eol);
    }
    String text = out.toString();
    if (chance(10)) {
      text = text.substring(0, text.length() - eol.length()); // no final line break
    }
    if (chance(25)) {
      text = lineBreakMutation(text);
    }
    return text;
  }

  private void dataSource(StringBuilder out, String eol, boolean hasBase) {
    String pad = "    ";
    out.append("  - name: ").append(chance(4) ? scalar() : "ds" + random.nextInt(100)).append(eol);
    out.append(pad).append("type: ").append(chance(10) ? scalar() : "prometheus").append(eol);
    if (chance(3)) {
      out.append(pad).append(pick(TYPED_FIELDS)).append(": ").append(typedValue()).append(eol);
    }
    if (chance(4)) {
      out.append(pad).append(pick(STRING_FIELDS)).append(": ").append(scalar()).append(eol);
    }
    if (chance(8)) {
      out.append(pad).append(pick(IGNORED_ITEM_KEYS)).append(": ").append(scalar()).append(eol);
    }
    if (chance(15)) {
      // a field written twice: go-yaml refuses a struct field set twice
      String field = pick(STRING_FIELDS);
      out.append(pad).append(field).append(": a").append(eol).append(pad).append(field).append(": b").append(eol);
    }
    out.append(pad).append("jsonData:");
    if (chance(5)) {
      out.append(' ').append(flowMap()).append(eol);
    } else {
      out.append(eol);
      if (hasBase && chance(2)) {
        out.append(pad).append("  ").append(chance(6) ? "! <<" : "<<").append(": *base").append(eol);
      }
      int keys = 1 + random.nextInt(5);
      for (int k = 0; k < keys; k++) {
        out.append(pad).append("  ").append(key()).append(':');
        if (chance(8)) {
          out.append(' ').append(flowMap()).append(eol);
        } else if (chance(8)) {
          out.append(eol).append(pad).append("    - ").append(scalar()).append(eol)
              .append(pad).append("    - ").append(scalar()).append(eol);
        } else if (chance(10)) {
          blockScalar(out, eol, pad + "    ");
        } else {
          String value = scalar();
          out.append(value.isEmpty() ? "" : " " + value);
          if (chance(10)) {
            out.append(chance(4) ? "\t# tab then comment" : "  # comment");
          }
          out.append(eol);
        }
      }
      if (chance(6)) {
        out.append(pad).append("  ").append("sigV4Auth: ").append(pick(BOOLS)).append(eol);
      }
    }
    if (chance(4)) {
      out.append(pad).append("secureJsonData:").append(eol).append(pad).append("  ")
          .append(chance(2) ? "basicAuthPassword" : "sigV4SecretKey").append(": ").append(scalar()).append(eol);
    }
    if (chance(15)) {
      out.append(pad).append("correlations:").append(eol).append(pad).append("  - targetUID: ").append(scalar())
          .append(eol).append(pad).append("    label: ").append(scalar()).append(eol);
    }
  }

  /** A scalar of any class, in any style, maybe with properties (anchor, tag). */
  private String scalar() {
    int kind = random.nextInt(100);
    String value;
    if (kind < 14) {
      value = pick(INTS);
    } else if (kind < 24) {
      value = pick(FLOATS);
    } else if (kind < 34) {
      value = pick(BOOLS);
    } else if (kind < 40) {
      value = pick(NULLS);
    } else if (kind < 46) {
      value = pick(TIMESTAMPS);
    } else if (kind < 62) {
      value = pick(PLAIN_STRINGS);
    } else if (kind < 78) {
      value = doubleQuoted();
    } else if (kind < 88) {
      value = pick(SINGLE_QUOTED);
    } else {
      value = pick(ODD_VALUES);
    }
    if (chance(10) && !value.isEmpty()) {
      value = pick(TAGS) + " " + value;
    }
    if (chance(20) && !value.isEmpty()) {
      value = "&" + pick(ANCHOR_NAMES) + " " + value;
    }
    return value;
  }

  private String typedValue() {
    return switch (random.nextInt(4)) {
      case 0 -> pick(BOOLS);
      case 1 -> pick(INTS);
      case 2 -> pick(FLOATS);
      default -> scalar();
    };
  }

  private String key() {
    int kind = random.nextInt(100);
    if (kind < 55) {
      return pick(KEYS);
    }
    if (kind < 70) {
      return pick(ODD_KEYS);
    }
    if (kind < 80) {
      return "\"" + pick(KEYS) + "\"";
    }
    if (kind < 90) {
      return pick(INTS);
    }
    return pick(BOOLS);
  }

  private String doubleQuoted() {
    StringBuilder s = new StringBuilder("\"");
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      s.append(chance(2) ? pick(ESCAPES) : pick(WORDS));
    }
    return s.append('"').toString();
  }

  private String flowMap() {
    StringBuilder s = new StringBuilder("{");
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(", ");
      }
      if (chance(6)) {
        s.append(pick(FLOW_ODDITIES));
      } else {
        s.append(key()).append(": ").append(chance(4) ? "[" + scalar() + ", " + scalar() + "]" : flowScalar());
      }
    }
    return s.append('}').toString();
  }

  /** A scalar that may sit in a flow collection (no block scalars). */
  private String flowScalar() {
    String value = scalar();
    return value.startsWith("|") || value.startsWith(">") ? "x" : value;
  }

  private void blockScalar(StringBuilder out, String eol, String indent) {
    out.append(' ').append(pick(BLOCK_HEADERS)).append(eol);
    int lines = 1 + random.nextInt(3);
    for (int i = 0; i < lines; i++) {
      int shape = random.nextInt(10);
      if (shape == 0) {
        out.append(eol); // blank
      } else if (shape == 1) {
        out.append(indent).append("  ").append(eol); // over-indented blank line
      } else if (shape == 2) {
        out.append(indent).append("  more indented ").append(pick(WORDS)).append(eol);
      } else {
        out.append(indent).append(pick(WORDS)).append(eol);
      }
    }
  }

  /** Line-level oddities: a break that is not \n, a line of blanks, a tab, a second BOM. */
  private String lineBreakMutation(String text) {
    List<Integer> breaks = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        breaks.add(i);
      }
    }
    if (breaks.isEmpty()) {
      return text;
    }
    int at = breaks.get(random.nextInt(breaks.size()));
    return switch (random.nextInt(7)) {
      case 0 -> text.substring(0, at) + "\u2028" + text.substring(at);
      case 1 -> text.substring(0, at) + "\u0085" + text.substring(at);
      case 2 -> text.substring(0, at + 1) + "   \t" + text.substring(at);
      case 3 -> text.substring(0, at + 1) + "  " + text.substring(at);
      case 4 -> text.substring(0, at) + " \t" + text.substring(at);
      case 5 -> "\uFEFF" + text;
      default -> text.substring(0, at + 1) + "# " + pick(COMMENTS) + text.substring(at);
    };
  }

  private boolean chance(int oneIn) {
    return random.nextInt(oneIn) == 0;
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static final String[] DIRECTIVES = {
      "%YAML 1.1", "%YAML 1.2", "%YAML 1.3", "%YAML 2.0", "%TAG ! tag:example.com,2000:", "%TAG !e! tag:e.com,2000:",
      "%FOO bar", "%YAML 1.1\n%YAML 1.1", "%YAML 1.1 # c"};
  private static final String[] COMMENTS = {"comment", "a: b", "{{ not a template }}", "- item", "x\ty"};
  private static final String[] TOP_EXTRAS = {
      "x-defaults: {k: 1, k: 2}", "x-list: [a, b, *undefined_never]", "x-anchor: &loop [*loop]",
      "x-tagged: !!int abc", "x-bool: yes", "prune: true", "prune: yes", "prune: \"true\"", "x: &top {a: 1}",
      "notes: |\n  some text", "x-dup: 1\nx-dup: 2", "\"apiVersion\": 2", "1: one", "? complex\n: value",
      "x-null: !!null x", "x-bin: !!binary aGk=", "x-binbad: !!binary a!b", "prune: 1", "x-seq:\n- a\n- b"};
  private static final String[] API_VERSIONS = {
      "0", "2", "01", "0x1", "1.0", "1.5", "\"1\"", "'1'", "-1", "1e0", "!!int 1", "!!float 1", "~", "",
      "9223372036854775807", "9223372036854775808", "1e19", "true", "0b1", "0o1", "+1", "1_0"};
  private static final String[] INTS = {
      "0", "1", "-1", "+1", "007", "012", "08", "0x1F", "0X1f", "0o17", "0O17", "0b101", "1_000", "-0", "+0",
      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
      "18446744073709551615", "18446744073709551616", "0x_1", "1__0", "_1", "1_", "0xFFFFFFFFFFFFFFFF", "100", "15"};
  private static final String[] FLOATS = {
      "1.5", "-1.5", "+1.5", ".5", "-.5", "1.", "1e3", "1E3", "1e+3", "1.5e-3", ".5_0", "1_0.5", "1e400", "-1e400",
      ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN", "1.0", "0.1", "1e", "e3", "1.2.3",
      "6.8523015e+5", "685.230_15e+03", "190:20:30.15", "0.0", "-0.0", "1e-400"};
  private static final String[] BOOLS = {
      "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF",
      "y", "Y", "n", "N", "tRUE", "\"true\"", "'false'", "1", "0"};
  private static final String[] NULLS = {"~", "null", "Null", "NULL", "", "nULL", "\"\"", "''"};
  private static final String[] TIMESTAMPS = {
      "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z",
      "2002-12-14", "2001-12-14 21:59:43.10", "2001-1-1", "2001-12-14T21:59:43", "1-02-03", "2001-12-14 1:59:43.10",
      "2001-02-30", "2001-12-14T21:59:43.123456789Z"};
  private static final String[] PLAIN_STRINGS = {
      "plain", "two words", "https://h/p", "https://h/p?x=1", "a#b", "a #b", "a:b", "a: b", "-a", "?a", ":a",
      "a,b", "a]b", "a}b", "a[b", "a{b", "x%y", "@at", "`tick", "a\\b", "$VAR", "${VAR}", "$__env{X}", "a\tb",
      "<<", "=", "!", "&", "*", "-", "日本語", "ü", "a\u00A0b", "a  b", "'a", "\"a", "a'", "%x", "a-", "0x", "1e",
      "+", ".", "..", "...a", "--a", "a ...", "NaN", "Infinity", "0xZ", "0o8", "0b2"};
  private static final String[] SINGLE_QUOTED = {
      "'x'", "'it''s'", "'a\\b'", "''", "' lead'", "'trail '", "'line\n  two'", "'#'", "'a: b'", "'\u2028'",
      "'\\u0041'", "'\t'"};
  private static final String[] WORDS = {
      "abc", "x y", " ", "#", ":", "é", "日本", "\t", "{", "}", "[", "]", ",", "'", "%", "a: b", "-", "?"};
  private static final String[] ESCAPES = {
      "\\n", "\\t", "\\\\", "\\\"", "\\/", "\\'", "\\0", "\\a", "\\b", "\\e", "\\f", "\\r", "\\v", "\\ ", "\\N",
      "\\_", "\\L", "\\P", "\\x41", "\\x7f", "\\x9f", "\\u00e9", "\\u2028", "\\uD83D", "\\ud83d\\ude00",
      "\\U0001F600", "\\U00110000", "\\q", "\\x4", "\\u12", "\\\n  ", "\u007f", "\u0085", "\u2028", "\t"};
  private static final String[] ODD_VALUES = {
      "!", "!!str", "! x", "!local x", "!<tag:yaml.org,2002:str> 1", "!!binary aGk=", "!!binary aGk", "!!binary a!",
      "!!binary ////", "!!null x", "!!null ~", "!!bool yes", "!!bool true", "!!int 0x10", "!!int 1.5",
      "!!float 1", "!!float 18446744073709551615", "!!float abc", "!!timestamp 2001-12-14", "!!timestamp x",
      "!!str 1", "!!map {}", "!!seq []", "[]", "{}", "[a, -]", "[!t, x]", "[a, b, ]", "{a: }", "{a:b}",
      "{sigV4Auth:, x: y}", "{link: https://h/p?x=1}", "[a:, b]", "{\"a\":b}", "*undefined", "- x", "? x",
      "@x", "`x", "|", ">", "x #", "'a'b", "\"a\"b", "{? [a]: 1}", "{[a]: 1}", "{{a}: 1}", "&a [*a]",
      "!!binary |\n      aGk=", "\"\\u00e9\" # c"};
  private static final String[] TAGS = {"!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!x", "!"};
  private static final String[] ANCHOR_NAMES = {"a", "b1", "x-y", "x_y", "A", "日本", "a!", "a.b", "a:b", "0"};
  private static final String[] KEYS = {
      "sigV4Auth", "sigV4Region", "sigV4AuthType", "httpMethod", "timeInterval", "manageAlerts", "k", "a", "b",
      "tlsSkipVerify", "azureCredentials", "prometheus-type-migration", "seriesLimit"};
  private static final String[] ODD_KEYS = {
      "k k", "'quoted'", "\"a\\tb\"", "01", "1.5", "~", "null", "<<", "\"<<\"", "*undefined", "? a", "[a]",
      "&k key", "!!str key", "!!int 1", "a:b", "-", "日本", "\"\"", "''", "k ", "yes", "0x1"};
  private static final String[] TYPED_FIELDS = {
      "isDefault", "basicAuth", "withCredentials", "editable", "orgId", "version", "uid"};
  private static final String[] STRING_FIELDS = {"url", "access", "user", "database", "basicAuthUser", "uid"};
  private static final String[] IGNORED_ITEM_KEYS = {"description", "x-note", "readOnly", "orgName"};
  private static final String[] FLOW_ODDITIES = {
      "k", "k:", "k:v", "\"k\":v", "? k", "? k : v", "k: v #c\n  ", "[a]: 1", "1: a, 01: b", "k: 1, k: 2",
      "*undefined : x", "<<: {m: 1}", "<<: [{m: 1}, {n: 2}]", "a: b:c"};
  private static final String[] BLOCK_HEADERS = {"|", ">", "|-", ">-", "|+", ">+", "|2", ">1", "|-2", "|9", "|0"};
  private static final String[] SECOND_DOCUMENTS = {"apiVersion: 2", "{{ x }}", ": bad", "- a", "%YAML 1.1\n---"};
}
