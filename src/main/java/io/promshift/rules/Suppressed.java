package io.promshift.rules;

import java.util.Objects;

/**
 * A finding a comment in its own file suppressed ({@code # promshift-disable-line RULE}): kept, so reports can say
 * what was suppressed and where, but it never fails a run.
 *
 * @param finding the finding as the rules reported it
 * @param directive where the suppressing comment is (its {@code #}), in the same file as the finding
 * @param justification the comment's reason, the text after {@code --}; {@code ""} when it gives none
 */
public record Suppressed(Diagnostic finding, io.promshift.text.Position directive, String justification) {
  public Suppressed {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(directive, "directive");
    Objects.requireNonNull(justification, "justification");
  }

  /** The same, its finding under another file name (e.g. relative to a project). */
  public Suppressed withFile(String other) {
    return new Suppressed(finding.withFile(other), directive, justification);
  }
}
