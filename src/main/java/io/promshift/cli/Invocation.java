package io.promshift.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * What a command runs with: its parsed arguments, the streams (standard input is what {@code -} reads) and the
 * terminal (colour, progress).
 */
record Invocation(Arguments args, PrintWriter out, PrintWriter err, Terminal terminal, InputStream in) {}
