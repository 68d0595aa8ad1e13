package io.promshift.rules;

import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.model.DataSource;
import io.promshift.model.Field;
import io.promshift.text.Position;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules Grafana applies across every provisioning file it reads together: one {@code isDefault: true} per
 * organization, a uid used once per organization, and each (orgId, name) provisioned once.
 */
final class CrossFileRules {
  private static final Set<String> YAML11_TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON");

  /** An earlier data source: where, its name (to compare), and its name as a message may show it. */
  private record Seen(String file, Position position, String name, String shown) {}

  private final Map<String, Seen> names = new HashMap<>();
  private final Map<String, Seen> uids = new HashMap<>();
  private final Map<Long, Seen> defaults = new HashMap<>();

  /** Feeds one file's data sources, in the order Grafana reads them; reports what collides with earlier ones. */
  void add(JsonView view, Emitter out) {
    add(view, out, java.util.function.UnaryOperator.identity());
  }

  /**
   * {@link #add(JsonView, Emitter)} for a provisioning document read from a string of another file: {@code outer}
   * places its positions in that file, which is where a later finding says the earlier one is.
   */
  void add(JsonView view, Emitter out, java.util.function.UnaryOperator<Position> outer) {
    for (DataSource ds : view.file().dataSources()) {
      Source s = new Source(ds, view, "datasources");
      Optional<Long> org = org(s);
      if (org.isEmpty()) {
        continue;
      }
      String file = view.file().fileName();
      String namePointer = s.field(Field.NAME);
      Optional<String> name = s.text(namePointer).filter(n -> !n.isEmpty());
      String shownName = name.map(n -> SchemaMessages.shown(view, namePointer)).orElse(s.label());
      String shownOrg = view.loc(s.field(Field.ORG_ID)).filter(JsonView.Loc::changed).isPresent()
          ? SchemaMessages.shown(view, s.field(Field.ORG_ID)) : String.valueOf(org.get());
      if (name.isPresent()) {
        Position at = view.position(namePointer);
        Seen first = names.putIfAbsent(org.get() + "\u0000" + name.get(),
            new Seen(file, outer.apply(at), name.get(), shownName));
        if (first != null) {
          boolean sameFile = first.file().equals(file);
          out.report(Code.DUPLICATE_NAME, namePointer, at,
              "orgId " + shownOrg + " already has a data source named " + shownName + " at "
                  + where(first, file) + ": Grafana matches data sources by (orgId, name), so both entries update"
                  + " one data source, and " + (sameFile ? "which one wins is not defined (the upserts of a file run"
                  + " concurrently)" : "the later file wins"),
              "rename one of them, or remove the duplicate entry");
        }
      }
      if (!s.legacy()) {
        String uidPointer = s.field(Field.UID);
        Optional<String> uid = s.text(uidPointer).filter(u -> !u.isEmpty());
        if (uid.isPresent() && name.isPresent()) {
          Position at = view.position(uidPointer);
          Seen first = uids.putIfAbsent(org.get() + "\u0000" + uid.get(),
              new Seen(file, outer.apply(at), name.get(), shownName));
          if (first != null && !first.name().equals(name.get())) {
            out.report(Code.UID_COLLISION, uidPointer, at,
                "uid " + SchemaMessages.shown(view, uidPointer) + " is already used in orgId " + shownOrg
                    + " by " + first.shown() + " at " + where(first, file)
                    + ": the second data source fails with \"data source with the same uid already exists\" and"
                    + " provisioning aborts",
                "give one of them another uid");
          }
        }
      }
      String defaultPointer = s.field(Field.IS_DEFAULT);
      if (isDefault(s, defaultPointer)) {
        Position at = view.position(defaultPointer);
        Seen first = defaults.putIfAbsent(org.get(), new Seen(file, outer.apply(at), name.orElse(""), shownName));
        if (first != null) {
          out.report(Code.MULTIPLE_DEFAULTS, defaultPointer, at,
              "orgId " + shownOrg + " already has a default data source (" + first.shown()
                  + " at " + where(first, file) + "): Grafana allows one isDefault: true per organization across all"
                  + " provisioning files and does not start (too many default data sources)",
              "keep isDefault: true on one data source of orgId " + shownOrg + " and remove it from the others");
        }
      }
    }
  }

  private static String where(Seen first, String file) {
    return first.file().equals(file) ? "line " + first.position().line() : first.file() + ":" + first.position();
  }

  /** The organization Grafana puts the data source in (0 and missing mean 1); empty when it cannot be known. */
  private static Optional<Long> org(Source s) {
    String pointer = s.field(Field.ORG_ID);
    Optional<JsonView.Loc> loc = s.view.loc(pointer);
    if (loc.isEmpty() || loc.get().go() instanceof GoValue.GoNull) {
      return Optional.of(1L);
    }
    if (loc.get().unresolved()) {
      return Optional.empty();
    }
    if (s.legacy()) {
      if (loc.get().go() instanceof GoValue.GoInt integer && integer.value() instanceof Long value) {
        return Optional.of(value == 0 ? 1L : value);
      }
      return Optional.empty();
    }
    String text = loc.get().text();
    if (text == null) {
      return Optional.empty();
    }
    if (text.isEmpty()) {
      return Optional.of(1L);
    }
    if (!RuleSet.isBase10(text)) {
      return Optional.empty();
    }
    long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    return Optional.of(value == 0 ? 1L : value);
  }

  private static boolean isDefault(Source s, String pointer) {
    Optional<JsonView.Loc> found = s.view.loc(pointer);
    if (found.isEmpty() || found.get().unresolved() || found.get().go() instanceof GoValue.GoNull) {
      return false;
    }
    JsonView.Loc loc = found.get();
    if (s.legacy()) {
      return loc.go() instanceof GoValue.GoBool b ? b.value()
          : loc.go() instanceof GoValue.GoString str && str.yaml11BoolWord() && YAML11_TRUE.contains(str.value());
    }
    return loc.text() != null && Boolean.TRUE.equals(GoScalars.parseGoBool(loc.text()));
  }

  static List<String> ids() {
    return List.of(Code.DUPLICATE_NAME.id(), Code.UID_COLLISION.id(), Code.MULTIPLE_DEFAULTS.id());
  }
}
