package io.promshift.syntax;

import io.promshift.text.Span;

/** A comment as the Engine reports it: {@code text} without the leading {@code #}. */
public record Comment(Span span, String text, boolean inline) {}
