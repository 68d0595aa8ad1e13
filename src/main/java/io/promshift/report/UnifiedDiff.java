package io.promshift.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.promshift.embed.SourceFile;
import io.promshift.embed.SourceReader;
import io.promshift.embed.Unit;
import io.promshift.embed.UnitSettings;
import io.promshift.grafana.YamlDialect;
import io.promshift.migrate.MigrationResult;
import io.promshift.model.ProvisioningReader;
import io.promshift.model.Secrets;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.Printable;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import io.promshift.text.Span;
import java.util.List;

/**
 * A unified diff of a migration, secrets masked on both sides by {@link Secrets} (the one policy: values by
 * what they are in the model, wherever their text is written; credentials in URLs and comments), so a diff
 * can go to a log or a pull request. Masking keeps every line, so the hunks' line numbers are the file's.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  /** Reads a file as the migration read it: a plain provisioning file, or every document of a stream with units. */
  private static final SourceReader READER = new SourceReader(new ProvisioningReader(ReadSettings.DEFAULTS),
      UnitSettings.AUTO);

  private UnifiedDiff() {}

  /** The diff of one result, "" when the file does not change. */
  public static String of(MigrationResult result) {
    if (!result.changed()) {
      return "";
    }
    String before = masked(result.source());
    String after = masked(SourceText.of(result.file(), result.newText()));
    if (before == null || after == null) {
      String shown = Printable.escape(result.file());
      return "--- a/" + shown + "\n+++ b/" + shown + "\n(diff withheld: secrets could not be located)\n";
    }
    return of(result.file(), before, after);
  }

  /**
   * A unified diff between two texts, labelled a/NAME and b/NAME. It masks nothing: give it texts already
   * masked ({@link Secrets#mask}), as {@link #of(MigrationResult)} does.
   */
  public static String of(String name, String before, String after) {
    List<String> original = lines(before);
    List<String> revised = lines(after);
    Patch<String> patch = DiffUtils.diff(original, revised);
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    // the headers name the file in one line whatever its name holds (the printable-text policy)
    String shown = Printable.escape(name);
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + shown, "b/" + shown, original, patch, CONTEXT);
    StringBuilder out = new StringBuilder();
    for (String line : diff) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private static String masked(SourceText source) {
    try {
      SourceFile file = READER.read(source);
      if (file.isPlain()) {
        return Secrets.mask(file.plain());
      }
      List<Span> inner = new java.util.ArrayList<>();
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

  /**
   * The text's lines, without their line breaks: a final line break ends the last line, it does not start an
   * empty one (which would add a phantom context line and make the hunks count one line too many).
   */
  private static List<String> lines(String text) {
    List<String> lines = new java.util.ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
    if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
