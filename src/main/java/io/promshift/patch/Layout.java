package io.promshift.patch;

import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlNode;
import io.promshift.text.SourceText;

/**
 * Where things are in the text of one file: indicators, columns, and where a node's content really ends.
 *
 * <p>The reader's spans are exact for most nodes, but two kinds reach further than their content: a block
 * scalar's span includes the blank lines after it, and an empty value written without anchor or tag
 * ({@code key:}) gets a zero-width span at whatever token follows, possibly after comments and blank lines
 * (see {@link #isBareEmpty}). Everything here works around both.
 */
final class Layout {
  /** Where a node's content ends: {@code offset} is tight; {@code ownsBreak} when the line break after it belongs to the value. */
  record Tail(int offset, boolean ownsBreak) {}

  /**
   * A block scalar's lines. {@code lastBodyLine == headerLine} when it has no body;
   * {@code firstContentLine == lastContentLine == -1} when no body line holds content.
   */
  record Block(int headerLine, char chomp, int increment, int lastBodyLine, int firstContentLine,
      int lastContentLine, int indent) {
    boolean hasContent() {
      return lastContentLine >= 0;
    }
  }

  final SourceText src;
  final String text;

  Layout(SourceText src) {
    this.src = src;
    this.text = src.text();
  }

  // ---------------------------------------------------------------------------------------------- scanning

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** Skips blanks, line breaks and comments (a {@code #} between tokens always starts one). */
  int skipGap(int i) {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (isBlank(c) || isBreak(c)) {
        i++;
      } else if (c == '#') {
        while (i < n && !isBreak(text.charAt(i))) {
          i++;
        }
      } else {
        break;
      }
    }
    return i;
  }

  /** Skips spaces and tabs only. */
  int skipBlanks(int i) {
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The offset after {@code &anchor} / {@code !tag} properties at {@code i} and the gap after them. */
  int skipProperties(int i) {
    while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
      i = skipGap(propertyEnd(i));
    }
    return i;
  }

  /** The offset right after the last property token starting at {@code i} (no gap after it). */
  int propertiesEnd(int i) {
    int end = i;
    while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
      end = propertyEnd(i);
      i = skipGap(end);
    }
    return end;
  }

