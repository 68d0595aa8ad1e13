package io.promshift.report;

import io.promshift.migrate.Change;
import io.promshift.migrate.Fix;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one run did with one file: its verdict and its diagnostics, and what the operation found — the data
 * sources ({@code status}), the changes and the masked diff ({@code migrate}), the findings fixed ({@code fix}).
 * Holds no file content, so a run over many files keeps little per file.
 *
 * @param file the file as it was found (under its root)
 * @param root the root it was found under (the file itself when named directly)
 * @param verdict what happened to it
 * @param diagnostics what promshift has to say about it, in position order (for {@code validate}: only why
 *     it could not be read; its findings are the run's)
 * @param sources {@code status}: every data source with its state; empty otherwise
 * @param changes {@code migrate}: one entry per data source whose type changes; empty otherwise
 * @param diff {@code migrate}, when asked for: the unified diff, secrets masked; {@code ""} otherwise
 * @param writtenTo where the file's new content was written ({@code migrate} to a folder or in place), or null
 * @param fixes {@code fix}: the findings resolved, in file order; empty otherwise
 */
public record FileOutcome(
    Path file, Path root, Verdict verdict, List<Diagnostic> diagnostics, List<SourceStatus> sources,
    List<Change> changes, String diff, Path writtenTo, List<Fix> fixes) {

  public FileOutcome(
      Path file, Path root, Verdict verdict, List<Diagnostic> diagnostics, List<SourceStatus> sources,
      List<Change> changes, String diff, Path writtenTo) {
    this(file, root, verdict, diagnostics, sources, changes, diff, writtenTo, List.of());
  }

  public FileOutcome {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(verdict, "verdict");
    diagnostics = List.copyOf(diagnostics);
    sources = List.copyOf(sources);
    changes = List.copyOf(changes);
    Objects.requireNonNull(diff, "diff");
    fixes = List.copyOf(fixes);
  }

  /** An outcome with diagnostics alone (a skipped or failed file, a file that was only read). */
  public static FileOutcome of(Path file, Path root, Verdict verdict, List<Diagnostic> diagnostics) {
    return new FileOutcome(file, root, verdict, diagnostics, List.of(), List.of(), "", null);
  }

  /** The path relative to its root; a root that is a file gives its own name. */
  public Path relative() {
    return root.equals(file) ? file.getFileName() : root.relativize(file);
  }

  /** The diagnostics as lines for a person, under the file's own name. */
  public List<Message> messages() {
    return diagnostics.stream().map(Message::of).toList();
  }

  /** The file's path, printable whatever its name holds. */
  public String printableName() {
    return io.promshift.text.Printable.escape(file.toString());
  }

  /** Whether the file's new content could not be written (it holds its old content, or another process's). */
  public boolean notWritten() {
    return diagnostics.stream().anyMatch(d -> d.code() == Code.WRITE_FAILED
        || d.code() == Code.CONCURRENT_CHANGE);
  }

  /**
   * The messages of a rewrite ({@code fix}, {@code migrate}) that a validation of the same file does not give: its
   * notices (a finding {@code fix} leaves), its refusals, a write that failed. {@code validate --fix} prints these and
   * leaves the rest (a file that cannot be read, one that provisions no data source) to the validation's report.
   */
  public List<Message> rewriteMessages() {
    return diagnostics.stream().filter(FileOutcome::onlyARewriteSays).map(Message::of).toList();
  }

  /** Whether the rewrite refused the file (it cannot be changed safely) or could not write it. */
  public boolean rewriteRefused() {
    return diagnostics.stream().anyMatch(d -> onlyARewriteSays(d) && d.severity() == Severity.ERROR);
  }

  private static boolean onlyARewriteSays(Diagnostic diagnostic) {
    return diagnostic.code().origin() == Code.Origin.MIGRATION || diagnostic.code() == Code.WRITE_FAILED
        || diagnostic.code() == Code.CONCURRENT_CHANGE;
  }

  public boolean failed() {
    return verdict == Verdict.FAILED;
  }
}
