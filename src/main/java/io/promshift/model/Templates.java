package io.promshift.model;

import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.ArrayList;
import java.util.List;

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
      throw error(source, at);
    }
  }

  /** The refusal of a template, at the tag that makes it one. */
  public static SourceException error(SourceText source, int at) {
    String tag = source.text().substring(at, Math.min(at + 2, source.length()));
    return source.error(at, SourceException.Kind.TEMPLATE, "this is a template (\"" + tag + "\" tag), not YAML"
        + " that Grafana reads: render it (helm template, ansible, terraform) and run promshift on the result");
  }

  /** Offsets of every template tag outside a comment, in order. */
  public static List<Integer> findAll(String text) {
    List<Integer> found = new ArrayList<>();
    if (text.indexOf("{{") < 0 && text.indexOf("{%") < 0 && text.indexOf("{#") < 0) {
      return found;
    }
    int lineStart = 0;
    int n = text.length();
    while (lineStart < n) {
      int lineEnd = lineStart;
      while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      for (int i = lineStart; i + 1 < lineEnd; i++) {
        char c = text.charAt(i);
        if (c == '#' && (i == lineStart || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
          break; // the rest of the line is a comment
        }
        if (c == '{' && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '%' || text.charAt(i + 1) == '#')) {
          found.add(i);
          i++;
        }
      }
      lineStart = lineEnd + 1;
    }
    return found;
  }

  /** Offset of the first template tag outside a comment, or -1. */
  public static int find(String text) {
    List<Integer> all = findAll(text);
    return all.isEmpty() ? -1 : all.get(0);
  }
}
