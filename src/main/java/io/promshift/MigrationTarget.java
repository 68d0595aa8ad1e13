package io.promshift;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.Target;
import io.promshift.model.PromTypeMigration;
import java.util.Locale;

/** Where a migration moves data source types: the CLI's {@code --to}, the Maven plugin's {@code to}. */
public enum MigrationTarget {
  /** Amazon and Azure plugin types, as Grafana's migration decides (the default). */
  PLUGINS,
  /** The Amazon plugin type only. */
  AMAZON,
  /** The Azure plugin type only. */
  AZURE,
  /** Back to the core prometheus type (a revert). */
  PROMETHEUS;

  /**
   * {@code plugins}, {@code amazon}, {@code azure} or {@code prometheus}, any case.
   *
   * @throws IllegalArgumentException naming the accepted words
   */
  public static MigrationTarget parse(String word) {
    String name = word == null ? "" : word.trim().toUpperCase(Locale.ROOT);
    for (MigrationTarget target : values()) {
      if (target.name().equals(name)) {
        return target;
      }
    }
    throw new IllegalArgumentException("unknown target '" + word + "'; use plugins, amazon, azure or prometheus");
  }

  /** The word users write. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The target in words: "plugin types", or the one type. */
  public String describe() {
    return switch (this) {
      case PLUGINS -> "plugin types";
      case AMAZON -> PromTypeMigration.AMAZON;
      case AZURE -> PromTypeMigration.AZURE;
      case PROMETHEUS -> PromTypeMigration.PROMETHEUS;
    };
  }

  MigrationOptions options(boolean keepMarker, boolean revertUnmarked, boolean rewriteBase64, String fixCommand) {
    MigrationOptions.Builder builder = this == PROMETHEUS ? MigrationOptions.reverse() : MigrationOptions.forward();
    if (this == AMAZON) {
      builder.only(Target.AMAZON);
    } else if (this == AZURE) {
      builder.only(Target.AZURE);
    }
    return builder.markerFalseOnReverse(keepMarker).reverseUnmarked(revertUnmarked).rewriteBase64(rewriteBase64)
        .fixCommand(fixCommand).build();
  }
}
