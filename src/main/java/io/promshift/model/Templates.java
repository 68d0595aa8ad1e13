package io.promshift.model;

import io.promshift.text.SourceException;
import io.promshift.text.SourceText;

/**
 * Finds template syntax (Helm/Go {@code {{ }}}, Jinja {@code {% %}} and {@code {# #}}) in a file meant to
 * be provisioning YAML. Such a file is not what Grafana reads until it is rendered, even where it happens to
 * parse as YAML ({@code url: http://{{ host }}:9090}); promshift refuses it with the position of the first
 * template tag. Tags inside comments are ignored: a rendered file may keep {@code # {{ ansible_managed }}}.
 */
public final class Templates {
  private Templates() {}

  /** Throws a positioned {@link SourceException} when the text holds a template tag outside a comment. */
  public static void check(SourceText source) {
    int at = find(source.text());
    if (at >= 0) {
      String tag = source.text().substring(at, Math.min(at + 2, source.length()));
      throw source.error(at, SourceException.Kind.TEMPLATE, "this is a template (\"" + tag + "\" tag), not YAML"
          + " that Grafana reads: render it (helm template, ansible, terraform) and run promshift on the result");
    }
  }

  /** Offset of the first template tag outside a comment, or -1. */
  public static int find(String text) {
    if (text.indexOf("{{") < 0 && text.indexOf("{%") < 0 && text.indexOf("{#") < 0) {
      return -1; // the common case, answered by the JDK's fast search
    }
    int lineStart = 0;
    int n = text.length();
    while (lineStart < n) {
      int lineEnd = lineStart;
      while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      int found = findInLine(text, lineStart, lineEnd);
      if (found >= 0) {
        return found;
      }
      lineStart = lineEnd + 1;
    }
    return -1;
  }

  private static int findInLine(String text, int start, int end) {
    for (int i = start; i + 1 < end; i++) {
      char c = text.charAt(i);
      if (c == '#' && (i == start || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
        return -1; // the rest of the line is a comment
      }
      if (c == '{') {
        char next = text.charAt(i + 1);
        if (next == '{' || next == '%' || next == '#') {
          return i;
        }
      }
    }
    return -1;
  }
}
