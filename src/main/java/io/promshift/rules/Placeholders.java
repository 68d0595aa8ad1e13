package io.promshift.rules;

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

  private static boolean isNameChar(char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