  private int propertyEnd(int i) {
    int n = text.length();
    if (text.startsWith("!<", i)) {
      int close = text.indexOf('>', i);
      return close < 0 ? n : close + 1;
    }
    while (i < n && !isBlank(text.charAt(i)) && !isBreak(text.charAt(i)) && ",[]{}".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  int column(int offset) {
    return offset - src.lineStart(src.lineOf(offset));
  }

  int line(int offset) {
    return src.lineOf(offset);
  }

  boolean blankBetween(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isBlank(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------- structure

  /** A value written as nothing at all ({@code key:}, {@code -}, {@code {a}}): its span is not where it is. */
  static boolean isBareEmpty(YamlNode node) {
    return node instanceof ScalarNode s && s.style() == ScalarStyle.PLAIN && s.span().isEmpty();
  }

  /** The offset of the {@code ?} of an explicit key ({@code ? key}) on the key's line, or -1. */
  int explicitKeyIndicator(YamlNode key) {
    int start = key.span().start();
    int lineStart = src.lineStart(line(start));
    int i = start - 1;
    while (i >= lineStart && isBlank(text.charAt(i))) {
      i--;
    }
    if (i >= lineStart && i < start - 1 && text.charAt(i) == '?' && (i == lineStart || isBlank(text.charAt(i - 1)))) {
      return i;
    }
    return -1;
  }

  /** The indentation of a block mapping: the column of its first key (or of that key's {@code ?}). */
  int mappingColumn(MappingNode map) {
    YamlNode first = map.entries().get(0).key();
    int q = explicitKeyIndicator(first);
    return column(q >= 0 ? q : first.span().start());
  }

  /** The offset of the {@code -} of a block sequence's item. */
  int dashOf(SequenceNode seq, int index) {
    int from = index == 0 ? skipProperties(seq.span().start()) : skipGap(seq.items().get(index - 1).span().end());
    if (from >= text.length() || text.charAt(from) != '-') {
      throw new IllegalArgumentException("no '-' found for item " + index + " of the sequence at "
          + src.position(seq.span().start()) + "; is the node from this text?");
    }
    return from;
  }

  /** The offset after the {@code :} that follows an entry's key, or the key's end when it has none. */
  int colonEnd(MappingNode.Entry entry) {
    int keyEnd = entry.key().span().end();
    int i = skipGap(keyEnd);
    return i < text.length() && text.charAt(i) == ':' ? i + 1 : keyEnd;
  }

  /** The offset of a flow mapping's {@code {}, or -1 for a single pair written inside a flow sequence. */
  int openBrace(MappingNode map) {
    int i = skipProperties(map.span().start());
    return i < text.length() && text.charAt(i) == '{' ? i : -1;
  }

  // ------------------------------------------------------------------------------------------------ tails

  /** The tail of a mapping entry's value. */
  Tail entryTail(MappingNode map, MappingNode.Entry entry) {
    return tail(entry.value(), colonEnd(entry), map.flow() ? -1 : mappingColumn(map));
  }

  /**
   * Where {@code node}'s content ends.
   *
   * @param indicatorEnd the offset after the indicator that introduced the node ({@code :} or {@code -}),
   *     used when the node is a bare empty value; -1 when unknown
   * @param parentColumn the indentation of the block collection that holds the node (-1 at the root or
   *     when unknown), for block scalars with an explicit indentation indicator
   */
  Tail tail(YamlNode node, int indicatorEnd, int parentColumn) {
    if (node instanceof ScalarNode scalar) {
      if (scalar.style().isBlock()) {
        Block block = block(scalar, parentColumn);
        if (block.chomp() == '+') {
          return new Tail(src.lineContentEnd(block.lastBodyLine()), block.lastBodyLine() > block.headerLine());
        }
        int line = block.hasContent() ? block.lastContentLine() : block.headerLine();
        return new Tail(src.lineContentEnd(line), block.chomp() != '-' && block.hasContent());
      }
      if (isBareEmpty(scalar)) {
        if (indicatorEnd < 0) {
          throw new IllegalArgumentException("an empty value written as nothing has no place of its own in the"
              + " text (" + src.position(scalar.span().start()) + "); edit it through its mapping entry");
        }
        return new Tail(indicatorEnd, false);
      }
      return new Tail(scalar.span().end(), false);
    }
    if (node instanceof MappingNode map && !map.flow() && !map.isEmpty()) {
      MappingNode.Entry last = map.lastEntry();
      return tail(last.value(), colonEnd(last), mappingColumn(map));
    }
    if (node instanceof SequenceNode seq && !seq.flow() && !seq.items().isEmpty()) {
      int index = seq.items().size() - 1;
      int dash = dashOf(seq, index);
      return tail(seq.items().get(index), dash + 1, column(dashOf(seq, 0)));
    }
    return new Tail(node.span().end(), false);
  }

  // ----------------------------------------------------------------------------------------- block scalars

  /**
   * Reads a block scalar's header and body lines. Content lines are told from the empty lines around them
   * the way the YAML scanner does: a line is empty when it holds at most {@code indent} spaces and nothing
   * else.
   */
  Block block(ScalarNode node, int parentColumn) {
    int start = node.valueSpan().start();
    int headerLine = line(start);
    char chomp = ' ';
    int increment = 0;
    for (int i = start + 1; i < Math.min(start + 3, text.length()); i++) {
      char c = text.charAt(i);
      if (c == '+' || c == '-') {
        chomp = c;
      } else if (c >= '1' && c <= '9') {
        increment = c - '0';
      } else {
        break;
      }
    }
    int end = node.span().end();
    int lastBodyLine = line(end);
    if (end == src.lineStart(lastBodyLine) && lastBodyLine > headerLine) {
      lastBodyLine--;
    }
    int indent;
    if (increment > 0) {
      indent = Math.max(1, parentColumn + 1) + increment - 1;
    } else {
      indent = -1;
      int maxLeading = 0;
      for (int l = headerLine + 1; l <= lastBodyLine; l++) {
        int s = leadingSpaces(l);
        if (src.lineStart(l) + s < src.lineContentEnd(l)) {
          indent = Math.max(maxLeading, s);
          break;
        }
        maxLeading = Math.max(maxLeading, s);
      }
    }
    int first = -1;
    int last = -1;
    if (indent >= 0) {
      for (int l = headerLine + 1; l <= lastBodyLine; l++) {
        int s = leadingSpaces(l);
        if (src.lineStart(l) + s < src.lineContentEnd(l) || s > indent) {
          if (first < 0) {
            first = l;
          }
          last = l;
        }
      }
    }
    return new Block(headerLine, chomp, increment, lastBodyLine, first, last, indent);
  }

  int leadingSpaces(int line) {
    int start = src.lineStart(line);
    int end = src.lineContentEnd(line);
    int i = start;
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    return i - start;
  }

  /**
   * A guess at the indentation of the block collection holding a block scalar, from its header line alone:
   * the column of the {@code -} it follows, the column of its key, or -1 at the root.
   */
  int guessParentColumn(ScalarNode node) {
    int line = line(node.span().start());
    int i = src.lineStart(line);
    if (text.startsWith("---", i)) {
      return -1;
    }
    i = skipBlanks(i);
    int dash = -1;
    while (i + 1 < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '?') && isBlank(text.charAt(i + 1))) {
      dash = i;
      i = skipBlanks(i + 1);
    }
    if (i >= node.span().start()) {
      return dash >= 0 ? column(dash) : -1;
    }
    return column(i);
  }
}
