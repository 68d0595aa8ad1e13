package io.promshift.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which findings a run reports, and at which severity: per {@link Code}, {@code off} or a severity that replaces the
 * code's default. The one place a user's rule configuration (a {@code .promshift.yaml}'s {@code rules:}, the CLI's
 * {@code --disable}/{@code --enable}/{@code --severity}, the Maven plugin's {@code rules}) becomes behaviour: the
 * application layer applies it once to a run's findings, so every report and the exit code agree.
 *
 * <p>A read refusal ({@link #REFUSALS}: the file is not YAML, is a template, is over a limit, cannot be read) is not
 * a matter of taste: Grafana cannot read the file, so it cannot be turned off or lowered below error. Immutable.
 *
 * @param levels the codes whose level differs from their default; a code not in the map keeps its default severity
 */
public record RulePolicy(Map<Code, Level> levels) {
  /** Every finding at its code's own severity. */
  public static final RulePolicy DEFAULTS = new RulePolicy(Map.of());

  /** Codes that say a file cannot be read at all: Grafana cannot read it either, whatever a policy says. */
  public static final Set<Code> REFUSALS = Collections.unmodifiableSet(java.util.EnumSet.of(
      Code.YAML_SYNTAX, Code.TEMPLATE, Code.LIMIT, Code.UNREADABLE, Code.UNLISTABLE));

  /** What a policy says about one code. */
  public enum Level {
    OFF, ERROR, WARNING, INFO;

    /** The word a configuration writes: {@code off}, {@code error}, {@code warning}, {@code info}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The severity it reports at; empty for {@link #OFF}. */
    public Optional<Severity> severity() {
      return this == OFF ? Optional.empty() : Optional.of(Severity.valueOf(name()));
    }

    /**
     * Parses {@code off}, {@code error}, {@code warning} or {@code info} (any case).
     *
     * @throws IllegalArgumentException naming the word and the valid ones
     */
    public static Level parse(String word) {
      String normal = word == null ? "" : word.strip().toUpperCase(Locale.ROOT);
      for (Level level : values()) {
        if (level.name().equals(normal)) {
          return level;
        }
      }
      throw new IllegalArgumentException("unknown level '" + word + "'; use off, error, warning or info");
    }
  }

  public RulePolicy {
    Objects.requireNonNull(levels, "levels");
    EnumMap<Code, Level> copy = new EnumMap<>(Code.class);
    copy.putAll(levels);
    for (Map.Entry<Code, Level> entry : copy.entrySet()) {
      requireReadable(entry.getKey(), entry.getValue());
    }
    levels = Collections.unmodifiableMap(copy);
  }

  /**
   * A policy from rule ids to levels ({@code sigv4-region-missing: off}, {@code literal-aws-key: error}).
   *
   * @throws IllegalArgumentException for an unknown id (naming it and the ids it may have meant), an unknown level,
   *     or a read refusal turned off or lowered
   */
  public static RulePolicy of(Map<String, String> idsToLevels) {
    RulePolicy policy = DEFAULTS;
    for (Map.Entry<String, String> entry : idsToLevels.entrySet()) {
      policy = policy.with(entry.getKey(), entry.getValue());
    }
    return policy;
  }

  /**
   * This policy with one rule set to a level ({@code off}, {@code error}, {@code warning}, {@code info}).
   *
   * @throws IllegalArgumentException as {@link #of} does
   */
  public RulePolicy with(String id, String level) {
    Code code = code(id);
    Level parsed;
    try {
      parsed = Level.parse(level);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(code.id() + ": " + e.getMessage(), e);
    }
    return with(code, parsed);
  }

  public RulePolicy with(Code code, Level level) {
    Map<Code, Level> next = new EnumMap<>(Code.class);
    next.putAll(levels);
    next.put(code, level);
    return new RulePolicy(next);
  }

  /**
   * This policy with one rule back at its default severity (what {@code --enable RULE} asks for, over a
   * configuration file's {@code off}).
   *
   * @throws IllegalArgumentException for an unknown id
   */
  public RulePolicy enable(String id) {
    Code code = code(id);
    Map<Code, Level> next = new EnumMap<>(Code.class);
    next.putAll(levels);
    next.remove(code);
    return new RulePolicy(next);
  }

  /** This policy with {@code other}'s levels over its own (a command line over a configuration file). */
  public RulePolicy overriddenBy(RulePolicy other) {
    Map<Code, Level> next = new EnumMap<>(Code.class);
    next.putAll(levels);
    next.putAll(other.levels);
    return new RulePolicy(next);
  }

  /** Whether every code keeps its default. */
  public boolean isDefault() {
    return levels.isEmpty();
  }

  /** What the policy says about a code: its own level, or the code's default severity. */
  public Level level(Code code) {
    return levels.getOrDefault(code, Level.valueOf(code.severity().name()));
  }

  /**
   * A finding as this policy reports it: empty when its code is off; at the policy's severity when one is set (the
   * message is the rule's own, unchanged); as it is otherwise (a rule may report below or above its default, e.g.
   * an AMP source that does not sign towards a host that is not AWS: a policy's explicit severity replaces that).
   */
  public Optional<Diagnostic> apply(Diagnostic finding) {
    Level level = levels.get(finding.code());
    if (level == null) {
      return Optional.of(finding);
    }
    return level.severity().map(severity -> severity == finding.severity() ? finding : finding.withSeverity(severity));
  }

  /** The findings this policy reports, in the order given. */
  public List<Diagnostic> apply(List<Diagnostic> findings) {
    if (levels.isEmpty()) {
      return findings;
    }
    List<Diagnostic> kept = new ArrayList<>(findings.size());
    for (Diagnostic finding : findings) {
      apply(finding).ifPresent(kept::add);
    }
    return kept;
  }

  /** The levels as a configuration writes them, by rule id in {@link Code} order. */
  public Map<String, String> asWords() {
    Map<String, String> words = new LinkedHashMap<>();
    levels.forEach((code, level) -> words.put(code.id(), level.label()));
    return words;
  }

  /**
   * The code with this id.
   *
   * @throws IllegalArgumentException naming the id and the ids it may have meant (or all of them)
   */
  public static Code code(String id) {
    String normal = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    return Code.find(normal).orElseThrow(() -> new IllegalArgumentException(unknown(id)));
  }

  private static String unknown(String id) {
    List<String> close = Code.meant(id).stream().map(Code::id).toList();
    String all = Arrays.stream(Code.values()).map(Code::id).collect(Collectors.joining(", "));
    // a typo names what it meant; anything else lists every id (docs/configuration.md has them with their severity)
    return "unknown rule '" + id + "'" + (close.isEmpty() ? "; the rules are " + all
        : "; did you mean " + String.join(" or ", close) + "?");
  }

  private static void requireReadable(Code code, Level level) {
    if (REFUSALS.contains(code) && level != Level.ERROR) {
      throw new IllegalArgumentException(code.id() + (level == Level.OFF ? " cannot be turned off"
          : " cannot be lowered to " + level.label()) + ": Grafana cannot read the file, so it stays an error");
    }
  }
}
