package io.promshift.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A place in a YAML document as a list of steps: map keys (text) and list indexes. Printed the way people write
 * Helm {@code --set} paths: {@code grafana.additionalDataSources[0].jsonData.sigV4Auth},
 * {@code datasources["datasources.yaml"].datasources[1].type}. As a pattern ({@link #parse}) a step may be {@code *}
 * (any key) or {@code [*]} (any index).
 *
 * @param steps {@link String} keys and {@link Integer} indexes, from the document's root
 */
public record YamlPath(List<Object> steps) {
  /** Any key, in a pattern. */
  public static final String ANY_KEY = "*";
  /** Any index, in a pattern. */
  public static final Integer ANY_INDEX = -1;
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  public static final YamlPath ROOT = new YamlPath(List.of());

  /**
   * The reference tokens of a JSON pointer into a provisioning document, unescaped: {@code /a~1b/0} gives {@code a/b}
   * and {@code 0}; none for the root ({@code ""} or null).
   */
  public static List<String> pointerTokens(String pointer) {
    List<String> tokens = new java.util.ArrayList<>();
    if (pointer == null || pointer.isEmpty()) {
      return tokens;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  public YamlPath {
    steps = List.copyOf(steps);
    for (Object step : steps) {
      if (!(step instanceof String) && !(step instanceof Integer)) {
        throw new IllegalArgumentException("a step is a key or an index");
      }
    }
  }

  public YamlPath key(String key) {
    List<Object> more = new ArrayList<>(steps);
    more.add(key);
    return new YamlPath(more);
  }

  public YamlPath index(int index) {
    List<Object> more = new ArrayList<>(steps);
    more.add(index);
    return new YamlPath(more);
  }

  /** This path followed by another. */
  public YamlPath append(YamlPath rest) {
    List<Object> more = new ArrayList<>(steps);
    more.addAll(rest.steps);
    return new YamlPath(more);
  }

  public int size() {
    return steps.size();
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The last step, or null at the root. */
  public Object last() {
    return steps.isEmpty() ? null : steps.get(steps.size() - 1);
  }

  /** The key {@code back} steps up from the end when it is a key (0 = the last step), else null. */
  public String keyAt(int back) {
    int i = steps.size() - 1 - back;
    return i >= 0 && steps.get(i) instanceof String key ? key : null;
  }

  /** Whether this path, read as a pattern, matches {@code path} step for step. */
  public boolean matches(YamlPath path) {
    if (path.steps.size() != steps.size()) {
      return false;
    }
    for (int i = 0; i < steps.size(); i++) {
      Object want = steps.get(i);
      Object have = path.steps.get(i);
      boolean any = want instanceof String key ? key.equals(ANY_KEY) && have instanceof String
          : want.equals(ANY_INDEX) && have instanceof Integer;
      if (!any && !want.equals(have)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object step : steps) {
      if (step instanceof Integer index) {
        out.append('[').append(index.equals(ANY_INDEX) ? "*" : index.toString()).append(']');
      } else {
        String key = (String) step;
        if (SIMPLE_KEY.matcher(key).matches() || key.equals(ANY_KEY)) {
          if (!out.isEmpty()) {
            out.append('.');
          }
          out.append(key);
        } else {
          out.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
      }
    }
    return out.toString();
  }

  /**
   * Reads a path as users write it: keys separated by dots, {@code ["key.with.dots"]} or {@code ['key']} for any key,
   * {@code [3]} for an index, {@code *} and {@code [*]} for any key and any index.
   *
   * @throws IllegalArgumentException saying what is wrong and where
   */
  public static YamlPath parse(String text) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int n = text.length();
    if (n == 0) {
      throw new IllegalArgumentException("an empty path");
    }
    while (i < n) {
      char c = text.charAt(i);
      if (c == '.') {
        if (i == 0 || i + 1 >= n || text.charAt(i + 1) == '.' || text.charAt(i + 1) == '[') {
          throw new IllegalArgumentException("a dot without a key after it at character " + (i + 1));
        }
        i++;
        continue;
      }
      if (c == '[') {
        int close = text.indexOf(']', i);
        if (i + 1 < n && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'')) {
          char quote = text.charAt(i + 1);
          StringBuilder key = new StringBuilder();
          int j = i + 2;
          while (j < n && text.charAt(j) != quote) {
            if (text.charAt(j) == '\\' && quote == '"' && j + 1 < n) {
              j++;
            }
            key.append(text.charAt(j++));
          }
          if (j + 1 >= n || text.charAt(j + 1) != ']') {
            throw new IllegalArgumentException("an unclosed [\"key\"] at character " + (i + 1));
          }
          steps.add(key.toString());
          i = j + 2;
          continue;
        }
        if (close < 0) {
          throw new IllegalArgumentException("an unclosed [ at character " + (i + 1));
        }
        String inside = text.substring(i + 1, close);
        if (inside.equals("*")) {
          steps.add(ANY_INDEX);
        } else if (inside.matches("[0-9]{1,9}")) {
          steps.add(Integer.parseInt(inside));
        } else {
          throw new IllegalArgumentException("[" + inside + "] is neither an index, [*], nor a quoted key");
        }
        i = close + 1;
        continue;
      }
      int j = i;
      while (j < n && text.charAt(j) != '.' && text.charAt(j) != '[') {
        j++;
      }
      steps.add(text.substring(i, j));
      i = j;
    }
    return new YamlPath(steps);
  }
}
