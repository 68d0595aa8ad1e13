package io.promshift.rules;

import io.promshift.text.Position;
import io.promshift.text.Printable;
import io.promshift.text.SourceText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suppression comments of one file, as eslint and yamllint read theirs:
 *
 * <pre>
 * accessKey: AKIA... # promshift-disable-line literal-aws-key
 * # promshift-disable-next-line sigv4-auth-not-boolean, sigv4-keys-while-off -- set by the deploy job
 * sigV4Auth: "true"
 * </pre>
 *
 * <p>{@code promshift-disable-line} covers its own line, {@code promshift-disable-next-line} the line after it; the
 * rules are separated by commas or spaces, and none (or {@code all}) means every rule. Text after {@code --} is the
 * reason, kept as the suppression's justification. Findings are placed on the lines of the file as written (a finding
 * inside an embedded unit is already mapped to its outer line), so one scan of the file's text serves plain files and
 * embedded units alike: a comment inside a ConfigMap's block scalar is on an outer line too.
 *
 * <p>A directive is a YAML comment: a {@code #} at the start of a line or after a space or tab, outside a quoted
 * scalar. Quotes are followed within a line only (a scalar opens a quote where a YAML value can start: at the line's
 * start or after {@code :}, {@code -}, {@code ?}, {@code ,}, {@code [} or <code>{</code>); a multi-line quoted
 * scalar's later lines are read as plain text, which is where a lexer of one line must stop.
 *
 * <p>A read refusal (yaml-syntax, duplicate-key, template, limit, unreadable) is never suppressed: a file, or a unit,
 * that cannot be read is not judged by its own comments. Nor are the findings about the directives themselves. An
 * unknown rule id is a {@link Code#SUPPRESSION_UNKNOWN_RULE} warning at its place; a rule (or an {@code all}
 * directive) that suppresses nothing is a {@link Code#SUPPRESSION_UNUSED} info, as eslint's
 * {@code --report-unused-disable-directives} reports it, so stale comments are found.
 *
 * <p>Immutable and thread-safe.
 */
public final class Suppressions {
  /** Every directive starts so: a file without it has none, found without lexing a line. */
  private static final String MARK = "promshift-disable-";
  private static final String SAME_LINE = "promshift-disable-line";
  private static final String NEXT_LINE = "promshift-disable-next-line";
  private static final Pattern RULE = Pattern.compile("[^,\\s]+");
  /** What a directive may not suppress: the file could not be read, or the finding is about a directive. */
  private static final Set<Code> NEVER = EnumSet.of(Code.YAML_SYNTAX, Code.DUPLICATE_KEY, Code.TEMPLATE, Code.LIMIT,
      Code.UNREADABLE, Code.SUPPRESSION_UNKNOWN_RULE, Code.SUPPRESSION_UNUSED);

  /**
   * One rule a directive names, as written.
   *
   * @param id the id, in lower case ({@code all} for every rule)
   * @param at where it is written
   */
  public record Rule(String id, Position at) {}

  /**
   * One directive.
   *
   * @param at where its comment starts (the {@code #})
   * @param nextLine whether it covers the line after its own ({@code promshift-disable-next-line})
   * @param rules the rules it names; empty when it names none (every rule)
   * @param justification the text after {@code --}, or {@code ""}
   */
  public record Directive(Position at, boolean nextLine, List<Rule> rules, String justification) {
    public Directive {
      rules = List.copyOf(rules);
    }

    /** The 1-based line it covers. */
    public int line() {
      return nextLine ? at.line() + 1 : at.line();
    }

    /** Whether it suppresses every rule: it names none, or names {@code all}. */
    public boolean all() {
      return rules.isEmpty() || rules.stream().anyMatch(rule -> rule.id().equals("all"));
    }

    /** Whether it covers this finding: on its line, of a rule it names. */
    boolean covers(Diagnostic finding) {
      return finding.line() == line() && (all() || rules.stream().anyMatch(rule -> rule.id().equals(finding.rule())));
    }
  }

  /**
   * A file's findings with its directives applied.
   *
   * @param findings the findings no directive covers, and the findings about the directives (unknown rules, unused
   *     directives), in the order given, the latter last
   * @param suppressed the findings a directive covers, in the order given
   */
  public record Applied(List<Diagnostic> findings, List<Suppressed> suppressed) {
    public Applied {
      findings = List.copyOf(findings);
      suppressed = List.copyOf(suppressed);
    }
  }

  /** A file without directives. */
  public static final Suppressions NONE = new Suppressions("", List.of());

  private final String file;
  private final List<Directive> directives;

  private Suppressions(String file, List<Directive> directives) {
    this.file = file;
    this.directives = List.copyOf(directives);
  }

  /** The directives of text in memory ({@code name} is the file name its findings carry). */
  public static Suppressions scan(String name, String text) {
    return scan(SourceText.of(name, text));
  }

  /** The directives of a file's text, in file order. */
  public static Suppressions scan(SourceText source) {
    String text = source.text();
    int found = text.indexOf(MARK);
    if (found < 0) {
      return NONE; // the common case: one indexOf, no lexing
    }
    List<Directive> directives = new ArrayList<>();
    while (found >= 0) {
      int line = source.lineOf(found);
      int start = source.lineStart(line);
      int end = source.lineContentEnd(line);
      int hash = commentStart(text, start, end);
      if (hash >= 0) {
        Directive directive = directive(source, hash, end);
        if (directive != null) {
          directives.add(directive);
        }
      }
      found = text.indexOf(MARK, source.lineEnd(line)); // one comment per line: on from the next line
    }
    return new Suppressions(source.name(), directives);
  }

  public List<Directive> directives() {
    return directives;
  }

  public boolean isEmpty() {
    return directives.isEmpty();
  }

  /** Whether a directive can suppress findings of this code (never a read refusal, nor a finding about a directive). */
  public static boolean suppressible(Code code) {
    return !NEVER.contains(code);
  }

  /**
   * Applies the directives to the findings of this file: each finding a directive covers is suppressed (it records
   * the first such directive); then come the findings about the directives, unknown rules and unused ones.
   */
  public Applied apply(List<Diagnostic> findings) {
    if (directives.isEmpty()) {
      return new Applied(findings, List.of());
    }
    List<Diagnostic> kept = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>();
    // which rule of which directive suppressed something: [directive][rule], the last slot for a directive's "all"
    boolean[][] used = new boolean[directives.size()][];
    for (int d = 0; d < directives.size(); d++) {
      used[d] = new boolean[directives.get(d).rules().size() + 1];
    }
    for (Diagnostic finding : findings) {
      Directive first = null;
      if (suppressible(finding.code())) {
        for (int d = 0; d < directives.size(); d++) {
          Directive directive = directives.get(d);
          if (!directive.covers(finding)) {
            continue;
          }
          first = first == null ? directive : first;
          markUsed(directive, finding, used[d]);
        }
      }
      if (first == null) {
        kept.add(finding);
      } else {
        suppressed.add(new Suppressed(finding, first.at(), first.justification()));
      }
    }
    for (int d = 0; d < directives.size(); d++) {
      report(directives.get(d), used[d], kept);
    }
    return new Applied(kept, suppressed);
  }

  private static void markUsed(Directive directive, Diagnostic finding, boolean[] used) {
    List<Rule> rules = directive.rules();
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).id().equals(finding.rule()) || rules.get(r).id().equals("all")) {
        used[r] = true;
      }
    }
    used[rules.size()] = true;
  }

  /** The findings about one directive: each unknown rule, and what it names that suppressed nothing. */
  private void report(Directive directive, boolean[] used, List<Diagnostic> out) {
    String kind = directive.nextLine() ? NEXT_LINE : SAME_LINE;
    String where = directive.nextLine() ? "line " + directive.line() : "its line";
    if (directive.rules().isEmpty()) {
      if (!used[0]) {
        out.add(unused(directive.at(), kind + " (every rule) suppresses no finding on " + where));
      }
      return;
    }
    List<Rule> rules = directive.rules();
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      String id = rule.id();
      if (id.equals("all")) {
        if (!used[r]) {
          out.add(unused(rule.at(), kind + " all suppresses no finding on " + where));
        }
        continue;
      }
      java.util.Optional<Code> code = Code.find(id);
      if (code.isEmpty()) {
        out.add(new Diagnostic(file, rule.at(), Code.SUPPRESSION_UNKNOWN_RULE.severity(),
            Code.SUPPRESSION_UNKNOWN_RULE, "", "no rule is called " + shown(id) + ": " + kind
                + " suppresses nothing under this name", fixFor(id)));
      } else if (!suppressible(code.get())) {
        out.add(unused(rule.at(), id + " is never suppressed: a file or unit that cannot be read is not judged by its"
            + " own comments"));
      } else if (!used[r]) {
        out.add(unused(rule.at(), kind + " " + id + " suppresses nothing: no " + id + " finding on " + where));
      }
    }
  }

  private Diagnostic unused(Position at, String message) {
    return new Diagnostic(file, at, Code.SUPPRESSION_UNUSED.severity(), Code.SUPPRESSION_UNUSED, "", message,
        "remove the comment, or the rule from it");
  }

  /** A rule id as the user wrote it, printable and short (a comment may hold anything). */
  private static String shown(String id) {
    String cut = id.length() > 60 ? id.substring(0, 60) + "..." : id;
    return "\"" + Printable.escape(cut) + "\"";
  }

  /** The fix for an unknown rule: the rule meant, when an id is a typo away, else where the ids are. */
  private static String fixFor(String id) {
    return Code.meant(id).stream().findFirst().map(nearest -> "write " + nearest.id() + " (the rule id is misspelt)")
        .orElse("write a rule id as reports print it in brackets, e.g. literal-aws-key, or all");
  }

  /**
   * The char offset of the {@code #} that starts the line's comment, or -1: one outside a quoted scalar, at the line's
   * start or after a space or tab (YAML's rule: {@code a#b} is a plain scalar's text).
   */
  static int commentStart(String text, int from, int to) {
    char quote = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (quote == '"') {
        if (c == '\\') {
          i++; // an escaped char, a quote included
        } else if (c == '"') {
          quote = 0;
        }
      } else if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < to && text.charAt(i + 1) == '\'') {
            i++; // '' is a quote inside the scalar
          } else {
            quote = 0;
          }
        }
      } else if (c == '#' && (i == from || isSpace(text.charAt(i - 1)))) {
        return i;
      } else if ((c == '"' || c == '\'') && valueStarts(text, from, i)) {
        quote = c;
      }
    }
    return -1;
  }

  /**
   * Whether a scalar can start at {@code i}: at the line's start (after indentation), after a flow indicator, or after
   * a block indicator and a space. Elsewhere a quote is a plain scalar's text ({@code it's}, {@code a "b"}).
   */
  private static boolean valueStarts(String text, int from, int i) {
    int j = i - 1;
    while (j >= from && isSpace(text.charAt(j))) {
      j--;
    }
    if (j < from) {
      return true;
    }
    char before = text.charAt(j);
    if (before == '[' || before == '{' || before == ',') {
      return true;
    }
    return (before == ':' || before == '-' || before == '?') && j < i - 1;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  /** The directive a comment holds, or null when it holds none. */
  private static Directive directive(SourceText source, int hash, int end) {
    String text = source.text();
    int k = hash + 1;
    while (k < end && isSpace(text.charAt(k))) {
      k++;
    }
    boolean nextLine;
    int after;
    if (text.startsWith(NEXT_LINE, k)) {
      nextLine = true;
      after = k + NEXT_LINE.length();
    } else if (text.startsWith(SAME_LINE, k)) {
      nextLine = false;
      after = k + SAME_LINE.length();
    } else {
      return null;
    }
    if (after < end && !Character.isWhitespace(text.charAt(after))) {
      return null; // promshift-disable-lines, promshift-disable-line: ... are other words
    }
    int reason = reasonStart(text, after, end);
    int rulesEnd = reason < 0 ? end : reason;
    List<Rule> rules = new ArrayList<>();
    Matcher matcher = RULE.matcher(text).region(after, rulesEnd);
    while (matcher.find()) {
      rules.add(new Rule(matcher.group().toLowerCase(Locale.ROOT), source.position(matcher.start())));
    }
    String justification = reason < 0 ? "" : text.substring(reason + 2, end).strip();
    return new Directive(source.position(hash), nextLine, rules, justification);
  }

  /** Where {@code --} (after a space, before a space or the end) starts the reason, or -1. */
  private static int reasonStart(String text, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      if (text.charAt(i) == '-' && text.charAt(i + 1) == '-' && isSpace(text.charAt(i - 1))
          && (i + 2 == to || isSpace(text.charAt(i + 2)))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Suppressions that && file.equals(that.file) && directives.equals(that.directives);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, directives);
  }

  @Override
  public String toString() {
    return file + ": " + directives;
  }
}
