package io.promshift.model;

import io.promshift.grafana.GoList;
import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one data source stands in the move off core Prometheus, as Grafana's data source config page shows
 * it: the plugin editors' "Data source migrated" banner (marker set), core Prometheus' "Deprecation Notice"
 * (SigV4 or Azure auth still on the core type), that notice on a source the migration will nevertheless
 * skip, or nothing at all.
 *
 * @param state the state
 * @param targetType the plugin type Grafana moves a pending source to; empty otherwise
 * @param reason why, in a sentence fragment a person understands (never a secret: only sigV4Auth and the
 *     marker are quoted, and neither holds one)
 */
public record MigrationState(State state, Optional<String> targetType, String reason) {

  /** The states, in the order a report lists them. */
  public enum State {
    /** A plugin type with the marker set: the plugin editor shows "Data source migrated". */
    MIGRATED("migrated"),
    /** Core {@code prometheus} that Grafana's migration moves: the editor shows the "Deprecation Notice". */
    PENDING("pending"),
    /**
     * Core {@code prometheus} whose {@code sigV4Auth} makes the editor show the notice, but which the
     * migration skips: a string {@code "true"}, a YAML 1.1 word ({@code yes}, {@code on}), a number, or a
     * placeholder only the environment decides.
     */
    WILL_NOT_MIGRATE("will not migrate"),
    /**
     * A source Grafana would move, whose type a chart template writes (kube-prometheus-stack's default data source):
     * the file cannot say the plugin type, so every start migrates it and every render or reload flips it back.
     */
    FIXED_TYPE("fixed type"),
    /** Anything else: not Prometheus, or Prometheus without SigV4/Azure auth, or a native plugin source. */
    NOTHING_TO_DO("nothing to do");

    private final String label;

    State(String label) {
      this.label = label;
    }

    /** The state as a report prints it. */
    public String label() {
      return label;
    }
  }

  /** The state of one data source, judged from the file alone (placeholders are not expanded). */
  public static MigrationState of(DataSource source) {
    return of(source, "promshift fix");
  }

  /**
   * {@link #of(DataSource)}, a reason that asks for a fix naming {@code fixCommand}: the command of the front end
   * that fixes files ({@code promshift fix}, {@code mvn promshift:fix}).
   */
  public static MigrationState of(DataSource source, String fixCommand) {
    Optional<String> type = source.type();
    Optional<GoMap> jsonData = source.jsonData();
    boolean plugin = type.filter(t -> t.equals(PromTypeMigration.AMAZON) || t.equals(PromTypeMigration.AZURE)).isPresent();
    if (plugin) {
      Optional<GoValue> marker = jsonData.flatMap(json -> json.get(PromTypeMigration.MARKER));
      if (marker.isPresent() && truthy(marker.get())) {
        String reason = marker.get().isTrue()
            ? PromTypeMigration.MARKER + ": true"
            : PromTypeMigration.MARKER + " is " + describe(marker.get(), source.legacy())
                + ", which the editor counts as set (a rollback looks for the boolean true)";
        return new MigrationState(State.MIGRATED, Optional.empty(), reason);
      }
      return nothing("created as " + type.get() + ": no " + PromTypeMigration.MARKER + " marker");
    }
    if (type.isEmpty() || !type.get().equals(PromTypeMigration.PROMETHEUS)) {
      return nothing(type.isEmpty() || type.get().isEmpty() ? "no type" : "not a Prometheus type");
    }
    PromTypeMigration.Reason reason = PromTypeMigration.decide(source);
    if (reason == PromTypeMigration.Reason.AZURE_CREDENTIALS) {
      return new MigrationState(State.PENDING, reason.targetType(), "jsonData.azureCredentials is set");
    }
    if (reason == PromTypeMigration.Reason.SIGV4_AUTH) {
      return new MigrationState(State.PENDING, reason.targetType(), "jsonData.sigV4Auth is true");
    }
    Optional<GoValue> sigV4 = jsonData.flatMap(json -> json.get("sigV4Auth"));
    if (sigV4.isPresent() && truthy(sigV4.get())) {
      return new MigrationState(State.WILL_NOT_MIGRATE, Optional.empty(),
          whyNot(sigV4.get(), source.legacy(), fixCommand));
    }
    return nothing("core Prometheus without SigV4 or Azure auth");
  }

  /**
   * The state of a source whose type a chart template writes: where Grafana would move it, it is stuck with its fixed
   * type; otherwise its own state.
   */
  public static MigrationState ofFixedType(DataSource source) {
    MigrationState state = of(source);
    if (state.state() != State.PENDING) {
      return state;
    }
    return new MigrationState(State.FIXED_TYPE, state.targetType(), state.reason() + ", but the chart writes its"
        + " type: Grafana moves it at every start and the chart's file moves it back");
  }

  private static MigrationState nothing(String reason) {
    return new MigrationState(State.NOTHING_TO_DO, Optional.empty(), reason);
  }

  private static String whyNot(GoValue value, boolean legacy, String fixCommand) {
    if (value instanceof GoValue.GoString text && !legacy && text.value().contains("$")) {
      return "sigV4Auth is a placeholder (" + text.value() + "): Grafana moves it only if it expands to true at"
          + " run time, which the file alone cannot tell";
    }
    boolean meantTrue = value instanceof GoValue.GoString text
        && GoScalars.meantBoolean(text.value()).orElse(false);
    String fix = meantTrue ? "run " + fixCommand + " first (it writes sigV4Auth: true), then migrate"
        : value instanceof GoValue.GoString text && isFalseWord(text.value())
        ? "write sigV4Auth: false, or drop it" : "write sigV4Auth: true (unquoted)";
    return "sigV4Auth is " + describe(value, legacy) + ", not the boolean true: the editor shows the notice,"
        + " but requests are not signed and the migration skips it; " + fix;
  }

  private static String describe(GoValue value, boolean legacy) {
    if (value instanceof GoValue.GoString text) {
      if (text.yaml11BoolWord()) {
        return "the YAML 1.1 word " + text.value() + " (a string for Grafana 9.4+)";
      }
      if (legacy && text.value().contains("$")) {
        return "the string \"" + text.value() + "\" (version-0 files are not interpolated)";
      }
      return "the string \"" + text.value() + "\"";
    }
    if (value instanceof GoValue.GoInt || value instanceof GoValue.GoFloat) {
      return "the number " + value.toPlain();
    }
    return "a " + value.kindName();
  }

  private static boolean isFalseWord(String text) {
    String word = text.strip().toLowerCase(Locale.ROOT);
    return word.equals("false") || word.equals("no") || word.equals("off") || word.equals("n") || word.equals("0");
  }

  /** JavaScript truthiness, which decides whether Grafana's editors show their banners. */
  static boolean truthy(GoValue value) {
    if (value instanceof GoValue.GoBool bool) {
      return bool.value();
    }
    if (value instanceof GoValue.GoString text) {
      return !text.value().isEmpty();
    }
    if (value instanceof GoValue.GoInt integer) {
      return integer.value().doubleValue() != 0;
    }
    if (value instanceof GoValue.GoFloat number) {
      return number.value() != 0 && !Double.isNaN(number.value());
    }
    return value instanceof GoMap || value instanceof GoList;
  }
}
