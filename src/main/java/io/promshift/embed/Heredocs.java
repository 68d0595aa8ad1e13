package io.promshift.embed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heredoc bodies of a shell script held by a string (embedded-shapes §2.6): after a line with {@code <<WORD}
 * (also {@code <<-WORD}, {@code << WORD}, {@code <<'WORD'}, {@code <<"WORD"}, {@code <<\WORD}), the lines up to the
 * one that is exactly the word (with {@code <<-}: after its leading tabs) are the body; several operators on one line
 * take their bodies one after the other, as the shell does. A {@code <<<} here-string is none, and neither is a
 * {@code <<} in quotes or in a comment.
 *
 * <p>The shell's own lexing is followed only as far as a line: a quote opened on an earlier line is not seen, and an
 * operator whose word never comes back as a line (an arithmetic shift {@code $((1<<2))}, or a YAML merge key
 * {@code <<:} in a text that is not a script) is no heredoc here, where the shell would take the rest of the script.
 * Linear in the text's length: each end line is looked up, not searched for.
 */
final class Heredocs {
  /** Chars that end an unquoted word in the shell. */
  private static final String WORD_END = " \t\n;&|<>()";

  /**
   * One body.
   *
   * @param operator the redirection as written ({@code <<-'EOF'})
   * @param delimiter the word that ends the body, quotes removed
   * @param quoted whether the word is quoted (the shell then does not expand the body)
   * @param stripsTabs whether it is {@code <<-}
   * @param line the script's line that holds the operator ({@code cat <<EOF > /etc/grafana/.../ds.yaml})
   * @param text the body as the shell writes it (tabs stripped for {@code <<-}), mapped to the script's text
   */
  record Body(String operator, String delimiter, boolean quoted, boolean stripsTabs, String line, InnerText text) {}

  private final InnerText script;
  private final String text;
  /** {@code lineStart[i]}: where line {@code i} of the script starts; one more entry: past the last line's break. */
  private final int[] lineStart;
  /** Lines by their text, and by their text after leading tabs: where a delimiter ends a body. */
  private Map<String, List<Integer>> lines;
  private Map<String, List<Integer>> tabbedLines;

  private Heredocs(InnerText script) {
    this.script = script;
    this.text = script.text();
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      starts.add(i + 1);
    }
    boolean endsWithBreak = text.endsWith("\n");
    if (endsWithBreak) {
      starts.remove(starts.size() - 1); // no empty line after the last line break
    }
    lineStart = new int[starts.size() + 1];
    for (int i = 0; i < starts.size(); i++) {
      lineStart[i] = starts.get(i);
    }
    // past the last line's break, as if one ended a last line without it
    lineStart[starts.size()] = endsWithBreak ? text.length() : text.length() + 1;
  }

  /** The heredoc bodies of a script, in the order the shell reads them. */
  static List<Body> find(InnerText script) {
    if (!script.text().contains("<<")) {
      return List.of();
    }
    return new Heredocs(script).bodies();
  }

  private List<Body> bodies() {
    List<Body> bodies = new ArrayList<>();
    int lineCount = lineStart.length - 1;
    int line = 0;
    while (line < lineCount) {
      List<Operator> operators = operators(line);
      String operatorLine = text.substring(lineStart[line], contentEnd(line));
      line++;
      for (Operator operator : operators) {
        int end = endLine(operator, line);
        if (end < 0) {
          continue; // never ended: not taken as a heredoc (see the class comment)
        }
        bodies.add(new Body(operator.written, operator.delimiter, operator.quoted, operator.stripsTabs, operatorLine,
            body(line, end, operator.stripsTabs)));
        line = end + 1;
      }
    }
    return bodies;
  }

  private int contentEnd(int line) {
    return Math.min(lineStart[line + 1] - 1, text.length());
  }

  /** One {@code <<} of a line. */
  private record Operator(String written, String delimiter, boolean quoted, boolean stripsTabs) {}

  /** The heredoc operators of a line, outside quotes and comments, in order. */
  private List<Operator> operators(int line) {
    int end = contentEnd(line);
    List<Operator> found = new ArrayList<>();
    char quote = 0;
    for (int i = lineStart[line]; i < end; i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\\') {
        i++;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == lineStart[line] || Character.isWhitespace(text.charAt(i - 1)))) {
        break; // a comment
      } else if (c == '<' && i + 1 < end && text.charAt(i + 1) == '<') {
        if (i + 2 < end && text.charAt(i + 2) == '<') {
          i += 2; // <<< a here-string
          continue;
        }
        int next = operator(i, end, found);
        i = next - 1;
      }
    }
    return found;
  }

  /** Reads the operator at {@code at} (its {@code <<}) into {@code found}; returns where reading goes on. */
  private int operator(int at, int end, List<Operator> found) {
    int i = at + 2;
    boolean tabs = i < end && text.charAt(i) == '-';
    if (tabs) {
      i++;
    }
    while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    while (i < end && WORD_END.indexOf(text.charAt(i)) < 0) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        quoted = true;
        int close = i + 1;
        while (close < end && text.charAt(close) != c) {
          close++;
        }
        if (close == end) {
          return end; // a quote not closed on this line: no word read here
        }
        word.append(text, i + 1, close);
        i = close + 1;
      } else if (c == '\\' && i + 1 < end) {
        quoted = true;
        word.append(text.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    if (word.isEmpty()) {
      return Math.max(i, at + 2);
    }
    found.add(new Operator(text.substring(at, i), word.toString(), quoted, tabs));
    return i;
  }

  /** The first line from {@code from} on that ends the body of {@code operator}, or -1. */
  private int endLine(Operator operator, int from) {
    if (lines == null) {
      lines = new HashMap<>();
      tabbedLines = new HashMap<>();
      for (int line = 0; line < lineStart.length - 1; line++) {
        int start = lineStart[line];
        int end = contentEnd(line);
        lines.computeIfAbsent(text.substring(start, end), k -> new ArrayList<>()).add(line);
        int content = start;
        while (content < end && text.charAt(content) == '\t') {
          content++;
        }
        tabbedLines.computeIfAbsent(text.substring(content, end), k -> new ArrayList<>()).add(line);
      }
    }
    List<Integer> candidates = (operator.stripsTabs ? tabbedLines : lines).get(operator.delimiter);
    if (candidates == null) {
      return -1;
    }
    int index = Collections.binarySearch(candidates, from);
    int first = index >= 0 ? index : -index - 1;
    return first < candidates.size() ? candidates.get(first) : -1;
  }

  /** The body of lines {@code [first, end)}: each with its line break, leading tabs stripped for {@code <<-}. */
  private InnerText body(int first, int end, boolean stripsTabs) {
    StringBuilder body = new StringBuilder();
    int[] offsets = new int[lineStart[end] - lineStart[first] + 1];
    int size = 0;
    for (int line = first; line < end; line++) {
      int from = lineStart[line];
      if (stripsTabs) {
        while (from < contentEnd(line) && text.charAt(from) == '\t') {
          from++;
        }
      }
      for (int i = from; i < lineStart[line + 1]; i++) {
        body.append(text.charAt(i));
        offsets[size++] = i;
      }
    }
    // where the body ends: the start of the line that ends it (before its tabs)
    offsets[size++] = lineStart[end];
    return InnerText.part(script, body.toString(), java.util.Arrays.copyOf(offsets, size));
  }
}
