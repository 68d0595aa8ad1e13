package io.promshift;

import io.promshift.text.Spelling;
import java.util.Collection;
import java.util.List;

/**
 * "Did you mean" for the adapters (a mistyped option or command of the command line): the library's one rule, {@link
 * Spelling#meant}, which the rule ids of the configuration, the options and the suppression comments use too.
 */
public final class Suggestions {
  private Suggestions() {}

  /** The words {@code typo} most likely meant, nearest first; empty for none. */
  public static List<String> meant(String typo, Collection<String> words) {
    return Spelling.meant(typo, words);
  }
}
