package io.promshift.migrate;

import io.promshift.patch.Edit;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.text.SourceText;
import java.util.List;

/**
 * The outcome of rewriting one file — a migration or a fix: its new text, the changes per data source or the
 * findings fixed, warnings, and — when the file was left untouched because it cannot be read or safely edited — the
 * refusal.
 *
 * @param file the file's name or path, as given
 * @param source the original text, or null when the file could not even be decoded
 * @param newText the migrated text (BOM excluded); equals the original when nothing changed or refused
 * @param changes one entry per data source whose type changed, in file order
 * @param notices warnings and information that travel with the result
 * @param refusal why the file was left untouched, or null
 * @param edits the edits of the original text that make {@code newText}, sorted and not overlapping (offsets into
 *     {@code source.text()}): what a diff is built from, so it costs the size of the file, not its square; empty
 *     when nothing changed (or when the result was made without them: a diff then finds the changed range itself)
 * @param fixes {@code promshift fix}: the findings it resolved, in file order; empty for a migration
 */
public record MigrationResult(
    String file, SourceText source, String newText, List<Change> changes, List<Diagnostic> notices, Diagnostic refusal,
    List<Edit> edits, List<Fix> fixes) {

  public MigrationResult {
    changes = List.copyOf(changes);
    notices = List.copyOf(notices);
    edits = List.copyOf(edits);
    fixes = List.copyOf(fixes);
  }

  /** A migration's result. */
  public MigrationResult(
      String file, SourceText source, String newText, List<Change> changes, List<Diagnostic> notices, Diagnostic refusal,
      List<Edit> edits) {
    this(file, source, newText, changes, notices, refusal, edits, List.of());
  }

  /** A result without its edits: unchanged, refused, or made by hand. */
  public MigrationResult(
      String file, SourceText source, String newText, List<Change> changes, List<Diagnostic> notices, Diagnostic refusal) {
    this(file, source, newText, changes, notices, refusal, List.of());
  }

  /** Whether the file is YAML that provisions no data sources (dashboards, alerting, ...): skipped. */
  public boolean notProvisioning() {
    return notices.stream().anyMatch(n -> n.code() == Code.NOT_PROVISIONING);
  }

  public boolean refused() {
    return refusal != null;
  }

  /** Whether the file's bytes change. */
  public boolean changed() {
    return source != null && !newText.equals(source.text());
  }

  /**
   * The migrated file's bytes: the original BOM kept; exactly the original bytes when nothing changed.
   *
   * @throws IllegalStateException when the file could not even be read or decoded (see {@link #refusal()})
   */
  public byte[] newBytes() {
    if (source == null) {
      throw new IllegalStateException(file + " could not be read: " + refusal.message());
    }
    return source.encode(newText);
  }
}
