package io.promshift.report;

import io.promshift.embed.SourceFile;
import io.promshift.embed.SourceReader;
import io.promshift.embed.Unit;
import io.promshift.embed.UnitSettings;
import io.promshift.grafana.YamlDialect;
import io.promshift.migrate.MigrationResult;
import io.promshift.model.ProvisioningReader;
import io.promshift.model.Secrets;
import io.promshift.patch.Edit;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.Printable;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import io.promshift.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of a migration, in the form {@code git apply} and {@code patch -p1} take: 3 lines of context,
 * hunks closer than 6 lines merged, {@code \ No newline at end of file} where a side ends without one, and each
 * line written with its own line break (a CRLF file's lines keep their CR).
 *
 * <p>The hunks are built from the migration's edits, not by diffing the two texts: the migration knows which chars
 * change, so the diff costs the size of the file (a longest-common-subsequence diff of two large files costs their
 * product). Lines are split at {@code \n} only, as the patch tools split them.
 *
 * <p>{@link #of} masks secrets on both sides by {@link Secrets} (the one policy: values by what they are in the
 * model, wherever their text is written; credentials in URLs and comments), so a diff can go to a log or a pull
 * request; masking keeps every line, so the hunks' line numbers are the file's. A masked diff whose hunks touch a
 * secret does not apply: {@link #patch} is the same diff with the file's own text, for a file of mode 0600.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  /** Reads a file as the migration read it: a plain provisioning file, or every document of a stream with units. */
  private static final SourceReader READER = new SourceReader(new ProvisioningReader(ReadSettings.DEFAULTS),
      UnitSettings.AUTO);

  private UnifiedDiff() {}

  /** The diff of one result, secrets masked; "" when the file does not change. */
  public static String of(MigrationResult result) {
    if (!result.changed()) {
      return "";
    }
    String before = masked(result.source());
    String after = masked(SourceText.of(result.file(), result.newText()));
    String diff = before == null || after == null ? null
        : diff(result.file(), result.source().text(), result.newText(), edits(result), before, after);
    if (diff == null) {
      String shown = Printable.escape(result.file());
      return "--- a/" + shown + "\n+++ b/" + shown + "\n(diff withheld: secrets could not be located)\n";
    }
    return diff;
  }

  /**
   * The diff of one result as a patch that applies to the file: its text as it is, secrets included (whoever
   * writes it keeps it from others); "" when the file does not change.
   */
  public static String patch(MigrationResult result) {
    if (!result.changed()) {
      return "";
    }
    String before = result.source().text();
    return diff(result.file(), before, result.newText(), edits(result), before, result.newText());
  }

  /**
   * A unified diff between two texts, labelled a/NAME and b/NAME, with one hunk around the range where they
   * differ. It masks nothing: give it texts already masked ({@link Secrets#mask}) when they hold secrets.
   */
  public static String of(String name, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    return diff(name, before, after, List.of(differing(before, after)), before, after);
  }

  private static List<Edit> edits(MigrationResult result) {
    return result.edits().isEmpty() ? differingLines(result.source().text(), result.newText()) : result.edits();
  }

  /**
   * Where two texts differ, as edits of whole lines: when the lines from the first difference to the last are as many
   * on both sides (a rewrite that edits within lines, as fix's later passes do), one edit per line that differs, so
   * that the lines between them show as context (lines that follow each other are one change, {@link #regions}); else
   * the one edit of {@link #differing}.
   */
  private static List<Edit> differingLines(String before, String after) {
    Edit range = differing(before, after);
    int start = before.lastIndexOf('\n', range.start() - 1) + 1;
    int endBefore = before.indexOf('\n', range.end());
    endBefore = endBefore < 0 ? before.length() : endBefore;
    // the texts share what follows the range, so the line's end is as far from the end of either text
    int endAfter = after.length() - (before.length() - endBefore);
    String[] old = before.substring(start, endBefore).split("\n", -1);
    String[] replaced = after.substring(start, endAfter).split("\n", -1);
    if (old.length != replaced.length) {
      return List.of(range);
    }
    List<Edit> edits = new java.util.ArrayList<>();
    int at = start;
    for (int i = 0; i < old.length; i++) {
      if (!old[i].equals(replaced[i])) {
        edits.add(new Edit(at, at + old[i].length(), replaced[i]));
      }
      at += old[i].length() + 1;
    }
    return edits;
  }

  /** The one edit from the first char where the texts differ to the last. */
  private static Edit differing(String before, String after) {
    int limit = Math.min(before.length(), after.length());
    int prefix = 0;
    while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < limit - prefix
        && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    return new Edit(prefix, before.length() - suffix, after.substring(prefix, after.length() - suffix));
  }

  /**
   * The diff of {@code edits} applied to {@code before} (giving {@code after}), its lines taken from
   * {@code beforeShown} and {@code afterShown} (the same texts, or the same lines masked); null when the shown
   * texts do not have the texts' lines.
   */
  private static String diff(String name, String before, String after, List<Edit> edits, String beforeShown,
      String afterShown) {
    Lines old = new Lines(before);
    Lines shownOld = new Lines(beforeShown);
    Lines shownNew = new Lines(afterShown);
    if (shownOld.count != old.count || shownNew.count != new Lines(after).count) {
      return null;
    }
    List<Region> regions = regions(before, old, edits);
    if (regions.isEmpty()) {
      return "";
    }
    // the headers name the file in one line whatever its name holds (the printable-text policy)
    String shown = Printable.escape(name);
    StringBuilder out = new StringBuilder().append("--- a/").append(shown).append("\n+++ b/").append(shown)
        .append('\n');
    int delta = 0; // lines the new text has more than the old before the region at hand
    int i = 0;
    while (i < regions.size()) {
      int j = i;
      int hunkDelta = regions.get(i).delta();
      while (j + 1 < regions.size() && regions.get(j + 1).oldStart - regions.get(j).oldEnd <= 2 * CONTEXT) {
        j++;
        hunkDelta += regions.get(j).delta();
      }
      int oldStart = Math.max(0, regions.get(i).oldStart - CONTEXT);
      int oldEnd = Math.min(old.count, regions.get(j).oldEnd + CONTEXT);
      int oldCount = oldEnd - oldStart;
      int newCount = oldCount + hunkDelta;
      out.append("@@ -").append(oldCount == 0 ? oldStart : oldStart + 1).append(',').append(oldCount)
          .append(" +").append(newCount == 0 ? oldStart + delta : oldStart + delta + 1).append(',').append(newCount)
          .append(" @@\n");
      int at = oldStart;
      for (int r = i; r <= j; r++) {
        Region region = regions.get(r);
        for (; at < region.oldStart; at++) {
          shownOld.append(out, ' ', at);
        }
        for (; at < region.oldEnd; at++) {
          shownOld.append(out, '-', at);
        }
        int newStart = region.oldStart + delta;
        for (int line = newStart; line < newStart + region.newCount; line++) {
          shownNew.append(out, '+', line);
        }
        delta += region.delta();
      }
      for (; at < oldEnd; at++) {
        shownOld.append(out, ' ', at);
      }
      i = j + 1;
    }
    return out.toString();
  }

  /**
   * The whole lines each group of edits replaces, and how many lines replace them: an edit changes the lines from
   * the one its start is on to the one its end is on, and that one too unless the end is at a line's start and the
   * new text before it ends with a line break (an insertion of whole lines changes no old line). Edits whose lines
   * meet share a region.
   */
  private static List<Region> regions(String text, Lines lines, List<Edit> edits) {
    List<Region> regions = new ArrayList<>();
    int k = 0;
    while (k < edits.size()) {
      Edit first = edits.get(k);
      int oldStart = lines.lineOf(first.start());
      int from = lines.start(oldStart);
      int breaks = 0;
      int last = -1; // the last char of the new region's text so far, -1 while it is empty
      int at = from;
      int oldEnd;
      while (true) {
        Edit edit = edits.get(k);
        breaks += count(text, at, edit.start());
        if (edit.start() > at) {
          last = text.charAt(edit.start() - 1);
        }
        String replacement = edit.replacement();
        breaks += count(replacement, 0, replacement.length());
        if (!replacement.isEmpty()) {
          last = replacement.charAt(replacement.length() - 1);
        }
        at = edit.end();
        int endLine = lines.lineOf(at);
        oldEnd = at == lines.start(endLine) && (last == -1 || last == '\n') ? endLine
            : Math.min(endLine + 1, lines.count);
        k++;
        if (k == edits.size() || lines.lineOf(edits.get(k).start()) >= oldEnd) {
          break;
        }
      }
      int to = lines.start(oldEnd);
      breaks += count(text, at, to);
      if (to > at) {
        last = text.charAt(to - 1);
      }
      int newCount = breaks + (last != -1 && last != '\n' ? 1 : 0);
      Region previous = regions.isEmpty() ? null : regions.get(regions.size() - 1);
      if (previous != null && previous.oldEnd == oldStart) {
        // changes on lines that follow each other are one change, as diff shows it: its old lines, then its new ones
        regions.set(regions.size() - 1, new Region(previous.oldStart, oldEnd, previous.newCount + newCount));
      } else {
        regions.add(new Region(oldStart, oldEnd, newCount));
      }
    }
    return regions;
  }

  private static int count(String text, int from, int to) {
    int breaks = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        breaks++;
      }
    }
    return breaks;
  }

  /** Old lines {@code [oldStart, oldEnd)} replaced by {@code newCount} new lines. */
  private record Region(int oldStart, int oldEnd, int newCount) {
    int delta() {
      return newCount - (oldEnd - oldStart);
    }
  }

  /** A text's lines as patch tools count them: each ends after its \n, the last one may end without. */
  private static final class Lines {
    final String text;
    final int count;
    /** Where each line starts, then the text's length. */
    private final int[] starts;

    Lines(String text) {
      this.text = text;
      int breaks = count(text, 0, text.length());
      boolean open = !text.isEmpty() && text.charAt(text.length() - 1) != '\n';
      this.count = breaks + (open ? 1 : 0);
      this.starts = new int[count + 1];
      int line = 1;
      for (int i = 0; i < text.length() && line < count; i++) {
        if (text.charAt(i) == '\n') {
          starts[line++] = i + 1;
        }
      }
      starts[count] = text.length();
    }

    int start(int line) {
      return starts[line];
    }

    /**
     * The line an offset is on; the text's length is on the last line when that line has no line break, else
     * on the line after the last ({@code count}).
     */
    int lineOf(int offset) {
      int low = 0;
      int high = count;
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (starts[mid] <= offset) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      if (low == count && count > 0 && starts[count - 1] < text.length()
          && text.charAt(text.length() - 1) != '\n') {
        return count - 1;
      }
      return low;
    }

    /** Appends the line with its line break, or with the marker patch tools take for a missing one. */
    void append(StringBuilder out, char prefix, int line) {
      out.append(prefix).append(text, starts[line], starts[line + 1]);
      if (starts[line + 1] == starts[line] || text.charAt(starts[line + 1] - 1) != '\n') {
        out.append("\n\\ No newline at end of file\n");
      }
    }
  }

  private static String masked(SourceText source) {
    try {
      SourceFile file = READER.read(source);
      if (file.isPlain()) {
        return Secrets.mask(file.plain());
      }
      List<Span> inner = new ArrayList<>();
      for (Unit unit : file.units()) {
        if (unit.inString()) {
          // a provisioning file inside a string: its secrets by the same policy, at the characters that write them
          for (Span span : Secrets.spans(unit.file())) {
            inner.addAll(unit.inner().outerSpans(span.start(), span.end()));
          }
        }
      }
      return Secrets.of(file.stream(), YamlDialect.YAML_1_1).maskedText(inner);
    } catch (SourceException e) {
      return null; // a migrated file was read to be migrated; never show unmasked text
    }
  }
}
