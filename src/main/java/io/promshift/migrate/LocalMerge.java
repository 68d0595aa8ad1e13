package io.promshift.migrate;

import io.promshift.patch.Edit;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.YamlNode;
import io.promshift.text.SourceText;
import java.util.List;

/**
 * Turns {@code key: *alias} into a local block map {@code key:\n  <<: *alias\n  extra} and back, so that one
 * data source can get an entry of its own without changing the map other data sources share.
 */
final class LocalMerge {
  private static final int INDENT_STEP = 2;

  private LocalMerge() {}

  /** The edits that expand {@code key: *alias} (block context) into a map with one more line. */
  static List<Edit> expand(SourceText source, YamlNode key, AliasNode alias, String extraLine) {
    int colon = colonAfter(source, key);
    int line = source.lineOf(alias.span().end());
    String eol = source.lineEnding(line);
    String indent = " ".repeat(column(source, key) + INDENT_STEP);
    String body;
    if (eol.isEmpty()) {
      String newline = source.dominantLineEnding();
      body = newline + indent + "<<: *" + alias.name() + newline + indent + extraLine;
    } else {
      body = indent + "<<: *" + alias.name() + eol + indent + extraLine + eol;
    }
    return List.of(
        new Edit(colon + 1, alias.span().end(), ""),
        new Edit(source.lineEnd(line), source.lineEnd(line), body));
  }

  /**
   * The exact inverse of {@link #expand}: when the map's lines are precisely what expand writes, the edit
   * that puts {@code *alias} back; otherwise null (the caller then only removes the extra entry).
   */
  static Edit collapse(SourceText source, YamlNode key, MappingNode map, AliasNode alias) {
    String text = source.text();
    int colon = colonAfter(source, key);
    int keyLine = source.lineOf(key.span().start());
    int firstLine = source.lineOf(map.span().start());
    int lastLine = source.lineOf(map.span().end());
    if (firstLine != keyLine + 1 || lastLine != firstLine + 1) {
      return null;
    }
    String keyRest = text.substring(colon + 1, source.lineContentEnd(keyLine));
    if (!keyRest.isBlank() && !keyRest.strip().startsWith("#")) {
      return null;
    }
    String indent = " ".repeat(column(source, key) + INDENT_STEP);
    int start;
    int end = source.lineEnd(lastLine);
    String eol = source.lineEnding(lastLine);
    String expected;
    if (eol.isEmpty()) {
      start = source.lineContentEnd(keyLine);
      String newline = source.lineEnding(keyLine);
      expected = newline + indent + "<<: *" + alias.name() + newline + indent;
    } else {
      start = source.lineStart(firstLine);
      expected = indent + "<<: *" + alias.name() + source.lineEnding(firstLine) + indent;
    }
    String lines = text.substring(start, end);
    if (!lines.startsWith(expected)) {
      return null;
    }
    // one edit spanning from the colon to the end of the map's lines keeps the key line's own comment
    String keyLineRest = text.substring(colon + 1, start);
    return new Edit(colon + 1, end, " *" + alias.name() + keyLineRest);
  }

  private static int colonAfter(SourceText source, YamlNode key) {
    int i = key.span().end();
    String text = source.text();
    while (i < text.length() && text.charAt(i) != ':') {
      i++;
    }
    return i;
  }

  private static int column(SourceText source, YamlNode node) {
    int offset = node.span().start();
    return offset - source.lineStart(source.lineOf(offset));
  }
}
