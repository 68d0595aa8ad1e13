package io.promshift.syntax;

/**
 * Limits that keep hostile input from hurting the caller. Immutable; build with {@link #builder()}.
 *
 * @param maxDepth deepest nesting of collections allowed (the check runs on the event stream, so a deep
 *     document is refused with a position instead of overflowing a stack)
 * @param maxFileSize largest file accepted, in bytes
 * @param maxAliasExpansion the most nodes a document may expand to through aliases before go-yaml v3's own
 *     "excessive aliasing" ratio is applied; also an absolute bound on expansion
 * @param comments whether comments are read into the document (on by default; a reader that only needs the
 *     data, such as the check of a migration's result, turns them off and parses faster)
 */
public record ReadSettings(int maxDepth, long maxFileSize, long maxAliasExpansion, boolean comments) {
  public static final ReadSettings DEFAULTS = builder().build();

  public ReadSettings {
    if (maxDepth < 1 || maxFileSize < 1 || maxAliasExpansion < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maxDepth(maxDepth).maxFileSize(maxFileSize).maxAliasExpansion(maxAliasExpansion)
        .comments(comments);
  }

  /** Mutable builder of {@link ReadSettings}; not thread-safe, the settings it builds are. */
  public static final class Builder {
    private int maxDepth = 1_000;
    private long maxFileSize = 64L * 1024 * 1024;
    private long maxAliasExpansion = 10_000_000L;
    private boolean comments = true;

    private Builder() {}

    public Builder maxDepth(int value) {
      this.maxDepth = value;
      return this;
    }

    public Builder maxFileSize(long value) {
      this.maxFileSize = value;
      return this;
    }

    public Builder maxAliasExpansion(long value) {
      this.maxAliasExpansion = value;
      return this;
    }

    public Builder comments(boolean value) {
      this.comments = value;
      return this;
    }

    public ReadSettings build() {
      return new ReadSettings(maxDepth, maxFileSize, maxAliasExpansion, comments);
    }
  }
}
