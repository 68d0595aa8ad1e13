package io.promshift.report;

import java.io.IOException;
import java.io.Writer;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The JSON writer both JSON reports share: two-space indent, {@code "name": value}, {@code \n} line ends. */
final class Json {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    WRITER = JsonMapper.builder().build().writer().with(printer);
  }

  private Json() {}

  static String write(JsonNode node) {
    return WRITER.writeValueAsString(node) + "\n";
  }

  /**
   * Writes {@link #write(JsonNode)}'s text to {@code out} as it is made, never as one string: a report of a large run
   * as a string (and the copies of its growing buffer) took several times the findings' own memory ({@code validate
   * --format json} of 10,000 files ran out of a 48 MB heap, text did not).
   */
  static void write(JsonNode node, Appendable out) throws IOException {
    Writer writer = new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) throws IOException {
        out.append(java.nio.CharBuffer.wrap(chars, offset, length));
      }

      @Override
      public void flush() {
        // the caller's to flush
      }

      @Override
      public void close() {
        // the caller's to close
      }
    };
    try {
      WRITER.writeValue(writer, node);
    } catch (tools.jackson.core.JacksonException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
    out.append('\n');
  }
}
