package io.promshift.config;

import io.promshift.embed.UnitRule;
import io.promshift.rules.GrafanaSettings;
import io.promshift.rules.RulePolicy;
import io.promshift.rules.Severity;
import io.promshift.text.IoProblems;
import io.promshift.text.Position;
import io.promshift.text.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a {@code .promshift.yaml} with Jackson's YAML module, token by token so that every mistake is named at its
 * file:line:col: an unknown key, a value of the wrong type, a rule or level that does not exist, a key given twice.
 * Messages name keys and positions; values are shown only where they are words from a fixed list (rule ids,
 * levels). Also finds the file upward from a root. Stateless and thread-safe.
 */
public final class ProjectConfigReader {
  /**
   * Built on first use, not when the class loads: most runs find no configuration file, and building a mapper
   * loads some 400 of Jackson's classes, a tenth of a second of a short run's start-up.
   */
  private static final class Mapper {
    static final YAMLMapper YAML = YAMLMapper.builder().build();
  }

  private static final long MAX_BYTES = 1L << 20;
  private static final List<String> KEYS = List.of(
      "rules", "fail-on", "include", "exclude", "embedded", "units", "grafana", "grafana-ini");

  private ProjectConfigReader() {}

  /**
   * The configuration file that applies to a root: {@code .promshift.yaml} in the root's directory (a file's own
   * directory) or the nearest one above it, looking no further up than the directory holding {@code .git} (the
   * repository's top) or the filesystem root.
   */
  public static Optional<Path> find(Path root) {
    Path dir = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    for (; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(ProjectConfig.FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (Files.exists(dir.resolve(".git"))) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The one configuration file the roots of a run find, read; empty when none finds one.
   *
   * @throws IllegalArgumentException when two roots find different files (naming both)
   * @throws SourceException for a file that does not read
   */
  public static Optional<ProjectConfig> forRoots(List<Path> roots) {
    Map<Path, Path> found = new LinkedHashMap<>();
    for (Path root : roots) {
      find(root).ifPresent(file -> found.putIfAbsent(file.toAbsolutePath().normalize(), root));
    }
    if (found.size() > 1) {
      List<Path> files = new ArrayList<>(found.keySet());
      throw new IllegalArgumentException("the paths of this run find different configuration files, "
          + files.get(0) + " (for " + found.get(files.get(0)) + ") and " + files.get(1) + " (for "
          + found.get(files.get(1)) + "); run them separately, or choose one with --config FILE");
    }
    return found.keySet().stream().findFirst().map(ProjectConfigReader::read);
  }

  /**
   * Reads and checks one configuration file.
   *
   * @throws SourceException at file:line:col for anything it cannot accept
   */
  public static ProjectConfig read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new SourceException(name, Position.START, SourceException.Kind.LIMIT,
            "the configuration file is larger than 1 MB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SourceException(name, Position.START, SourceException.Kind.UNREADABLE,
          "cannot read the configuration file (" + IoProblems.describe(e) + ")");
    }
    Path dir = file.toAbsolutePath().normalize().getParent();
    try (JsonParser parser = Mapper.YAML.createParser(bytes)) {
      return new Reading(name, dir, parser).config(file);
    } catch (JacksonException e) {
      throw new SourceException(name, position(e.getLocation()), SourceException.Kind.SYNTAX,
          "not valid YAML: " + problem(e));
    }
  }

  /**
   * {@code file:line:col: problem} for a configuration or grafana.ini that does not read (a {@link SourceException}),
   * for a front end's usage error; empty for any other exception, which is not the input's fault.
   */
  public static Optional<String> problem(RuntimeException e) {
    return e instanceof SourceException source
        ? Optional.of(source.file() + ":" + source.position() + ": " + source.problem()) : Optional.empty();
  }

  /** A YAML error in the parser's words without the text around it (which could hold anything). */
  private static String problem(JacksonException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYamlEngineException marked && marked.getProblem() != null) {
        return marked.getProblem();
      }
    }
    return "the YAML parser stopped here";
  }

  private static Position position(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Position.START;
    }
    return new Position(0, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** One file's tokens, read once. */
  private static final class Reading {
    private final String name;
    private final Path dir;
    private final JsonParser parser;
    private final List<String> notes = new ArrayList<>();

    Reading(String name, Path dir, JsonParser parser) {
      this.name = name;
      this.dir = dir;
      this.parser = parser;
    }

    ProjectConfig config(Path file) {
      RulePolicy rules = RulePolicy.DEFAULTS;
      String failOn = null;
      String embedded = null;
      List<String> include = null;
      List<String> exclude = null;
      List<String> units = null;
      GrafanaSettings grafana = GrafanaSettings.DEFAULTS;
      GrafanaSettings fromIni = GrafanaSettings.DEFAULTS;
      Path grafanaIni = null;
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new ProjectConfig(file, rules, null, null, null, null, null, grafana, null, notes);
      }
      if (first != JsonToken.START_OBJECT) {
        throw error("the configuration must be a mapping with the keys " + String.join(", ", KEYS));
      }
      Set<String> seen = new HashSet<>();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = key(seen, KEYS, "");
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
          continue; // `rules:` with every entry commented out states nothing
        }
        switch (key) {
          case "rules" -> rules = rules();
          case "fail-on" -> failOn = word(key, List.of("error", "warning", "info"));
          case "embedded" -> embedded = word(key, List.of("auto", "off"));
          case "include" -> include = strings(key);
          case "exclude" -> exclude = strings(key);
          case "units" -> units = units();
          case "grafana" -> grafana = grafana();
          case "grafana-ini" -> {
            Position at = here();
            grafanaIni = dir.resolve(text(key));
            try {
              GrafanaIni ini = GrafanaIni.read(grafanaIni);
              fromIni = ini.settings();
              notes.addAll(ini.notes());
            } catch (SourceException e) {
              throw new SourceException(name, at, e.kind(), "grafana-ini: " + e.file() + ":" + e.position() + ": "
                  + e.problem());
            }
          }
          default -> throw new IllegalStateException(key);
        }
      }
      return new ProjectConfig(file, rules, failOn, include, exclude, embedded, units, fromIni.overriddenBy(grafana),
          grafanaIni, notes);
    }

    private RulePolicy rules() {
      expect(JsonToken.START_OBJECT, "rules", "a mapping of rule ids to off, error, warning or info");
      RulePolicy policy = RulePolicy.DEFAULTS;
      Set<String> seen = new HashSet<>();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        Position keyAt = here();
        String id = parser.currentName();
        if (!seen.add(id)) {
          throw new SourceException(name, keyAt, SourceException.Kind.DUPLICATE_KEY, "rules: " + id
              + " is given twice");
        }
        try {
          RulePolicy.code(id);
        } catch (IllegalArgumentException e) {
          throw new SourceException(name, keyAt, SourceException.Kind.SYNTAX, "rules: " + e.getMessage());
        }
        parser.nextToken();
        Position valueAt = here();
        String level = switch (parser.currentToken()) {
          case VALUE_STRING -> parser.getString();
          case VALUE_FALSE -> "off"; // `off` or `false`: a YAML 1.1 reader's boolean
          default -> throw new SourceException(name, valueAt, SourceException.Kind.SYNTAX, "rules: " + id
              + " must be off, error, warning or info, not " + kind(parser.currentToken()));
        };
        try {
          policy = policy.with(id, level);
        } catch (IllegalArgumentException e) {
          throw new SourceException(name, valueAt, SourceException.Kind.SYNTAX, "rules: " + e.getMessage());
        }
      }
      return policy;
    }

    private List<String> units() {
      Position at = here();
      List<String> declarations = strings("units");
      for (String declaration : declarations) {
        try {
          UnitRule.parse(declaration);
        } catch (IllegalArgumentException e) {
          throw new SourceException(name, at, SourceException.Kind.SYNTAX, "units: " + e.getMessage());
        }
      }
      return declarations;
    }

    private GrafanaSettings grafana() {
      expect(JsonToken.START_OBJECT, "grafana", "a mapping with aws and azure");
      GrafanaSettings settings = GrafanaSettings.DEFAULTS;
      Set<String> seen = new HashSet<>();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String section = key(seen, List.of("aws", "azure"), "grafana.");
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
          continue;
        }
        List<String> keys = section.equals("aws")
            ? List.of("allowed_auth_providers", "assume_role_enabled", "forward_settings_to_plugins")
            : List.of("azure_auth_enabled", "forward_settings_to_plugins");
        expect(JsonToken.START_OBJECT, "grafana." + section, "a mapping with " + String.join(", ", keys));
        Set<String> inSection = new HashSet<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String key = key(inSection, keys, "grafana." + section + ".");
          String path = "grafana." + section + "." + key;
          if (parser.nextToken() == JsonToken.VALUE_NULL) {
            continue; // not stated: Grafana's default
          }
          switch (section + "." + key) {
            case "aws.allowed_auth_providers" -> settings = settings.withAllowedAuthProviders(list(path));
            case "aws.assume_role_enabled" -> settings = settings.withAssumeRoleEnabled(bool(path));
            case "aws.forward_settings_to_plugins" -> settings = settings.withAwsForwardSettingsPlugins(list(path));
            case "azure.azure_auth_enabled" -> settings = settings.withAzureAuthEnabled(bool(path));
            case "azure.forward_settings_to_plugins" -> settings = settings.withAzureForwardSettingsPlugins(
                list(path));
            default -> throw new IllegalStateException(key);
          }
        }
      }
      return settings;
    }

    /** A property name that must be one of {@code allowed}, given once. */
    private String key(Set<String> seen, List<String> allowed, String prefix) {
      String key = parser.currentName();
      if (!allowed.contains(key)) {
        throw error("unknown key " + prefix + key + " (known: " + String.join(", ", allowed) + ")");
      }
      if (!seen.add(key)) {
        throw new SourceException(name, here(), SourceException.Kind.DUPLICATE_KEY, prefix + key
            + " is given twice");
      }
      return key;
    }

    /** A list as Grafana reads one: a YAML list, or Grafana's comma- or space-separated text. */
    private List<String> list(String key) {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        return GrafanaSettings.split(parser.getString());
      }
      return strings(key);
    }

    private Boolean bool(String key) {
      return switch (parser.currentToken()) {
        case VALUE_TRUE -> true;
        case VALUE_FALSE -> false;
        case VALUE_STRING -> switch (parser.getString().strip().toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default -> throw error(key + " must be true or false");
        };
        default -> throw error(key + " must be true or false, not " + kind(parser.currentToken()));
      };
    }

    /** A list of text items (one text is a list of one). */
    private List<String> strings(String key) {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        return List.of(parser.getString());
      }
      expect(JsonToken.START_ARRAY, key, "a list of text items");
      List<String> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
          throw error(key + ": each item must be text, not " + kind(parser.currentToken()));
        }
        items.add(parser.getString());
      }
      return List.copyOf(new LinkedHashSet<>(items));
    }

    private String text(String key) {
      if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getString().isBlank()) {
        throw error(key + " must be a path, not " + kind(parser.currentToken()));
      }
      return parser.getString();
    }

    /** One word of {@code allowed} (any case); {@code off} may arrive as a YAML 1.1 boolean. */
    private String word(String key, List<String> allowed) {
      String word = switch (parser.currentToken()) {
        case VALUE_STRING -> parser.getString().strip().toLowerCase(Locale.ROOT);
        case VALUE_FALSE -> "off";
        default -> throw error(key + " must be one of " + String.join(", ", allowed) + ", not "
            + kind(parser.currentToken()));
      };
      if (!allowed.contains(word)) {
        throw error(key + " must be one of " + String.join(", ", allowed));
      }
      if (key.equals("fail-on")) {
        Severity.parse(word); // the same words
      }
      return word;
    }

    private void expect(JsonToken token, String key, String what) {
      if (parser.currentToken() != token) {
        throw error(key + " must be " + what + ", not " + kind(parser.currentToken()));
      }
    }

    private Position here() {
      return position(parser.currentTokenLocation());
    }

    private SourceException error(String problem) {
      return new SourceException(name, here(), SourceException.Kind.SYNTAX, problem);
    }

    private static String kind(JsonToken token) {
      if (token == null) {
        return "nothing";
      }
      return switch (token) {
        case START_OBJECT -> "a mapping";
        case START_ARRAY -> "a list";
        case VALUE_STRING -> "text";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case VALUE_NULL -> "empty (null)";
        default -> "something else";
      };
    }
  }
}
