package io.promshift.io;

import io.promshift.syntax.ReadSettings;
import io.promshift.text.IoProblems;
import io.promshift.text.SourceFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

  /** Reads an env file within the default size limit of provisioning files ({@link ReadSettings#DEFAULTS}). */
  public static Map<String, String> read(Path path) throws IOException {
    return read(path, ReadSettings.DEFAULTS.maxFileSize());
  }

  /**
   * Reads an env file of at most {@code maxSize} bytes (the limit provisioning files get: a link to
   * {@code /dev/zero} is refused, not read for ever).
   *
   * @throws IOException whose message says in plain words why the file cannot be read ("no such file",
   *     "the file is over the limit of N bytes", "not valid UTF-8"); callers add the file's name
   * @throws IllegalArgumentException naming the first line that is not {@code NAME=value}
   */
  public static Map<String, String> read(Path path, long maxSize) throws IOException {
    byte[] bytes;
    try {
      bytes = SourceFiles.limitedTo(maxSize).snapshot(path).bytes();
    } catch (IOException e) {
      throw new IOException(IoProblems.describe(e), e);
    } catch (RuntimeException e) {
      throw new IOException(IoProblems.describe(e), e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not valid UTF-8", e);
    }
    return parse(path.toString(), text);
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
