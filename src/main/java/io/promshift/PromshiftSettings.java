package io.promshift;

import io.promshift.config.ProjectConfig;
import io.promshift.embed.UnitRule;
import io.promshift.embed.UnitSettings;
import io.promshift.migrate.FixOptions;
import io.promshift.migrate.MigrationOptions;
import io.promshift.rules.Code;
import io.promshift.rules.GrafanaSettings;
import io.promshift.rules.RulePolicy;
import io.promshift.rules.Severity;
import io.promshift.rules.ValidationOptions;
import io.promshift.syntax.ReadSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link Promshift} needs to know, fixed at construction. Immutable; build with {@link #builder()}.
 * The builder takes plain values (words, paths, maps), so a front end maps its options onto it without knowing
 * the layers below.
 *
 * @param read the reader's limits (nesting depth, file size, alias expansion)
 * @param validation how placeholders are expanded for validation (environment, {@code $__file} root)
 * @param failOn the least severe finding that fails a validation run
 * @param target where a migration moves data source types
 * @param migration the migration's options, derived from the target and the marker choices
 * @param units whether data sources embedded in other files (Helm values, operator resources, Ansible variables) are
 *     looked for, and the units the user declares by path
 * @param rules which findings are reported and at which severity (per rule: off, or a severity replacing its default);
 *     applied once to a run's findings, before the exit code is decided
 * @param fix what {@code promshift fix} resolves: the rules asked for, under the same rule levels
 */
public record PromshiftSettings(
    ReadSettings read, ValidationOptions validation, Severity failOn, MigrationTarget target,
    MigrationOptions migration, UnitSettings units, RulePolicy rules, FixOptions fix) {
  public static final PromshiftSettings DEFAULTS = builder().build();

  public PromshiftSettings {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(failOn, "failOn");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(fix, "fix");
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ids of the rules {@link Builder#fixRules} accepts: every rule whose findings {@code promshift fix} resolves, in
   * the catalogue's order.
   */
  public static List<String> fixableRules() {
    return Code.fixables().stream().map(Code::id).toList();
  }

  /** Mutable builder; the settings it builds are immutable. */
  public static final class Builder {
    private ReadSettings read = ReadSettings.DEFAULTS;
    private Map<String, String> environment;
    private Path fileRoot;
    private Severity failOn = Severity.ERROR;
    private MigrationTarget target = MigrationTarget.PLUGINS;
    private boolean keepMarker;
    private boolean revertUnmarked;
    private boolean embedded = true;
    private boolean rewriteBase64;
    private List<UnitRule> unitRules = List.of();
    private String migrateCommand;
    private String envFileOption;
    private String fixCommand = "promshift fix";
    private RulePolicy rules = RulePolicy.DEFAULTS;
    private GrafanaSettings grafana = GrafanaSettings.DEFAULTS;
    private Set<Code> fixRules = Set.of();

    private Builder() {}

    /**
     * What a project's configuration file states (its rule levels, fail-on, embedded, units and Grafana settings),
     * over the values set so far; call it first, then the command line's own options, which override it. Its include
     * and exclude globs belong to the {@link io.promshift.io.FileSet}, which the caller builds.
     */
    public Builder config(ProjectConfig config) {
      rules = rules.overriddenBy(config.rules());
      config.failOnWord().ifPresent(this::failOn);
      config.embeddedMode().ifPresent(this::embedded);
      config.unitDeclarations().ifPresent(this::units);
      grafana = grafana.overriddenBy(config.grafana());
      return this;
    }

    /**
     * The settings of the Grafana that reads the files, as a grafana.ini states them (over those set so far).
     *
     * @throws io.promshift.text.SourceException naming file:line for a file that cannot be read or a line Grafana
     *     would refuse
     * @return the notes on what was left at Grafana's default (a placeholder Grafana expands when it starts)
     */
    public List<String> grafanaIni(Path file) {
      io.promshift.config.GrafanaIni ini = io.promshift.config.GrafanaIni.read(file);
      grafana = grafana.overriddenBy(ini.settings());
      return ini.notes();
    }

    public Builder grafana(GrafanaSettings value) {
      this.grafana = Objects.requireNonNull(value, "grafana");
      return this;
    }

    /**
     * Reports a rule at {@code level}: {@code off}, {@code error}, {@code warning} or {@code info} (a later call for the
     * same rule wins).
     *
     * @throws IllegalArgumentException for an unknown rule (naming the ids it may have meant) or level, or a read
     *     refusal (yaml-syntax, template, limit, unreadable) turned off or lowered: Grafana cannot read the file
     */
    public Builder rule(String id, String level) {
      this.rules = rules.with(id, level);
      return this;
    }

    /** Each rule id at its level, as {@link #rule} takes them, over the levels set so far. */
    public Builder rules(Map<String, String> idsToLevels) {
      this.rules = rules.overriddenBy(RulePolicy.of(idsToLevels));
      return this;
    }

    /** A rule back at its default severity (over an earlier {@code off} or severity). */
    public Builder enableRule(String id) {
      this.rules = rules.enable(id);
      return this;
    }

    public Builder rules(RulePolicy value) {
      this.rules = Objects.requireNonNull(value, "rules");
      return this;
    }

    /**
     * {@code auto} (the default): data sources are also looked for in Helm values, grafana-operator resources, Ansible
     * variables and multi-document Kubernetes files; {@code off}: plain provisioning files only.
     *
     * @throws IllegalArgumentException for any other word
     */
    public Builder embedded(String mode) {
      if ("auto".equals(mode)) {
        this.embedded = true;
      } else if ("off".equals(mode)) {
        this.embedded = false;
      } else {
        throw new IllegalArgumentException("unknown embedded mode '" + mode + "'; use auto or off");
      }
      return this;
    }

    /**
     * Rewrite provisioning files held base64-encoded (a Secret's {@code data}, a ConfigMap's {@code binaryData}) when
     * migrating; off by default, when they are only read and a migration says it leaves them.
     */
    public Builder rewriteBase64(boolean value) {
      this.rewriteBase64 = value;
      return this;
    }

    public Builder embedded(boolean value) {
      this.embedded = value;
      return this;
    }

    /**
     * Units the user declares for shapes promshift does not know, each {@code PATH=items|document|item}
     * ({@code spec.values.myDatasources=items}, {@code config["ds.yaml"]=document}; {@code *} and {@code [*]} match any
     * key and any index).
     *
     * @throws IllegalArgumentException naming the declaration that does not read
     */
    public Builder units(List<String> declarations) {
      List<UnitRule> rules = new ArrayList<>();
      for (String declaration : declarations) {
        try {
          rules.add(UnitRule.parse(declaration));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--unit " + declaration + ": " + e.getMessage(), e);
        }
      }
      this.unitRules = List.copyOf(rules);
      return this;
    }

    public Builder read(ReadSettings value) {
      this.read = Objects.requireNonNull(value, "read");
      return this;
    }

    /** Expand placeholders from this environment when validating, as Grafana would (null: do not expand). */
    public Builder environment(Map<String, String> value) {
      this.environment = value == null ? null : Map.copyOf(value);
      return this;
    }

    /** With an environment: the directory {@code $__file{path}} placeholders are read under (null: none). */
    public Builder fileRoot(Path value) {
      this.fileRoot = value;
      return this;
    }

    /**
     * The least severe finding that fails a validation run: {@code error} (default), {@code warning} or
     * {@code info}.
     *
     * @throws IllegalArgumentException for any other word
     */
    public Builder failOn(String value) {
      try {
        this.failOn = Severity.parse(value);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("unknown severity '" + value + "'; use error, warning or info");
      }
      return this;
    }

    public Builder failOn(Severity value) {
      this.failOn = Objects.requireNonNull(value, "failOn");
      return this;
    }

    public Builder target(MigrationTarget value) {
      this.target = Objects.requireNonNull(value, "target");
      return this;
    }

    /** On a revert, set the marker to false (as Grafana's rollback script does) instead of removing it. */
    public Builder keepMarker(boolean value) {
      this.keepMarker = value;
      return this;
    }

    /** On a revert, also move plugin-type sources that carry no migration marker. */
    public Builder revertUnmarked(boolean value) {
      this.revertUnmarked = value;
      return this;
    }

    /**
     * The command a validation finding's fix names to migrate a file: {@code promshift migrate} (the CLI) unless a
     * front end names its own, e.g. {@code mvn promshift:apply}.
     */
    public Builder migrateCommand(String value) {
      this.migrateCommand = Objects.requireNonNull(value, "migrateCommand");
      return this;
    }

    /**
     * The command a migration's notice names for a data source that migrates only after a fix: {@code promshift fix}
     * (the CLI) unless a front end names its own, e.g. {@code mvn promshift:fix}.
     */
    public Builder fixCommand(String value) {
      this.fixCommand = Objects.requireNonNull(value, "fixCommand");
      return this;
    }

    /**
     * The option a validation finding's fix names to validate with an environment: {@code --env-file} (the CLI)
     * unless a front end names its own, e.g. {@code envFile}.
     */
    public Builder envFileOption(String value) {
      this.envFileOption = Objects.requireNonNull(value, "envFileOption");
      return this;
    }

    /**
     * Limits {@code promshift fix} to the findings of these rules (none: every fixable rule).
     *
     * @throws IllegalArgumentException for an unknown rule (naming the ids it may have meant) or one that has no fix
     */
    public Builder fixRules(java.util.Collection<String> ids) {
      Set<Code> codes = new java.util.LinkedHashSet<>();
      for (String id : ids) {
        Code code = RulePolicy.code(id);
        if (!code.fixable()) {
          throw new IllegalArgumentException("rule " + id + " has no fix promshift makes; fixable rules: "
              + String.join(", ", fixableRules()));
        }
        codes.add(code);
      }
      this.fixRules = Set.copyOf(codes);
      return this;
    }

    public PromshiftSettings build() {
      ValidationOptions.Builder validation = ValidationOptions.builder().grafana(grafana);
      if (migrateCommand != null) {
        validation.migrateCommand(migrateCommand);
      }
      if (envFileOption != null) {
        validation.envFileOption(envFileOption);
      }
      if (environment != null) {
        validation.environment(environment).fileRoot(fileRoot);
      }
      return new PromshiftSettings(read, validation.build(), failOn, target,
          target.options(keepMarker, revertUnmarked, rewriteBase64, fixCommand), new UnitSettings(embedded, unitRules),
          rules,
          new FixOptions(fixRules, rules, rewriteBase64));
    }
  }
}
