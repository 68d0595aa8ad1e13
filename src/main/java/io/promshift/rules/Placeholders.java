package io.promshift.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Whether a text holds a placeholder as the schema defines one ({@code $defs/placeholder/pattern}, used with
 * {@code find()}): a run of {@code $} of odd length (a {@code $$} pair is a literal {@code $}) followed by a
 * name char, or by {@code {}, at least one char and a {@code }}.
 *
 * <p>The schema's pattern says the same, but a backtracking matcher tries it at every {@code $} and scans
 * for the closing brace each time: a long value with many {@code ${} and no {@code }} takes time quadratic
 * in its length. This scan is linear; {@code PlaceholdersTest} holds it to the schema's pattern.
 */
final class Placeholders {
  private Placeholders() {}

  static boolean contains(String text) {
    int n = text.length();
    int i = text.indexOf('$');
    if (i < 0) {
      return false;
    }
    // "{" and a char open a placeholder whenever a "}" comes after them: the first "}" closes it
    int lastClose = text.lastIndexOf('}');
    while (i >= 0) {
      int run = i;
      while (i < n && text.charAt(i) == '$') {
        i++;
      }
      if ((i - run) % 2 == 1 && i < n) {
        char next = text.charAt(i);
        if (isNameChar(next) || (next == '{' && i + 1 < n && text.charAt(i + 1) != '}' && lastClose > i + 1)) {
          return true;
        }
      }
      i = text.indexOf('$', i);
    }
    return false;
  }

  /**
   * Whether the text holds one of Grafana's expanders, {@code $__name{...}} ({@code $__env{}}, {@code $__file{}},
   * {@code $__vault{}}): placeholders only Grafana's provisioning expands.
   */
  static boolean containsExpander(String text) {
    boolean[] found = {false};
    scan(text, (name, expander) -> found[0] |= expander);
    return found[0];
  }

  /**
   * The names of the variables in a text: {@code $NAME}, {@code ${NAME}} and Flux's {@code ${NAME:=default}},
   * every placeholder that is not a {@code $__name{...}} expander. Outside Grafana's provisioning these are what a
   * step before Grafana may substitute (Flux {@code postBuild.substitute}, the operator's {@code valuesFrom},
   * envsubst).
   */
  static List<String> variables(String text) {
    List<String> names = new ArrayList<>();
    scan(text, (name, expander) -> {
      if (!expander) {
        names.add(name);
      }
    });
    return names;
  }

  /** Calls {@code found} for each placeholder {@link #contains} would see, with its name and whether it is an expander. */
  private static void scan(String text, BiConsumer<String, Boolean> found) {
    int n = text.length();
    int i = text.indexOf('$');
    while (i >= 0) {
      int run = i;
      while (i < n && text.charAt(i) == '$') {
        i++;
      }
      if ((i - run) % 2 == 1 && i < n) {
        char next = text.charAt(i);
        if (next == '{') {
          int close = text.indexOf('}', i + 1);
          if (close > i + 1) {
            int end = i + 1;
            while (end < close && isNameChar(text.charAt(end))) {
              end++;
            }
            found.accept(text.substring(i + 1, end), false);
            i = close;
          }
        } else if (isNameChar(next)) {
          int end = i;
          while (end < n && isNameChar(text.charAt(end))) {
            end++;
          }
          String name = text.substring(i, end);
          boolean expander = name.startsWith("__") && name.length() > 2 && end < n && text.charAt(end) == '{'
              && text.indexOf('}', end + 1) > end + 1;
          found.accept(expander ? name.substring(2) : name, expander);
          i = expander ? text.indexOf('}', end + 1) : end;
        }
      }
      i = text.indexOf('$', i);
    }
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
