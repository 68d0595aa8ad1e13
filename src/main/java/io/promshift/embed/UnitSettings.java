package io.promshift.embed;

import java.util.List;

/**
 * Whether and where to look for data sources outside plain provisioning files. Immutable.
 *
 * @param embedded whether embedded shapes are looked for ({@code --embedded auto}); off reads plain provisioning
 *     files only, exactly as before embedded shapes were known
 * @param rules units the user declares by path, in addition to the known shapes
 */
public record UnitSettings(boolean embedded, List<UnitRule> rules) {
  public static final UnitSettings AUTO = new UnitSettings(true, List.of());
  public static final UnitSettings OFF = new UnitSettings(false, List.of());

  public UnitSettings {
    rules = List.copyOf(rules);
  }

  public UnitSettings withRules(List<UnitRule> more) {
    return new UnitSettings(embedded, more);
  }
}
