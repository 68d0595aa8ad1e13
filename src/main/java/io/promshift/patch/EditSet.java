package io.promshift.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A set of non-overlapping {@link Edit}s to one original text, applied together in one pass. Immutable.
 *
 * <p>Order: edits are sorted by start offset, then end offset; the sort is stable, so insertions at the same
 * offset keep the order they were given in. An insertion at the start of a replaced range therefore lands
 * before the replacement text, one at its end after it. Callers that insert at one offset on behalf of
 * several mappings (an inner mapping and the mapping around it can end on the same line) must give the
 * inner insertion first.
 *
 * <p>Two edits overlap, and {@link #of} refuses them, when one starts strictly inside the range the other
 * replaces (an insertion that only touches a replaced range's boundary is fine), or when two non-empty
 * ranges share a char.
 */
public final class EditSet {
  private static final Comparator<Edit> ORDER =
      Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end);
  private static final EditSet EMPTY = new EditSet(List.of());

  private final List<Edit> edits;

  private EditSet(List<Edit> sorted) {
    this.edits = sorted;
  }

  public static EditSet empty() {
    return EMPTY;
  }

  /** @throws IllegalArgumentException when two edits overlap */
  public static EditSet of(Collection<Edit> edits) {
    if (edits.isEmpty()) {
      return EMPTY;
    }
    List<Edit> sorted = new ArrayList<>(edits.size());
    for (Edit edit : edits) {
      if (edit == null) {
        throw new NullPointerException("null edit");
      }
      sorted.add(edit);
    }
    sorted.sort(ORDER);
    int reach = 0;
    Edit reacher = null;
    for (Edit edit : sorted) {
      if (reacher != null && edit.start() < reach) {
        throw new IllegalArgumentException("overlapping edits: " + reacher + " and " + edit);
      }
      if (edit.end() >= reach) {
        reach = edit.end();
        reacher = edit;
      }
    }
    return new EditSet(List.copyOf(sorted));
  }

  /** @throws IllegalArgumentException when two edits overlap */
  public static EditSet of(Edit... edits) {
    return of(Arrays.asList(edits));
  }

  /** This set and {@code more} together; {@code more}'s insertions go after this set's at the same offset. */
  public EditSet plus(Collection<Edit> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Edit> all = new ArrayList<>(edits);
    all.addAll(more);
    return of(all);
  }

  public EditSet plus(EditSet more) {
    return plus(more.edits);
  }

  /**
   * The original text with every edit applied, built in one pass. Without edits it returns
   * {@code original} itself.
   *
   * @throws IllegalArgumentException when an edit reaches past the end of {@code original}
   */
  public String apply(String original) {
    if (edits.isEmpty()) {
      return original;
    }
    Edit last = edits.get(edits.size() - 1);
    int furthest = 0;
    long length = original.length();
    for (Edit edit : edits) {
      furthest = Math.max(furthest, edit.end());
      length += edit.delta();
    }
    if (furthest > original.length()) {
      throw new IllegalArgumentException("edit " + last + " reaches past the end of a text of "
          + original.length() + " chars");
    }
    StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, length)));
    int at = 0;
    for (Edit edit : edits) {
      out.append(original, at, edit.start()).append(edit.replacement());
      at = edit.end();
    }
    return out.append(original, at, original.length()).toString();
  }

  public boolean isEmpty() {
    return edits.isEmpty();
  }

  public int size() {
    return edits.size();
  }

  /** The edits, sorted (see the class comment for the order). */
  public List<Edit> edits() {
    return edits;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EditSet set && set.edits.equals(edits);
  }

  @Override
  public int hashCode() {
    return edits.hashCode();
  }

  @Override
  public String toString() {
    return "EditSet" + edits;
  }
}
