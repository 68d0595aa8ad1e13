package io.promshift.syntax;

import io.promshift.text.Span;

/**
 * A scalar as written: {@code value} is its content after unescaping and folding, {@code valueSpan} the
 * characters that hold it (quotes and block header included, anchor and tag excluded).
 */
public record ScalarNode(Span span, Span valueSpan, String value, ScalarStyle style, String tag, String anchor)
    implements YamlNode {

  public boolean isPlain() {
    return style == ScalarStyle.PLAIN;
  }
}
