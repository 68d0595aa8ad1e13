package io.promshift.text;

/** A half-open range {@code [start, end)} of char offsets into a {@link SourceText}'s text (BOM excluded). */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  public static Span at(int offset) {
    return new Span(offset, offset);
  }

  public int length() {
    return end - start;
  }

  public boolean isEmpty() {
    return start == end;
  }

  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }

  public boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }
}
