package io.promshift.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code NAME=value} environment file (systemd {@code EnvironmentFile}, Docker {@code --env-file}, the
 * {@code grafana.env} of a deployment): blank lines and {@code #} comments are skipped, an {@code export }
 * prefix is allowed, and a value wrapped in matching single or double quotes loses them. Nothing else is
 * interpreted.
 */
public final class EnvFile {
  private EnvFile() {}

  public static Map<String, String> read(Path path) throws IOException {
    return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
  }

  /** Parses the text; a line that is not {@code NAME=value} is an {@link IllegalArgumentException} naming it. */
  public static Map<String, String> parse(String name, String text) {
    Map<String, String> env = new LinkedHashMap<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? "" : line.substring(0, eq).strip();
      if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected NAME=value");
      }
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1);
      }
      env.put(key, value);
    }
    return env;
  }
}
