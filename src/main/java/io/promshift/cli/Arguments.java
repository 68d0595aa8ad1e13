package io.promshift.cli;

import io.promshift.cli.CommandModel.Arity;
import io.promshift.cli.CommandModel.Option;
import io.promshift.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A command's arguments, parsed by its {@link CommandModel}: which options were given, with their values converted,
 * and the PATHs. Reads what picocli read before it ({@code --opt value}, {@code --opt=value}, short options alone or
 * together ({@code -qv}, {@code -j2}, {@code -j 2}, {@code -j=2}), repeated options, {@code --} ending the options,
 * {@code -} as a PATH), and refuses with a {@link UsageException} what the command cannot run with. Immutable.
 */
final class Arguments {
  private final CommandModel command;
  /** Key (the long name) to the values given, in order; a flag's is "true" or "false". */
  private final Map<String, List<Object>> given;
  private final List<String> raw;
  private final List<Path> paths;

  private Arguments(CommandModel command, Map<String, List<Object>> given, List<String> raw, List<Path> paths) {
    this.command = command;
    this.given = given;
    this.raw = raw;
    this.paths = paths;
  }

  /** The arguments after the command's name. */
  static Arguments parse(CommandModel command, String... args) {
    Parse parse = new Parse(command);
    List<String> words = List.of(args);
    boolean options = true;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (options && word.equals("--")) {
        options = false;
      } else if (options && word.startsWith("--")) {
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        Option option = parse.option(name, name); // named without its value, which may be anything (a secret)
        if (eq >= 0) {
          parse.value(option, name, word.substring(eq + 1));
        } else if (option.arity() == Arity.FLAG) {
          parse.value(option, name, "true");
        } else {
          parse.value(option, name, parse.next(option, name, words, ++i));
        }
      } else if (options && word.startsWith("-") && word.length() > 1) {
        // short options, alone or together: -q, -qv, -j2, -j=2, -j 2
        for (int at = 1; at < word.length(); at++) {
          String name = "-" + word.charAt(at);
          Option option = parse.option(name, at == 1 ? word : name);
          String rest = word.substring(at + 1);
          if (option.arity() == Arity.FLAG && rest.startsWith("=")) { // -v=false
            parse.value(option, name, rest.substring(1));
            break;
          }
          if (option.arity() == Arity.FLAG) {
            parse.value(option, name, "true");
            continue;
          }
          rest = rest.startsWith("=") ? rest.substring(1) : rest;
          parse.value(option, name, !rest.isEmpty() ? rest : parse.next(option, name, words, ++i));
          break;
        }
      } else {
        parse.path(word);
      }
    }
    return parse.done();
  }

  /** The command these arguments are for. */
  CommandModel command() {
    return command;
  }

  /** Whether the option was given on the command line (its default does not count). */
  boolean given(String key) {
    return given.containsKey(known(key).key());
  }

  /** A flag: given (and not {@code =false}). */
  boolean flag(String key) {
    Option option = known(key);
    List<Object> values = given.get(option.key());
    return values != null && (Boolean) values.get(values.size() - 1);
  }

  /** A single option's value as the model converts it: given, else its default converted, else null. */
  @SuppressWarnings("unchecked")
  <T> T value(String key) {
    Option option = known(key);
    List<Object> values = given.get(option.key());
    if (values != null) {
      return (T) values.get(0);
    }
    return option.defaultValue() == null ? null : (T) option.conversion().convert().apply(option.defaultValue());
  }

  /** A repeatable option's values, in the order given; empty when not given. */
  @SuppressWarnings("unchecked")
  <T> List<T> values(String key) {
    return (List<T>) given.getOrDefault(known(key).key(), List.of());
  }

  /** The text each value of the option was given as, in order (what a differential against picocli compares). */
  List<String> raw(String key) {
    String name = known(key).key();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i += 2) {
      if (raw.get(i).equals(name)) {
        out.add(raw.get(i + 1));
      }
    }
    return out;
  }

  /** Whether the help was asked for. */
  boolean help() {
    return command.options().stream().anyMatch(option -> option.help() && given.containsKey(option.key()));
  }

  List<Path> paths() {
    return paths;
  }

  private Option known(String key) {
    return command.option(key)
        .orElseThrow(() -> new IllegalArgumentException(command.name() + " has no option " + key));
  }

  /** The parse under way. */
  private static final class Parse {
    private final CommandModel command;
    private final Map<String, List<Object>> given = new LinkedHashMap<>();
    private final List<String> raw = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final List<String> pathWords = new ArrayList<>();

    Parse(CommandModel command) {
      this.command = command;
    }

    Option option(String name, String word) {
      return command.option(name).orElseThrow(() -> {
        List<String> names = command.options().stream().flatMap(option -> option.names().stream())
            .filter(candidate -> candidate.startsWith("--")).toList();
        List<String> meant = name.startsWith("--") ? Suggestions.meant(name, names) : List.of();
        return new UsageException("unknown option '" + word + "'", meant);
      });
    }

    String next(Option option, String name, List<String> words, int at) {
      if (at >= words.size() || isOption(words.get(at))) {
        throw new UsageException(name + " needs a value (" + option.label() + ")");
      }
      return words.get(at);
    }

    /** An option's name (with or without a value after {@code =}): not a value for another option. */
    private boolean isOption(String word) {
      int eq = word.indexOf('=');
      return word.startsWith("-") && command.option(eq < 0 ? word : word.substring(0, eq)).isPresent();
    }

    void value(Option option, String name, String text) {
      Object value;
      if (option.arity() == Arity.FLAG) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (!word.equals("true") && !word.equals("false")) {
          throw new UsageException(name + " takes no value (" + name + "=true and " + name + "=false also read)");
        }
        value = word.equals("true");
      } else {
        try {
          value = option.conversion().convert().apply(text);
        } catch (IllegalArgumentException e) {
          throw new UsageException(option.key() + ": " + e.getMessage());
        }
      }
      List<Object> values = given.computeIfAbsent(option.key(), key -> new ArrayList<>());
      if (!values.isEmpty() && option.arity() != Arity.REPEATED) {
        throw new UsageException(option.key() + " is given twice; give it once");
      }
      values.add(value);
      raw.add(option.key());
      raw.add(text);
    }

    void path(String word) {
      if (command.parameters() == null) {
        throw new UsageException("unexpected argument '" + word + "'");
      }
      pathWords.add(word);
      try {
        paths.add((Path) CommandModel.Conversion.PATH.convert().apply(word));
      } catch (IllegalArgumentException e) { // a name this system cannot have (Windows: <, >, |, ...)
        throw new UsageException(e.getMessage());
      }
    }

    Arguments done() {
      for (String group : command.options().stream().map(Option::group).filter(g -> g != null).distinct().toList()) {
        List<String> together = command.options().stream()
            .filter(option -> group.equals(option.group()) && given.containsKey(option.key())).map(Option::key).toList();
        if (together.size() > 1) {
          throw new UsageException(String.join(" and ", together) + " cannot be used together (give only one)");
        }
      }
      boolean help = command.options().stream().anyMatch(option -> option.help() && given.containsKey(option.key()));
      if (!help && command.parameters() != null && paths.size() < command.parameters().min()) {
        throw new UsageException("missing " + command.parameters().label() + ": give a file or a folder (or - for"
            + " standard input)");
      }
      Map<String, List<Object>> frozen = new LinkedHashMap<>();
      given.forEach((key, values) -> frozen.put(key, List.copyOf(values)));
      return new Arguments(command, java.util.Collections.unmodifiableMap(frozen), List.copyOf(raw),
          List.copyOf(paths));
    }
  }
}
