package io.promshift.patch;

import io.promshift.text.Span;
import java.util.Objects;

/**
 * One change to an original text: replace the chars {@code [start, end)} (offsets into the text without
 * its BOM, as {@link io.promshift.text.SourceText#text()} holds it) by {@code replacement}.
 * {@code start == end} is an insertion, an empty replacement a deletion.
 */
public record Edit(int start, int end, String replacement) {

  public Edit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
    }
    Objects.requireNonNull(replacement, "replacement");
  }

  /** Inserts {@code text} at {@code offset}. */
  public static Edit insert(int offset, String text) {
    return new Edit(offset, offset, text);
  }

  /** Deletes the chars of {@code span}. */
  public static Edit delete(Span span) {
    return new Edit(span.start(), span.end(), "");
  }

  /** Deletes the chars {@code [start, end)}. */
  public static Edit delete(int start, int end) {
    return new Edit(start, end, "");
  }

  /** Replaces the chars of {@code span} by {@code text}. */
  public static Edit replace(Span span, String text) {
    return new Edit(span.start(), span.end(), text);
  }

  /** The replaced range. */
  public Span span() {
    return new Span(start, end);
  }

  public boolean isInsertion() {
    return start == end;
  }

  /** How much longer the text gets (negative when it gets shorter). */
  public int delta() {
    return replacement.length() - (end - start);
  }

  @Override
  public String toString() {
    return "Edit[" + start + ", " + end + ") -> \"" + replacement.replace("\r", "\\r").replace("\n", "\\n") + "\"";
  }
}
