package io.promshift.migrate;

import java.util.EnumSet;
import java.util.Set;

/**
 * How to migrate. Immutable; build with {@link #forward()} or {@link #reverse()} and the builder.
 *
 * @param direction which way types move
 * @param targets the plugins involved: a forward run limited to Amazon leaves Azure sources alone (and says
 *     why), and likewise a reverse run limited to one plugin type
 * @param markerFalseOnReverse set the marker to {@code false} on reverse, as Grafana's own rollback script
 *     does, instead of removing it (removing it makes reverse the exact inverse of forward)
 * @param reverseUnmarked on reverse, also move plugin-type sources that have no marker (created natively)
 * @param rewriteBase64 rewrite a provisioning file held base64-encoded (a Secret's {@code data}): decode, edit,
 *     encode again with the same alphabet, padding and line width (off by default: such a value is only read)
 * @param fixCommand the command a notice names for a data source that migrates only after a fix: {@code promshift
 *     fix} (the CLI) unless a front end names its own, e.g. {@code mvn promshift:fix}
 */
public record MigrationOptions(
    Direction direction, Set<Target> targets, boolean markerFalseOnReverse, boolean reverseUnmarked,
    boolean rewriteBase64, String fixCommand) {

  public MigrationOptions {
    java.util.Objects.requireNonNull(fixCommand, "fixCommand");
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target plugin is needed");
    }
    targets = Set.copyOf(targets);
  }

  public static Builder forward() {
    return new Builder(Direction.FORWARD);
  }

  public static Builder reverse() {
    return new Builder(Direction.REVERSE);
  }

  public boolean includes(Target target) {
    return targets.contains(target);
  }

  /** Mutable builder; the options it builds are immutable. */
  public static final class Builder {
    private final Direction direction;
    private Set<Target> targets = EnumSet.allOf(Target.class);
    private boolean markerFalse;
    private boolean unmarked;
    private boolean base64;
    private String fixCommand = "promshift fix";

    private Builder(Direction direction) {
      this.direction = direction;
    }

    /** Limits the run to these plugins. */
    public Builder only(Target first, Target... more) {
      this.targets = EnumSet.of(first, more);
      return this;
    }

    public Builder markerFalseOnReverse(boolean value) {
      this.markerFalse = value;
      return this;
    }

    public Builder reverseUnmarked(boolean value) {
      this.unmarked = value;
      return this;
    }

    public Builder rewriteBase64(boolean value) {
      this.base64 = value;
      return this;
    }

    /** The command a notice names for a data source that migrates only after a fix. */
    public Builder fixCommand(String value) {
      this.fixCommand = java.util.Objects.requireNonNull(value, "fixCommand");
      return this;
    }

    public MigrationOptions build() {
      return new MigrationOptions(direction, targets, markerFalse, unmarked, base64, fixCommand);
    }
  }
}
