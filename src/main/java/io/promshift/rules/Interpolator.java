package io.promshift.rules;

import io.promshift.syntax.ReadSettings;
import io.promshift.text.IoProblems;
import io.promshift.text.SourceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's {@code interpolateValue} ({@code pkg/services/provisioning/values/values.go}): split on
 * {@code $$}; in each part run {@code setting.ExpandVar} (pattern {@code \$(|__\w+){([^}]+)}}: the
 * environment for {@code ${NAME}} and {@code $__env{NAME}}, a file's trimmed content for
 * {@code $__file{path}}, unknown expanders left as written), then Go's {@code os.ExpandEnv} ({@code $NAME},
 * {@code ${NAME}}, unset names become empty); join the parts with {@code $}.
 *
 * <p>{@code $__vault{}} (Grafana Enterprise) and, without a file root, {@code $__file{}} cannot be expanded
 * here: such a value is left as written and reported as unresolved. Immutable and thread-safe.
 */
final class Interpolator {
  private static final Pattern EXPAND_VAR = Pattern.compile("\\$(|__[0-9A-Za-z_]+)\\{([^}]+)}");

  private final Map<String, String> environment;
  private final Path fileRoot;

  Interpolator(Map<String, String> environment, Path fileRoot) {
    this.environment = Map.copyOf(environment);
    this.fileRoot = fileRoot == null ? null : fileRoot.toAbsolutePath().normalize();
  }

  static Interpolator of(ValidationOptions options) {
    return options.environment().map(env -> new Interpolator(env, options.fileRoot().orElse(null))).orElse(null);
  }

  /**
   * The outcome of expanding one value.
   *
   * @param value the expanded text (the raw text when unresolved or failed)
   * @param changed whether expansion changed the text (Grafana then converts jsonData leaves)
   * @param unresolved whether the value holds a placeholder that cannot be expanded here
   * @param error the expander's failure (Grafana does not start), or null
   */
  record Result(String value, boolean changed, boolean unresolved, String error) {}

  Result interpolate(String raw) {
    if (raw.indexOf('$') < 0) {
      return new Result(raw, false, false, null);
    }
    String[] parts = raw.split("\\$\\$", -1);
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append('$');
      }
      Matcher m = EXPAND_VAR.matcher(parts[i]);
      // Every match ends with a "}": past the last one, a try at each "${" would scan to the end in vain.
      m.region(0, parts[i].lastIndexOf('}') + 1);
      StringBuilder expanded = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String argument = m.group(2);
        String replacement;
        if (name.isEmpty() || name.equals("__env")) {
          replacement = environment.getOrDefault(argument, "");
        } else if (name.equals("__file")) {
          if (fileRoot == null) {
            return new Result(raw, false, true, null);
          }
          try {
            replacement = readFile(argument);
          } catch (IOException e) {
            return new Result(raw, false, true, "$__file{" + argument + "} cannot be read ("
                + IoProblems.describe(e) + ")");
          }
        } else if (name.equals("__vault")) {
          return new Result(raw, false, true, null);
        } else {
          replacement = m.group(); // an unknown expander: ExpandVar leaves it, ExpandEnv then eats "$__x"
        }
        m.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(expanded);
      out.append(expandEnv(expanded.toString()));
    }
    String value = out.toString();
    return new Result(value, !value.equals(raw), false, null);
  }

  private String readFile(String argument) throws IOException {
    String relative = argument.strip();
    while (relative.startsWith("/") || relative.startsWith("\\")) {
      relative = relative.substring(1);
    }
    Path path = fileRoot.resolve(relative).normalize();
    if (!path.startsWith(fileRoot)) {
      throw new IOException("outside the file root");
    }
    // bounded like every read: a $__file{} that names /dev/zero or a pipe is refused, never read for ever
    byte[] bytes = SourceFiles.limitedTo(ReadSettings.DEFAULTS.maxFileSize()).snapshot(path).bytes();
    return new String(bytes, StandardCharsets.UTF_8).strip();
  }

  /** Go's {@code os.Expand} with the environment: {@code $NAME}, {@code ${NAME}}, special names. */
  String expandEnv(String s) {
    StringBuilder buf = null;
    int i = 0;
    int nextClose = -2; // the first "}" at or after where the last search began; -1: none is left
    for (int j = 0; j < s.length(); j++) {
      if (s.charAt(j) == '$' && j + 1 < s.length()) {
        if (buf == null) {
          buf = new StringBuilder(2 * s.length());
        }
        buf.append(s, i, j);
        // the text after the "$" starts at r (offsets below are relative to it, as in Go's getShellName)
        int r = j + 1;
        String name;
        int width;
        char c = s.charAt(r);
        if (c == '{') {
          if (s.length() - r > 2 && isShellSpecial(s.charAt(r + 1)) && s.charAt(r + 2) == '}') {
            name = s.substring(r + 1, r + 2);
            width = 3;
          } else {
            if (nextClose != -1 && nextClose < r + 1) {
              nextClose = s.indexOf('}', r + 1);
            }
            int close = nextClose;
            if (close == r + 1) {
              name = "";
              width = 2; // bad syntax: "${}" is eaten
            } else if (close < 0) {
              name = "";
              width = 1; // bad syntax: "${" is eaten
            } else {
              name = s.substring(r + 1, close);
              width = close - r + 1;
            }
          }
        } else if (isShellSpecial(c)) {
          name = s.substring(r, r + 1);
          width = 1;
        } else {
          int k = r;
          while (k < s.length() && isAlphaNum(s.charAt(k))) {
            k++;
          }
          name = s.substring(r, k);
          width = k - r;
        }
        if (name.isEmpty() && width > 0) {
          // invalid syntax: the characters are eaten
        } else if (name.isEmpty()) {
          buf.append('$'); // a "$" not followed by a name stays
        } else {
          buf.append(environment.getOrDefault(name, ""));
        }
        j += width;
        i = j + 1;
      }
    }
    if (buf == null) {
      return s;
    }
    return buf.append(s, Math.min(i, s.length()), s.length()).toString();
  }

  private static boolean isShellSpecial(char c) {
    return c == '*' || c == '#' || c == '$' || c == '@' || c == '!' || c == '?' || c == '-'
        || (c >= '0' && c <= '9');
  }

  private static boolean isAlphaNum(char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
