package io.promshift.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One command of the command line, declared once: what {@link Arguments} parses, what the help, the man pages and
 * the shell completion show ({@link HelpText} renders it with picocli), and what every command reads its options
 * from. Plain values, so a normal run builds it without loading a class of picocli.
 *
 * @param exitCodes code, then what it means, in the order the help lists them
 * @param parameters the PATHs; null for a command that takes none
 */
record CommandModel(String name, String header, List<String> description, List<ExitCode> exitCodes,
    List<Option> options, Parameters parameters) {
  CommandModel {
    description = List.copyOf(description);
    exitCodes = List.copyOf(exitCodes);
    options = List.copyOf(options);
  }

  /** The option one of whose names is {@code name}, if any. */
  Optional<Option> option(String name) {
    return options.stream().filter(option -> option.names().contains(name)).findFirst();
  }

  /** How many values an option takes. */
  enum Arity {
    /** None: given or not ({@code --check}; {@code --check=false} also reads). */
    FLAG,
    /** One, given at most once ({@code --to amazon}, {@code --to=amazon}). */
    SINGLE,
    /** One each time, given any number of times ({@code --include A --include B}). */
    REPEATED
  }

  /**
   * One option.
   *
   * @param names short names first ({@code -j}), then the long one, which is the option's key ({@link #key()})
   * @param label what the help calls its value ({@code GLOB}); null for a flag
   * @param defaultValue the value when not given, as it would be written; null for none
   * @param order where the help lists it (lower first)
   * @param group the exclusive group it belongs to (at most one of a group may be given); null for none
   * @param conversion what its value must be; {@link Conversion#TEXT} for any text
   */
  record Option(List<String> names, String label, String description, Arity arity, String defaultValue, int order,
      String group, Conversion conversion) {
    Option {
      names = List.copyOf(names);
    }

    static Option flag(String names, int order, String description) {
      return new Option(List.of(names.split(",")), null, description, Arity.FLAG, null, order, null,
          Conversion.TEXT);
    }

    static Option single(String names, String label, int order, String description) {
      return new Option(List.of(names.split(",")), label, description, Arity.SINGLE, null, order, null,
          Conversion.TEXT);
    }

    static Option repeated(String names, String label, int order, String description) {
      return new Option(List.of(names.split(",")), label, description, Arity.REPEATED, null, order, null,
          Conversion.TEXT);
    }

    Option withDefault(String value) {
      return new Option(names, label, description, arity, value, order, group, conversion);
    }

    Option in(String exclusiveGroup) {
      return new Option(names, label, description, arity, defaultValue, order, exclusiveGroup, conversion);
    }

    Option converted(Conversion to) {
      return new Option(names, label, description, arity, defaultValue, order, group, to);
    }

    /** The long name: what usage errors and the commands call it by. */
    String key() {
      return names.get(names.size() - 1);
    }

    /** Whether this is the option that asks for the help. */
    boolean help() {
      return names.contains("--help");
    }
  }

  /**
   * The PATHs: one or more ({@code min} 1) or any number.
   *
   * @param label what the help calls each ({@code PATH})
   */
  record Parameters(String label, int min, String description) {}

  /** One exit code and what it means. */
  record ExitCode(String code, String meaning) {
    /** Each entry written {@code code:meaning}. */
    static List<ExitCode> of(String... entries) {
      return java.util.Arrays.stream(entries)
          .map(entry -> new ExitCode(entry.substring(0, entry.indexOf(':')), entry.substring(entry.indexOf(':') + 1)))
          .toList();
    }
  }

  /** The options of several lists, in order. */
  @SafeVarargs
  static List<Option> options(List<Option>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }

  /**
   * What a value must be, and the value it stands for. {@code convert} throws {@link IllegalArgumentException} with
   * the text after "--option: " for a value that is not one.
   */
  record Conversion(Class<?> type, Function<String, Object> convert) {
    /** Any text, as given. */
    static final Conversion TEXT = new Conversion(String.class, text -> text);

    /** A path, as given ({@code Path.of}); an empty one is the commands' to refuse, in their words. */
    static final Conversion PATH = new Conversion(Path.class, text -> {
      try {
        return Path.of(text);
      } catch (java.nio.file.InvalidPathException e) {
        throw new IllegalArgumentException("'" + text + "' is not a path (" + e.getReason() + ")");
      }
    });

    /** A whole number. */
    static final Conversion INTEGER = new Conversion(int.class, text -> {
      try {
        return Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' is not a whole number");
      }
    });

    /**
     * One of {@code words}, any case, with white space around it ignored: the word in lower case (an alias the map
     * gives stands for its word). The error names {@code accepted}.
     */
    static Conversion words(List<String> words, String accepted) {
      return new Conversion(String.class, text -> {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (!words.contains(word)) {
          throw new IllegalArgumentException("unknown value '" + text + "'; use " + accepted);
        }
        return word;
      });
    }

    /** Like {@link #words(List, String)}, the value being what {@code values} maps the word to. */
    static <T> Conversion words(Class<T> type, Map<String, T> values, String accepted) {
      return new Conversion(type, text -> {
        T value = values.get(text.strip().toLowerCase(Locale.ROOT));
        if (value == null) {
          throw new IllegalArgumentException("unknown value '" + text + "'; use " + accepted);
        }
        return value;
      });
    }
  }
}
