package io.promshift.rules;

import java.util.Objects;

/**
 * A change that resolves a finding exactly, said in the terms of the document Grafana reads (a pointer and what
 * the value or key there becomes), never in bytes: the rewriting layer turns it into the smallest edit, or leaves it
 * when the edit would change something else (a shared anchor). A finding carries repairs only where its intent is
 * not a guess; see {@link Diagnostic#repairs()}.
 *
 * @param pointer JSON pointer of the value (for {@link Action#RENAME}: of the entry whose key changes)
 * @param action what changes there
 * @param text for {@link Action#SCALAR}: the plain YAML scalar the value becomes ({@code true}, {@code 100}); for
 *     {@link Action#STRING}: the string the value becomes, written in the style it has; for {@link Action#RENAME}:
 *     the new key
 */
public record Repair(String pointer, Action action, String text) {

  /** What a repair changes. */
  public enum Action {
    /** The value becomes a plain scalar of another type: {@code "true"} or {@code yes} becomes {@code true}. */
    SCALAR,
    /** The value stays a string with other text, in its own style: {@code post} becomes {@code POST}. */
    STRING,
    /** The key becomes another one, its value as it is: {@code assumeRoleArn} becomes {@code sigV4AssumeRoleArn}. */
    RENAME
  }

  public Repair {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(text, "text");
  }

  public static Repair scalar(String pointer, String text) {
    return new Repair(pointer, Action.SCALAR, text);
  }

  public static Repair string(String pointer, String text) {
    return new Repair(pointer, Action.STRING, text);
  }

  public static Repair rename(String pointer, String newKey) {
    return new Repair(pointer, Action.RENAME, newKey);
  }
}
