package io.promshift;

import io.promshift.syntax.ReadSettings;

/**
 * Everything a {@link Promshift} needs to know, fixed at construction. Immutable; build with
 * {@link #builder()}.
 *
 * @param read the reader's limits (nesting depth, file size, alias expansion)
 */
public record PromshiftSettings(ReadSettings read) {
  public static final PromshiftSettings DEFAULTS = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; the settings it builds are immutable. */
  public static final class Builder {
    private ReadSettings read = ReadSettings.DEFAULTS;

    private Builder() {}

    public Builder read(ReadSettings value) {
      this.read = value;
      return this;
    }

    public PromshiftSettings build() {
      return new PromshiftSettings(read);
    }
  }
}
