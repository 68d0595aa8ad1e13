package io.promshift.syntax;

import io.promshift.text.SourceException;
import io.promshift.text.SourceException.Kind;
import io.promshift.text.SourceText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Tabs where go-yaml v3's scanner refuses them and SnakeYAML Engine reads on: a tab in the indentation of a line
 * (spaces before it, or none), also on a line that holds nothing else or only a comment. go-yaml decides by what
 * comes before the line:
 *
 * <ul>
 *   <li>inside a quoted scalar a tab is text, and in a flow collection it separates tokens;
 *   <li>in the lines that follow a plain scalar (until the next token) a tab left of the scalar's indentation
 *       (its collection's column + 1) is refused: "found a tab character that violates indentation", named at the
 *       scalar;
 *   <li>in a block scalar, a tab left of the content's indentation, or before its first line, is refused: "found a
 *       tab character where an indentation space is expected", named at the scalar;
 *   <li>between two comments a tab is skipped with them;
 *   <li>anywhere else in block context (after a quoted scalar, an indicator, a collection, at the start of the
 *       file) a tab at the start of a line, or after a {@code -}, {@code ?} or {@code :} indicator that starts
 *       the line, is refused: "found character that cannot start any token".
 * </ul>
 *
 * <p>Checked on the first document's tree the Engine built, in one pass over its lines, and only when the text
 * has such a tab at all. Stateless.
 */
final class GoYamlTabs {
  private GoYamlTabs() {}

  /**
   * Refuses the first tab go-yaml refuses in {@code [0, end)}.
   *
   * @param root the first document's root (null for an empty document)
   * @param end where the first document ends (the line go-yaml's scanner stops reading it at)
   */
  static void check(SourceText source, YamlNode root, int end) {
    String text = source.text();
    if (!hasCandidate(text, end)) {
      return;
    }
    new Pass(source, root, end).run();
  }

  /** Whether any tab in {@code [0, end)} is in a line's indentation or after an indicator that starts its line. */
  static boolean hasCandidate(String text, int end) {
    for (int t = text.indexOf('\t'); t >= 0 && t < end; t = text.indexOf('\t', t + 1)) {
      int i = t;
      while (i > 0 && (text.charAt(i - 1) == ' ' || isIndicatorAt(text, i - 1))) {
        i--;
      }
      if (i == 0 || GoScalarText.isBreak(text.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** A {@code -}, {@code ?} or {@code :} followed by a blank. */
  private static boolean isIndicatorAt(String text, int i) {
    char c = text.charAt(i);
    return (c == '-' || c == '?' || c == ':') && i + 1 < text.length() && GoScalarText.isBlank(text.charAt(i + 1));
  }

  /** A scalar of the document with what the check needs. */
  private record Scalar(int start, int valueStart, int end, ScalarStyle style, int collectionColumn) {}

  private record Flow(int start, int end) {}

  private static final class Pass {
    private final SourceText source;
    private final String text;
    private final int end;
    private final List<Scalar> scalars = new ArrayList<>();
    private final List<Flow> flows = new ArrayList<>();
    private int scalar = -1;
    private int flow = 0;
    /** The last non-blank char of the lines passed, and whether it is in a comment. */
    private int lastSignificant = -1;
    private boolean lastInComment;
    private int nextFrom = -1;
    private int nextAt = -1;
    private int blockIndentOf = -1;
    private int blockIndent;
    private int blockFirstLine;

    Pass(SourceText source, YamlNode root, int end) {
      this.source = source;
      this.text = source.text();
      this.end = end;
      if (root != null) {
        collect(root);
      }
    }

    /** The scalars in text order with their collection's column, and the outermost flow collections. */
    private void collect(YamlNode root) {
      record Visit(YamlNode node, int column, boolean inFlow) {}
      Deque<Visit> stack = new ArrayDeque<>();
      stack.push(new Visit(root, -1, false));
      while (!stack.isEmpty()) {
        Visit visit = stack.pop();
        YamlNode node = visit.node();
        if (node instanceof ScalarNode s) {
          if (s.span().isEmpty()) {
            continue; // an empty value is no token: go-yaml reads on from the indicator before it
          }
          scalars.add(new Scalar(s.span().start(), s.valueSpan().start(), s.span().end(), s.style(), visit.column()));
        } else if (node instanceof MappingNode m) {
          int column = m.flow() || m.entries().isEmpty() ? visit.column() : column(keyStart(m.entries().get(0).key()));
          if (m.flow() && !visit.inFlow()) {
            flows.add(new Flow(m.span().start(), m.span().end()));
          }
          for (int i = m.entries().size() - 1; i >= 0; i--) {
            stack.push(new Visit(m.entries().get(i).value(), column, visit.inFlow() || m.flow()));
            stack.push(new Visit(m.entries().get(i).key(), column, visit.inFlow() || m.flow()));
          }
        } else if (node instanceof SequenceNode q) {
          int column = q.flow() ? visit.column() : column(firstDash(q.span().start()));
          if (q.flow() && !visit.inFlow()) {
            flows.add(new Flow(q.span().start(), q.span().end()));
          }
          for (int i = q.items().size() - 1; i >= 0; i--) {
            stack.push(new Visit(q.items().get(i), column, visit.inFlow() || q.flow()));
          }
        }
      }
    }

    /** Where a block mapping's first key starts for go-yaml: at its {@code ?} when it is a complex key. */
    private int keyStart(YamlNode key) {
      int i = key.span().start();
      while (i > 0 && text.charAt(i - 1) == ' ') {
        i--;
      }
      return i > 0 && text.charAt(i - 1) == '?' ? i - 1 : key.span().start();
    }

    /** A block sequence's first {@code -}: its span may start at the sequence's anchor or tag. */
    private int firstDash(int from) {
      int i = from;
      while (i < text.length() && text.charAt(i) != '-') {
        if (text.charAt(i) == '#') {
          while (i < text.length() && !GoScalarText.isBreak(text.charAt(i))) {
            i++;
          }
        } else {
          i++;
        }
      }
      return i < text.length() ? i : from;
    }

    private int column(int offset) {
      return source.position(offset).column() - 1;
    }

    void run() {
      int line = 0;
      while (line < end) {
        int lineEnd = lineEnd(line);
        int first = line;
        while (first < lineEnd && text.charAt(first) == ' ') {
          first++;
        }
        if (first < lineEnd && text.charAt(first) == '\t') {
          leadingTab(line, first);
        } else if (first < lineEnd && isIndicatorAt(text, first)) {
          afterIndicators(first, lineEnd);
        }
        pass(line, lineEnd);
        line = lineEnd < text.length() ? GoScalarText.readBreak(text, lineEnd, null) : text.length();
      }
    }

    private int lineEnd(int line) {
      int i = line;
      while (i < text.length() && !GoScalarText.isBreak(text.charAt(i))) {
        i++;
      }
      return i;
    }

    private void leadingTab(int line, int tab) {
      Scalar s = scalarBefore(tab);
      if (s != null && s.style().isQuoted() && tab < s.end()) {
        return;
      }
      if (s != null && s.style().isBlock() && tab < s.end()) {
        checkBlock(s, line, tab);
        return;
      }
      if (s != null && s.style() == ScalarStyle.PLAIN && (tab < s.end() || lastSignificant < s.end())) {
        int indent = s.collectionColumn() + 1;
        if (tab - line < indent) {
          throw source.error(named(s.valueStart(), tab), Kind.SYNTAX, "invalid YAML: the tab at " + where(tab)
              + ", in the indentation of a line after this value, is left of the value's indentation: Grafana's YAML"
              + " reader (go-yaml) refuses the file (\"found a tab character that violates indentation\"), also for"
              + " a line that holds nothing but spaces and a tab; replace the tab with spaces or remove it");
        }
        return;
      }
      if (lastInComment && nextNonBlank(tab) < text.length() && text.charAt(nextNonBlank(tab)) == '#') {
        return; // between two comments: go-yaml skips it with them
      }
      if (!inFlow(tab)) {
        throw cannotStart(tab);
      }
    }

    /**
     * {@code - }, {@code ? } or {@code : } starting a line: a tab after them (spaces between or not) starts
     * nothing.
     */
    private void afterIndicators(int first, int lineEnd) {
      Scalar s = scalarBefore(first);
      if (s != null && first < s.end() || inFlow(first)) {
        return; // text of a scalar, or in a flow collection
      }
      int i = first;
      while (i < lineEnd && isIndicatorAt(text, i) && (i == first || text.charAt(i) != ':')) {
        i++;
        while (i < lineEnd && text.charAt(i) == ' ') {
          i++;
        }
        if (i < lineEnd && text.charAt(i) == '\t') {
          throw cannotStart(i);
        }
      }
    }

    /**
     * Where go-yaml names the error: at the scalar (its context mark), unless that is on the first line, which
     * go-yaml never names (it names the line of the tab then).
     */
    private int named(int scalarStart, int tab) {
      return source.lineOf(scalarStart) == 0 ? tab : scalarStart;
    }

    private String where(int offset) {
      return "line " + source.position(offset).line() + ", column " + source.position(offset).column();
    }

    private SourceException cannotStart(int tab) {
      return source.error(tab, Kind.SYNTAX, "invalid YAML: a tab here, in the indentation of a line (or right after"
          + " the '-', '?' or ':' that starts it), cannot start anything for Grafana's YAML reader (go-yaml), which"
          + " refuses the file (\"found character that cannot start any token\"), also for a line that holds nothing"
          + " but spaces and a tab, or a comment; replace the tab with spaces or remove it");
    }

    /** go-yaml's block scalar: a tab before its first content line, or left of the content's indentation. */
    private void checkBlock(Scalar s, int line, int tab) {
      if (blockIndentOf != s.valueStart()) {
        blockIndentOf = s.valueStart();
        measureBlock(s);
      }
      if (line <= blockFirstLine || tab - line < blockIndent) {
        throw source.error(named(s.valueStart(), tab), Kind.SYNTAX, "invalid YAML: the tab at " + where(tab)
            + " is in the indentation of this block scalar: Grafana's YAML reader (go-yaml) refuses the file (\"found a"
            + " tab character where an indentation space is expected\"); indent with spaces only");
      }
    }

    /** The block scalar's content indentation and its first non-empty line, as go-yaml finds them. */
    private void measureBlock(Scalar s) {
      int i = s.valueStart() + 1;
      int increment = 0;
      while (i < text.length()
          && (text.charAt(i) == '+' || text.charAt(i) == '-' || Character.isDigit(text.charAt(i)))) {
        if (Character.isDigit(text.charAt(i))) {
          increment = text.charAt(i) - '0';
        }
        i++;
      }
      int line = lineEnd(i);
      line = line < text.length() ? GoScalarText.readBreak(text, line, null) : line;
      int maxIndent = 0;
      while (line < text.length()) {
        int spaces = line;
        while (spaces < text.length() && text.charAt(spaces) == ' ') {
          spaces++;
        }
        if (spaces < text.length() && !GoScalarText.isBreak(text.charAt(spaces))) {
          break;
        }
        maxIndent = Math.max(maxIndent, spaces - line);
        line = spaces < text.length() ? GoScalarText.readBreak(text, spaces, null) : spaces;
      }
      blockFirstLine = line;
      int parent = s.collectionColumn();
      if (increment > 0) {
        blockIndent = parent >= 0 ? parent + increment : increment;
        blockFirstLine = -1; // known from the header: no line comes before it
      } else {
        int spaces = line;
        while (spaces < text.length() && text.charAt(spaces) == ' ') {
          spaces++;
        }
        blockIndent = Math.max(Math.max(maxIndent, spaces - line), Math.max(parent + 1, 1));
      }
    }

    /** The last scalar that starts before {@code offset} (offsets asked in ascending order). */
    private Scalar scalarBefore(int offset) {
      while (scalar + 1 < scalars.size() && scalars.get(scalar + 1).start() < offset) {
        scalar++;
      }
      return scalar >= 0 ? scalars.get(scalar) : null;
    }

    private boolean inFlow(int offset) {
      while (flow < flows.size() && flows.get(flow).end() <= offset) {
        flow++;
      }
      return flow < flows.size() && flows.get(flow).start() < offset;
    }

    /** The next char at or after {@code from} that is not a blank or a line break (the text's length if none). */
    private int nextNonBlank(int from) {
      if (from >= nextFrom && from <= nextAt) {
        return nextAt;
      }
      int i = from;
      while (i < text.length() && (GoScalarText.isBlank(text.charAt(i)) || GoScalarText.isBreak(text.charAt(i)))) {
        i++;
      }
      nextFrom = from;
      nextAt = i;
      return i;
    }

    /**
     * Whether go-yaml reads the comment at {@code hash} with the comments that follow it (skipping the blanks and
     * tabs between them): a comment alone on its line, or after {@code ---}, {@code ...} or {@code -} indicators.
     * A comment after any other token on its line is read alone, with that token.
     */
    private boolean startsChain(int line, int hash) {
      int i = line;
      if (hash - line >= 4 && (text.startsWith("---", line) || text.startsWith("...", line))) {
        i = line + 3;
      }
      while (i < hash) {
        char c = text.charAt(i);
        if (c == '-' && i + 1 < hash && GoScalarText.isBlank(text.charAt(i + 1))) {
          i++;
        } else if (GoScalarText.isBlank(c)) {
          i++;
        } else {
          return false;
        }
      }
      return true;
    }

    /** Notes the line's last non-blank char, and whether it is in a comment that go-yaml reads with the next ones. */
    private void pass(int line, int lineEnd) {
      int last = lineEnd - 1;
      while (last >= line && GoScalarText.isBlank(text.charAt(last))) {
        last--;
      }
      if (last < line) {
        return;
      }
      lastSignificant = last;
      lastInComment = false;
      for (int i = line; i <= last; i++) {
        if (text.charAt(i) == '#' && (i == line || GoScalarText.isBlank(text.charAt(i - 1)))) {
          Scalar s = scalarBefore(i + 1);
          if (s == null || i >= s.end() || s.style() == ScalarStyle.PLAIN) {
            lastInComment = startsChain(line, i);
            return;
          }
        }
      }
    }
  }
}
