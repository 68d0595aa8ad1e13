package io.promshift.embed;

/**
 * A step that rewrites the {@code $} of a text before Grafana reads it as a provisioning file (embedded-shapes §1.4):
 * such a text's {@code $VAR}, {@code ${VAR}} and {@code $(...)} are that step's, not Grafana's placeholders.
 */
public enum Expansion {
  /**
   * docker compose interpolates every string of a compose file when it reads it: {@code $VAR} and {@code ${VAR}}
   * (with {@code :-default} and friends) from the environment or {@code .env}; {@code $$} is one {@code $}.
   */
  COMPOSE("docker compose"),
  /**
   * The shell running a script expands an unquoted heredoc's body ({@code <<EOF}): {@code $VAR}, {@code ${...}},
   * {@code $(...)}, backquotes, and {@code \$}, {@code \`}, {@code \\}; a quoted delimiter ({@code <<'EOF'}) keeps the
   * body as written.
   */
  SHELL("the shell");

  /** What {@link #expand} writes for a value only the environment knows (a variable, a command's output). */
  public static final char UNKNOWN = '\uFFFC';

  private final String label;

  Expansion(String label) {
    this.label = label;
  }

  /** Who expands, as messages name it. */
  public String label() {
    return label;
  }

  /**
   * The text after this step, each substitution written as one {@link #UNKNOWN}: what tells whether a {@code $} the
   * author meant for Grafana ({@code $__env{X}}) survives to Grafana. Unknowns of an earlier step stay unknown.
   */
  public String expand(String text) {
    return this == COMPOSE ? compose(text) : shell(text);
  }

  /** compose-go's template: {@code $$}, {@code ${...}} (nested braces included), {@code $NAME}. */
  private static String compose(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c != '$') {
        out.append(c);
        i++;
      } else if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        out.append(UNKNOWN);
        i = closing(text, i + 1, '{', '}');
      } else if (isNameStart(next)) {
        out.append(UNKNOWN);
        i = nameEnd(text, i + 1);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * An unquoted heredoc body as the shell writes it: {@code \$ \` \\} are the char, a backslash-newline is nothing;
   * {@code ${...}}, {@code $(...)}, {@code $((...))}, {@code $NAME}, {@code $1}, {@code $?} and backquotes are
   * substitutions.
   */
  private static String shell(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '\\' && (next == '$' || next == '`' || next == '\\')) {
        out.append(next);
        i += 2;
      } else if (c == '\\' && next == '\n') {
        i += 2;
      } else if (c == '`') {
        out.append(UNKNOWN);
        int close = text.indexOf('`', i + 1);
        i = close < 0 ? text.length() : close + 1;
      } else if (c == '$' && next == '{') {
        out.append(UNKNOWN);
        i = closing(text, i + 1, '{', '}');
      } else if (c == '$' && next == '(') {
        out.append(UNKNOWN);
        i = closing(text, i + 1, '(', ')');
      } else if (c == '$' && isNameStart(next)) {
        out.append(UNKNOWN);
        i = nameEnd(text, i + 1);
      } else if (c == '$' && next != 0 && "0123456789@*#?$!-".indexOf(next) >= 0) {
        out.append(UNKNOWN);
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Past the bracket that closes the one at {@code open} (nested pairs counted), or the end. */
  private static int closing(String text, int open, char opening, char closing) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == opening) {
        depth++;
      } else if (c == closing && --depth == 0) {
        return i + 1;
      }
    }
    return text.length();
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static int nameEnd(String text, int from) {
    int i = from;
    while (i < text.length() && (isNameStart(text.charAt(i)) || (text.charAt(i) >= '0' && text.charAt(i) <= '9'))) {
      i++;
    }
    return i;
  }
}
