package io.promshift.patch;

import io.promshift.syntax.Comment;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlNode;
import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceText;
import io.promshift.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Style-keeping edits of YAML text. Each primitive looks at the original text around the node it edits and
 * returns {@link Edit}s that change only what must change: comments, quoting, indentation, blank lines,
 * line endings and everything else outside the edit stay byte for byte. Combine the results in an
 * {@link EditSet} and apply them to {@link SourceText#text()}; {@link SourceText#encode} puts a BOM back.
 *
 * <p>The nodes passed in must come from reading the same {@code src} with {@link YamlReader}. All offsets
 * are Java char offsets into the text after its BOM.
 *
 * <p>Stateless and thread-safe.
 */
public final class YamlEdits {
  private YamlEdits() {}

  // ------------------------------------------------------------------------------------------------ values

  /**
   * Replaces a scalar's value, keeping its style.
   *
   * <ul>
   *   <li>plain stays plain when {@link ScalarText#isSafePlain} allows, else becomes double-quoted;
   *   <li>single-quoted stays single-quoted ({@code ''} escaping) unless the value holds a line break or a
   *       control char, then it becomes double-quoted;
   *   <li>double-quoted stays double-quoted, escaped on one line;
   *   <li>literal ({@code |}) and folded ({@code >}): the header line (indicators, comment) and the
   *       indentation stay, the body lines are replaced. {@code newValue} is the body: one final line break
   *       is dropped from it, and the header's chomping indicator then applies as before (so passing the old
   *       value back keeps it). Blank lines after the body stay. A body a block scalar cannot hold here (a
   *       control char, trailing blank lines, a leading space without an explicit indentation indicator, or a
   *       line break in a folded scalar) is written double-quoted instead, in place of header and body.
   * </ul>
   *
   * <p>Only {@code valueSpan} changes, so an anchor or tag before the value stays.
   *
   * @throws IllegalArgumentException for an empty value written as nothing ({@code key:}): it has no place
   *     of its own; use {@link #replaceValue}
   */
  public static Edit replaceScalar(SourceText src, ScalarNode node, String newValue) {
    Objects.requireNonNull(newValue, "newValue");
    Layout layout = new Layout(src);
    Span value = node.valueSpan();
    switch (node.style()) {
      case LITERAL:
      case FOLDED:
        return replaceBlockScalar(layout, node, newValue);
      case SINGLE_QUOTED:
        return Edit.replace(value, ScalarText.canSingleQuote(newValue)
            ? ScalarText.singleQuoted(newValue) : ScalarText.doubleQuoted(newValue));
      case DOUBLE_QUOTED:
        return Edit.replace(value, ScalarText.doubleQuoted(newValue));
      default:
        String text = ScalarText.plainOrQuoted(newValue);
        if (value.isEmpty()) {
          if (node.span().isEmpty()) {
            throw new IllegalArgumentException("the empty value at " + src.position(value.start())
                + " is written as nothing and has no place of its own; use replaceValue with its mapping entry");
          }
          return Edit.insert(value.start(), " " + text); // after its anchor or tag: `key: &a` -> `key: &a v`
        }
        return Edit.replace(value, text);
    }
  }

  private static Edit replaceBlockScalar(Layout layout, ScalarNode node, String newValue) {
    SourceText src = layout.src;
    Layout.Block block = layout.block(node, layout.guessParentColumn(node));
    String body = newValue.endsWith("\n") ? newValue.substring(0, newValue.length() - 1) : newValue;
    if (!blockCanHold(body, node.style() == ScalarStyle.FOLDED, block.increment() > 0)) {
      int end = layout.tail(node, -1, layout.guessParentColumn(node)).offset();
      return new Edit(node.valueSpan().start(), end, ScalarText.doubleQuoted(newValue));
    }
    int header = block.headerLine();
    String eol = src.lineEnding(header).isEmpty() ? src.dominantLineEnding() : src.lineEnding(header);
    // the body's indentation: as written, as the explicit indicator says, or one step in from the key
    int indent = block.hasContent() || block.increment() > 0
        ? block.indent() : Math.max(0, layout.guessParentColumn(node)) + 2;
    StringBuilder lines = new StringBuilder();
    if (!body.isEmpty()) {
      String[] parts = body.split("\n", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          lines.append(eol);
        }
        if (!parts[i].isEmpty()) {
          lines.append(" ".repeat(indent)).append(parts[i]);
        }
      }
    }
    if (block.hasContent()) {
      int from = src.lineStart(header + 1);
      if (lines.length() == 0) {
        return new Edit(from, src.lineEnd(block.lastContentLine()), "");
      }
      return new Edit(from, src.lineContentEnd(block.lastContentLine()), lines.toString());
    }
    if (lines.length() == 0) {
      return Edit.insert(node.valueSpan().start(), "");
    }
    if (src.lineEnding(header).isEmpty()) {
      return Edit.insert(src.length(), eol + lines);
    }
    return Edit.insert(src.lineEnd(header), lines + eol);
  }

  private static boolean blockCanHold(String body, boolean folded, boolean explicitIndent) {
    if (body.endsWith("\n") || (folded && body.contains("\n"))) {
      return false;
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\n' && c != '\t' && ScalarText.needsEscape(c)) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 >= body.length() || !Character.isLowSurrogate(body.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    if (!explicitIndent) {
      for (String line : body.split("\n", -1)) {
        if (!line.isEmpty()) {
          // the first non-empty line fixes the indentation: it cannot start with a space, nor with a tab (go-yaml
          // refuses a tab where the indentation is still to be found)
          return line.charAt(0) != ' ' && line.charAt(0) != '\t';
        }
      }
    }
    return true;
  }

  /**
   * Replaces a whole node, anchor and tag included, by {@code text} (e.g. an alias {@code *t} by a plain
   * scalar). Works for nodes whose span is exactly their text: scalars in flow styles, aliases, flow
   * collections, and block collections that end with such a node.
   *
   * @throws IllegalArgumentException for a block scalar, an empty value written as nothing, or a block
   *     collection ending with either: their spans reach past their text; use
   *     {@link #replaceNode(SourceText, YamlNode, String)}
   */
  public static Edit replaceNode(YamlNode node, String text) {
    Objects.requireNonNull(text, "text");
    YamlNode last = node;
    while (true) {
      if (last instanceof MappingNode map && !map.flow() && !map.isEmpty()) {
        last = map.lastEntry().value();
      } else if (last instanceof SequenceNode seq && !seq.flow() && !seq.items().isEmpty()) {
        last = seq.items().get(seq.items().size() - 1);
      } else {
        break;
      }
    }
    if ((last instanceof ScalarNode scalar && scalar.style().isBlock()) || Layout.isBareEmpty(last)) {
      throw new IllegalArgumentException("the node's span reaches past its text (it is or ends with a block"
          + " scalar or an empty value); use replaceNode(SourceText, YamlNode, String)");
    }
    return Edit.replace(node.span(), text);
  }

  /**
   * Replaces a whole node, anchor and tag included, by {@code text}. A block scalar is replaced up to the end
   * of its last content line (the line break and blank lines after it stay); a block collection up to the
   * end of its last value.
   *
   * @throws IllegalArgumentException for an empty value written as nothing; use {@link #replaceValue}
   */
  public static Edit replaceNode(SourceText src, YamlNode node, String text) {
    Objects.requireNonNull(text, "text");
    Layout layout = new Layout(src);
    int parentColumn = node instanceof ScalarNode scalar && scalar.style().isBlock()
        ? layout.guessParentColumn(scalar) : -1;
    int end = layout.tail(node, -1, parentColumn).offset();
    return new Edit(node.span().start(), Math.max(node.span().start(), end), text);
  }

  /**
   * Sets the value of an entry to {@code valueText} (YAML text, written as given). An empty value written as
   * nothing ({@code key:}) gets the text after its colon ({@code key: valueText}); any other value is
   * replaced as by {@link #replaceNode(SourceText, YamlNode, String)}.
   */
  public static Edit replaceValue(SourceText src, MappingNode map, MappingNode.Entry entry, String valueText) {
    Objects.requireNonNull(valueText, "valueText");
    indexOf(map, entry);
    if (Layout.isBareEmpty(entry.value())) {
      Layout layout = new Layout(src);
      int colonEnd = layout.colonEnd(entry);
      boolean hasColon = colonEnd != entry.key().span().end();
      return Edit.insert(colonEnd, (hasColon ? " " : ": ") + valueText);
    }
    return replaceNode(src, entry.value(), valueText);
  }

  // ----------------------------------------------------------------------------------------------- entries

  /**
   * Adds {@code key: valueText} as the last entry of {@code map}.
   *
   * <p>{@code key} is a key's value: written plain when {@link ScalarText#isSafePlain safe}, else
   * double-quoted. {@code valueText} is YAML text written as given, on one line; in a flow mapping it must be
   * flow text (no {@code ,} {@code ]} {@code }} outside quotes).
   *
   * <p>Block mapping: a new line right after the mapping's last value (after nested blocks and a keep-chomped
   * scalar's trailing lines, after the inline comment and line break of the line the value ends on) and
   * before the comment lines and blank lines that follow it; indented with spaces to the column of the
   * mapping's first key; ending with the line ending of the line it follows. After the last line of a file
   * without a final newline, the file's dominant line ending and the new line are appended, so the file
   * still ends without one.
   *
   * <p>Flow mapping: {@code , key: valueText} right after the last value ({@code {a: 1}} gives
   * {@code {a: 1, key: v}}, a trailing comma stays after it); into an empty mapping right after the brace.
   *
   * <p>The key is written plain when it can be, unless every key of the mapping is quoted: then it is quoted as
   * the last key is ({@code 'sigV4Auth': true} gets {@code 'key': v}), so the new line looks like its siblings.
   *
   * @throws IllegalArgumentException when the mapping already has the key; when {@code valueText} holds a
   *     line break; for a flow pair inside a flow sequence ({@code [a: 1]}), which has no braces to add to;
   *     or when the mapping's last value is a clip- or keep-chomped block scalar that ends the file without a
   *     final line break (go-yaml reads {@code a: |\n  x} at the end of a file as {@code "x"}; a line after it
   *     would make that {@code "x\n"})
   */
  public static Edit addEntry(SourceText src, MappingNode map, String key, String valueText) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(valueText, "valueText");
    if (valueText.indexOf('\n') >= 0 || valueText.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("the value text must be on one line");
    }
    if (map.entry(key) != null) {
      throw new IllegalArgumentException("the mapping at " + src.position(map.span().start())
          + " already has the key \"" + key + "\"");
    }
    String pair = keyLike(map, key) + (valueText.isEmpty() ? ":" : ": " + valueText);
    Layout layout = new Layout(src);
    if (map.flow()) {
      int brace = layout.openBrace(map);
      if (brace < 0) {
        throw new IllegalArgumentException("the mapping at " + src.position(map.span().start())
            + " is a single pair inside a flow sequence ([key: value]); it has no braces to add an entry to");
      }
      if (map.isEmpty()) {
        return Edit.insert(brace + 1, pair);
      }
      return Edit.insert(flowValueEnd(layout, map.lastEntry()), ", " + pair);
    }
    Layout.Tail tail = layout.entryTail(map, map.lastEntry());
    int line = src.lineOf(tail.offset());
    String indent = " ".repeat(layout.mappingColumn(map));
    String eol = src.lineEnding(line);
    if (eol.isEmpty()) {
      if (tail.ownsBreak()) {
        throw new IllegalArgumentException("the mapping at " + src.position(map.span().start()) + " ends with a"
            + " block scalar that ends the file without a final line break; a line after it would add a line"
            + " break to that value");
      }
      return Edit.insert(src.length(), src.dominantLineEnding() + indent + pair);
    }
    return Edit.insert(src.lineEnd(line), indent + pair + eol);
  }

  /** A new key written as the mapping's keys are: quoted like the last one when all are quoted, else plain. */
  private static String keyLike(MappingNode map, String key) {
    ScalarStyle style = null;
    for (MappingNode.Entry entry : map.entries()) {
      if (!(entry.key() instanceof ScalarNode scalar)
          || (scalar.style() != ScalarStyle.SINGLE_QUOTED && scalar.style() != ScalarStyle.DOUBLE_QUOTED)) {
        return ScalarText.plainOrQuoted(key);
      }
      style = scalar.style();
    }
    if (style == ScalarStyle.SINGLE_QUOTED && ScalarText.canSingleQuote(key)) {
      return ScalarText.singleQuoted(key);
    }
    return style == null ? ScalarText.plainOrQuoted(key) : ScalarText.doubleQuoted(key);
  }

  /**
   * Removes an entry from a mapping: the exact inverse of {@link #addEntry} for an entry it added.
   *
   * <p>Block mapping: the entry's whole lines, from the start of its key's line to after the line break of
   * the line its value ends on (its inline comment goes too; comment lines before it and blank lines after
   * it stay). On the last line of a file without a final newline the line break before the entry goes
   * instead, unless that line break belongs to a block scalar's value. An entry whose key shares its line
   * with something before it ({@code - key: v}) is removed from its key to the next entry's key, so the next
   * key moves up. The only entry of a block mapping leaves {@code {}}: after the parent's {@code :} or
   * {@code -} (or the mapping's anchor or tag) when the entry has lines of its own ({@code key:\n  only: 1\n}
   * gives {@code key: {}\n}), else in the entry's place ({@code - only: 1} gives {@code - {}}).
   *
   * <p>Flow mapping: a non-first entry from the end of the previous value to the end of its own (so with
   * its comma); a first entry from its key to the next key; the only entry with a comma after it, and with its
   * whole line when it has a line of its own.
   *
   * @throws IllegalArgumentException when the entry is not in the mapping, has an explicit key
   *     ({@code ? key}), or the mapping is a flow pair inside a flow sequence
   */
  public static List<Edit> removeEntry(SourceText src, MappingNode map, MappingNode.Entry entry) {
    int index = indexOf(map, entry);
    Layout layout = new Layout(src);
    if (layout.explicitKeyIndicator(entry.key()) >= 0) {
      throw new IllegalArgumentException("the entry at " + src.position(entry.key().span().start())
          + " has an explicit key (? key); removing it is not supported");
    }
    return map.flow() ? List.of(removeFlowEntry(layout, map, index)) : removeBlockEntry(layout, map, index);
  }

  private static Edit removeFlowEntry(Layout layout, MappingNode map, int index) {
    SourceText src = layout.src;
    String text = layout.text;
    if (layout.openBrace(map) < 0) {
      throw new IllegalArgumentException("the mapping at " + src.position(map.span().start())
          + " is a single pair inside a flow sequence ([key: value]); remove the sequence item instead");
    }
    List<MappingNode.Entry> entries = map.entries();
    MappingNode.Entry entry = entries.get(index);
    if (entries.size() > 1) {
      if (index == 0) {
        return Edit.delete(entry.key().span().start(), entries.get(1).key().span().start());
      }
      return Edit.delete(flowValueEnd(layout, entries.get(index - 1)), flowValueEnd(layout, entry));
    }
    int start = entry.key().span().start();
    int end = flowValueEnd(layout, entry);
    int after = layout.skipBlanks(end);
    if (after < text.length() && text.charAt(after) == ',') {
      end = after + 1;
    }
    int firstLine = src.lineOf(start);
    int lastLine = src.lineOf(end);
    if (layout.blankBetween(src.lineStart(firstLine), start)
        && layout.blankBetween(end, src.lineContentEnd(lastLine)) && !src.lineEnding(lastLine).isEmpty()) {
      return Edit.delete(src.lineStart(firstLine), src.lineEnd(lastLine));
    }
    return Edit.delete(start, end);
  }

  /** Where an entry of a flow mapping ends: after its value, or where its empty value would be. */
  private static int flowValueEnd(Layout layout, MappingNode.Entry entry) {
    if (Layout.isBareEmpty(entry.value())) {
      return layout.skipBlanks(layout.colonEnd(entry));
    }
    return layout.tail(entry.value(), -1, -1).offset();
  }

  private static List<Edit> removeBlockEntry(Layout layout, MappingNode map, int index) {
    SourceText src = layout.src;
    List<MappingNode.Entry> entries = map.entries();
    MappingNode.Entry entry = entries.get(index);
    int keyStart = entry.key().span().start();
    int keyLine = src.lineOf(keyStart);
    int endLine = src.lineOf(layout.entryTail(map, entry).offset());
    boolean ownLine = layout.blankBetween(src.lineStart(keyLine), keyStart);
    if (entries.size() == 1) {
      return removeOnlyBlockEntry(layout, map, keyStart, keyLine, endLine, ownLine);
    }
    if (!ownLine) {
      if (index + 1 >= entries.size()) {
        throw new IllegalArgumentException("the entry at " + src.position(keyStart)
            + " shares its line with what comes before it and is not the first entry; cannot remove it");
      }
      return List.of(Edit.delete(keyStart, entries.get(index + 1).key().span().start()));
    }
    if (src.lineEnding(endLine).isEmpty() && index > 0) {
      Layout.Tail previous = layout.entryTail(map, entries.get(index - 1));
      if (previous.ownsBreak() && src.lineOf(previous.offset()) == keyLine - 1) {
        return List.of(Edit.delete(src.lineStart(keyLine), src.length()));
      }
      int lineBreak = src.lineEnding(keyLine - 1).length();
      return List.of(Edit.delete(src.lineStart(keyLine) - lineBreak, src.length()));
    }
    return List.of(Edit.delete(src.lineStart(keyLine), src.lineEnd(endLine)));
  }

  private static List<Edit> removeOnlyBlockEntry(Layout layout, MappingNode map, int keyStart, int keyLine,
      int endLine, boolean ownLine) {
    SourceText src = layout.src;
    int anchorPoint = -1;
    if (ownLine) {
      anchorPoint = map.anchor() != null || map.tag() != null
          ? layout.propertiesEnd(map.span().start())
          : endOfTokenBefore(layout, map.span().start());
    }
    if (anchorPoint <= 0 || src.lineOf(anchorPoint - 1) == keyLine) {
      // `- only: 1`, or a root mapping: `{}` in the entry's place
      return List.of(new Edit(keyStart, src.lineContentEnd(endLine), "{}"));
    }
    List<Edit> edits = new ArrayList<>(2);
    edits.add(Edit.insert(anchorPoint, " {}"));
    if (src.lineEnding(endLine).isEmpty()) {
      int from = src.lineStart(keyLine) - src.lineEnding(keyLine - 1).length();
      edits.add(Edit.delete(Math.max(from, anchorPoint), src.length()));
    } else {
      edits.add(Edit.delete(src.lineStart(keyLine), src.lineEnd(endLine)));
    }
    return edits;
  }

  /**
   * The offset after the last token before {@code offset}, skipping blanks, line breaks and comments
   * backwards (comments as the reader found them), or 0 when nothing comes before.
   */
  private static int endOfTokenBefore(Layout layout, int offset) {
    List<Comment> comments = new YamlReader().read(layout.src).comments();
    String text = layout.text;
    int i = offset;
    while (i > 0) {
      char c = text.charAt(i - 1);
      if (Layout.isBlank(c) || Layout.isBreak(c)) {
        i--;
        continue;
      }
      Comment inside = null;
      for (Comment comment : comments) {
        if (comment.span().start() < i && i <= comment.span().end()) {
          inside = comment;
          break;
        }
      }
      if (inside == null) {
        return i;
      }
      i = inside.span().start();
    }
    return 0;
  }

  private static int indexOf(MappingNode map, MappingNode.Entry entry) {
    List<MappingNode.Entry> entries = map.entries();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) == entry) {
        return i;
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).equals(entry)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the entry is not in this mapping");
  }
}
