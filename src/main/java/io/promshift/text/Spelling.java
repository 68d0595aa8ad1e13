package io.promshift.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the one rule for what a mistyped word most likely meant, wherever a user writes a word from a known
 * list (a rule id in the configuration, an option or a suppression comment; an option or a command name on the
 * command line).
 */
public final class Spelling {
  private Spelling() {}

  /**
   * The words {@code typo} most likely meant, nearest first: those a few edits away (two, or a quarter of the word's
   * length), and those that contain it or that it contains (four characters or more). Compared in lower case.
   */
  public static List<String> meant(String typo, Collection<String> words) {
    String normal = typo == null ? "" : typo.strip().toLowerCase(Locale.ROOT);
    return words.stream()
        .filter(word -> distance(normal, word) <= Math.max(2, word.length() / 4)
            || (normal.length() >= 4 && (word.contains(normal) || normal.contains(word))))
        .sorted(Comparator.comparingInt(word -> distance(normal, word)))
        .toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
