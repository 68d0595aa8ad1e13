package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The linear scans that stand in for backtracking regexes on values of any length: {@link Placeholders} must
 * answer as the schema's own placeholder pattern does, and {@link Interpolator} as it did before it stopped
 * copying the rest of the value at every {@code $} and stopped trying {@code ${} after the last {@code }}.
 */
class PlaceholdersTest {
  private static final Map<String, String> ENV = Map.of("a", "A", "_", "U", "a_a", "AA", "1", "one");

  @Test
  void agreesWithTheSchemasPatternOnEveryShortText() {
    Pattern schema = SchemaCheck.placeholderPattern();
    for (String text : allTexts("${}a ", 7)) {
      assertThat(Placeholders.contains(text)).as("[%s]", text).isEqualTo(schema.matcher(text).find());
    }
  }

  @Test
  void agreesWithTheSchemasPatternOnLongerRandomTexts() {
    Pattern schema = SchemaCheck.placeholderPattern();
    for (String text : randomTexts("${}a_-\n9é", 40, 20_000)) {
      assertThat(Placeholders.contains(text)).as("[%s]", text).isEqualTo(schema.matcher(text).find());
    }
  }

  @Test
  void examples() {
    assertThat(Placeholders.contains("${a")).isFalse();
    assertThat(Placeholders.contains("x${a}")).isTrue();
    assertThat(Placeholders.contains("$${a}")).isFalse();
    assertThat(Placeholders.contains("$$${a}")).isTrue();
    assertThat(Placeholders.contains("${}")).isFalse();
    assertThat(Placeholders.contains("${a ${b $c")).isTrue();
  }

  @Test
  void everyPlaceholderIsAnExpanderOrAVariable() {
    for (String text : allTexts("${}a_", 7)) {
      assertThat(Placeholders.containsExpander(text) || !Placeholders.variables(text).isEmpty()).as("[%s]", text)
          .isEqualTo(Placeholders.contains(text));
    }
  }

  @Test
  void expandersAndVariablesByName() {
    assertThat(Placeholders.containsExpander("$__env{AWS_REGION}")).isTrue();
    assertThat(Placeholders.containsExpander("x-$__file{/run/key}")).isTrue();
    assertThat(Placeholders.containsExpander("$$__env{X}")).as("escaped").isFalse();
    assertThat(Placeholders.containsExpander("$__env")).as("no braces: a variable named __env").isFalse();
    assertThat(Placeholders.variables("$__env{A} ${B} $C ${D:=d} $$E $__env")).containsExactly("B", "C", "D", "__env");
    assertThat(Placeholders.variables("Bearer ${TOKEN}")).containsExactly("TOKEN");
    assertThat(Placeholders.variables("{{ .Values.x }}")).isEmpty();
  }

  @Test
  void interpolationAnswersAsTheWordForWordPortDid() {
    Interpolator interpolator = new Interpolator(ENV, null);
    List<String> texts = new ArrayList<>(allTexts("${}a_", 6));
    texts.addAll(randomTexts("${}a_1*- ", 30, 20_000));
    texts.addAll(List.of("$__env{a}", "$__env{a", "x$__env{a}y${_}z", "$__x{a}", "$__x{a", "${1}", "$1a", "${a_a}b",
        "$$__env{a}", "${a${a}", "${}${a}", "$", "a$"));
    for (String text : texts) {
      assertThat(interpolator.expandEnv(text)).as("expandEnv [%s]", text).isEqualTo(expandEnvBefore(text));
      assertThat(interpolator.interpolate(text).value()).as("interpolate [%s]", text).isEqualTo(interpolateBefore(text));
    }
  }

  private static List<String> allTexts(String alphabet, int maxLength) {
    List<String> texts = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int length = 1; length <= maxLength; length++) {
      List<String> next = new ArrayList<>();
      for (String prefix : last) {
        for (char c : alphabet.toCharArray()) {
          next.add(prefix + c);
        }
      }
      texts.addAll(next);
      last = next;
    }
    return texts;
  }

  private static List<String> randomTexts(String alphabet, int maxLength, int count) {
    Random random = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(text.toString());
    }
    return texts;
  }

  // ---------------------------------------------------------------- the implementation before, as the oracle

  private static final Pattern EXPAND_VAR = Pattern.compile("\\$(|__[0-9A-Za-z_]+)\\{([^}]+)}");

  /** Interpolator.interpolate before, for values without $__file and $__vault. */
  private static String interpolateBefore(String raw) {
    if (raw.indexOf('$') < 0) {
      return raw;
    }
    String[] parts = raw.split("\\$\\$", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append('$');
      }
      Matcher m = EXPAND_VAR.matcher(parts[i]);
      StringBuilder expanded = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String replacement = name.isEmpty() || name.equals("__env") ? ENV.getOrDefault(m.group(2), "") : m.group();
        m.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(expanded);
      out.append(expandEnvBefore(expanded.toString()));
    }
    return out.toString();
  }

  /** Interpolator.expandEnv before, word for word. */
  private static String expandEnvBefore(String s) {
    StringBuilder buf = null;
    int i = 0;
    for (int j = 0; j < s.length(); j++) {
      if (s.charAt(j) == '$' && j + 1 < s.length()) {
        if (buf == null) {
          buf = new StringBuilder(2 * s.length());
        }
        buf.append(s, i, j);
        String rest = s.substring(j + 1);
        String name;
        int width;
        char c = rest.charAt(0);
        if (c == '{') {
          if (rest.length() > 2 && isShellSpecial(rest.charAt(1)) && rest.charAt(2) == '}') {
            name = rest.substring(1, 2);
            width = 3;
          } else {
            int close = rest.indexOf('}', 1);
            if (close == 1) {
              name = "";
              width = 2;
            } else if (close < 0) {
              name = "";
              width = 1;
            } else {
              name = rest.substring(1, close);
              width = close + 1;
            }
          }
        } else if (isShellSpecial(c)) {
          name = rest.substring(0, 1);
          width = 1;
        } else {
          int k = 0;
          while (k < rest.length() && isAlphaNum(rest.charAt(k))) {
            k++;
          }
          name = rest.substring(0, k);
          width = k;
        }
        if (name.isEmpty() && width > 0) {
          // eaten
        } else if (name.isEmpty()) {
          buf.append('$');
        } else {
          buf.append(ENV.getOrDefault(name, ""));
        }
        j += width;
        i = j + 1;
      }
    }
    if (buf == null) {
      return s;
    }
    return buf.append(s, Math.min(i, s.length()), s.length()).toString();
  }

  private static boolean isShellSpecial(char c) {
    return c == '*' || c == '#' || c == '$' || c == '@' || c == '!' || c == '?' || c == '-' || (c >= '0' && c <= '9');
  }

  private static boolean isAlphaNum(char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
