package io.promshift.syntax;

import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import io.promshift.text.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Where go-yaml's scanner (a port of libyaml's) cuts a text into tokens otherwise than SnakeYAML Engine, and how
 * the reader gets go-yaml's reading anyway.
 *
 * <p>Where go-yaml reads what the Engine refuses, or reads other data, the Engine is shown a text of the same
 * length with a few chars replaced, so that it cuts the tokens where go-yaml does; every offset, span and position
 * stays that of the file, and the few values that hold a replaced char are read back from the file here:
 * <ul>
 *   <li>a lone {@code -} before {@code , ] }} in a flow collection ({@code [a, -]}) is the text "-" for go-yaml;
 *       the Engine sees {@code x};
 *   <li>an alias followed by {@code :} ({@code *k: a}) ends at the {@code :} for go-yaml (a name is
 *       {@code [A-Za-z0-9_-]}); the Engine sees the key {@code xk} (or {@code 'k'} when no blank follows the
 *       {@code :}, {@code {*k:a}}), read back as the alias;
 *   <li>a tag holds {@code , [ ]} for go-yaml ({@code [!t, x]} is {@code x} tagged {@code !t,}); the Engine
 *       sees {@code -} there;
 *   <li>a block scalar whose leading blank lines are more indented than the line after them is empty for
 *       go-yaml when that line belongs to the enclosing collection; the Engine refuses it, and sees a plain
 *       scalar in place of the header;
 *   <li>in a flow collection, {@code :} before {@code , ] }} ends an unquoted value for the Engine, not for
 *       go-yaml ({@code {a:, b: c}} has the key "a:"); the Engine sees {@code x} there;
 *   <li>in a flow collection, {@code ?} before a non-blank is the key indicator for go-yaml ({@code {?a: b}} is
 *       {@code {a: b}}), the start of a plain scalar for the Engine; the Engine sees a space there ({@code [?a]},
 *       a one-pair mapping for go-yaml, is built from the Engine's scalar).
 * </ul>
 * The first four are found in the text before the Engine reads it; a candidate is kept only when the Engine's
 * reading confirms that a token starts there (a {@code - ,} in a quoted value is no token), else the text is read
 * again without it. The last two are found while reading, at an unquoted flow value, and read again. Readings are
 * linear in the text and at most {@value #MAX_READINGS}.
 *
 * <p>Where go-yaml refuses what the Engine reads, {@link #scalar} and {@link #checkRoot} refuse it: {@code ?} in an
 * unquoted flow value, {@code :} before {@code [ {} right after one, and a top-level unquoted value continued by a
 * {@code key:} line ({@code apiVersion:1} then {@code datasources:}).
 *
 * <p>One instance is one reading (not thread-safe); {@link #read} runs the readings.
 */
final class LibyamlTokens {
  /** A reading is repeated at most this many times before the text is read as the Engine reads it. */
  private static final int MAX_READINGS = 6;

  enum Kind {
    LONE_DASH, ALIAS_KEY, TAG, BLOCK_HEADER, COLON, QUESTION, ANCHOR_END
  }

  /** Where a scalar stands: the top node, a mapping's key or value, a sequence's item. */
  enum Place {
    TOP, KEY, VALUE, ITEM
  }

  /** A place where the Engine is shown another char; {@code end} is where go-yaml's token ends. */
  record Candidate(Kind kind, int start, int end) {}

  private final SourceText source;
  private final String text;
  private final List<Candidate> candidates;
  private final boolean[] confirmed;
  /** Unconfirmed candidates that an earlier one may have hidden: kept for the next reading. */
  private final boolean[] shadowed;
  private final List<Candidate> found = new ArrayList<>();
  /** Where the reading stopped (Grafana reads only the first document): candidates after it do not matter. */
  private int stoppedAt = Integer.MAX_VALUE;

  private LibyamlTokens(SourceText source, List<Candidate> candidates) {
    this.source = source;
    this.text = source.text();
    this.candidates = candidates;
    this.confirmed = new boolean[candidates.size()];
    this.shadowed = new boolean[candidates.size()];
  }

  /**
   * Reads a text as go-yaml's scanner cuts it: {@code reading} reads it once with the given tokens (and calls back
   * into them); it is repeated without the candidates the Engine's reading did not confirm.
   */
  static <T> T read(SourceText source, Function<LibyamlTokens, T> reading) {
    List<Candidate> active = find(source.text());
    SourceException furthest = null;
    for (int i = 0; i < MAX_READINGS; i++) {
      LibyamlTokens tokens = new LibyamlTokens(source, active);
      List<Candidate> next;
      try {
        T result = reading.apply(tokens);
        if (tokens.settled()) {
          return result;
        }
        next = tokens.next(Integer.MAX_VALUE);
      } catch (SourceException e) {
        next = tokens.next(e.position().offset());
        furthest = furthest == null || e.position().offset() >= furthest.position().offset() ? e : furthest;
        if (next.equals(active)) {
          // Nothing left to try: the refusal stands. A candidate dropped in an earlier reading may have been right,
          // and that reading got further: its refusal is the file's.
          throw furthest;
        }
      }
      if (next.equals(active)) {
        break;
      }
      active = next;
    }
    return reading.apply(new LibyamlTokens(source, List.of()));
  }

  /** The text the Engine reads: the file's, with the candidates' chars replaced. */
  String engineText() {
    if (candidates.isEmpty()) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (Candidate candidate : candidates) {
      switch (candidate.kind) {
        case LONE_DASH, COLON -> chars[candidate.start] = 'x';
        case QUESTION, ANCHOR_END -> chars[candidate.start] = ' ';
        case ALIAS_KEY -> {
          if (quotedAliasKey(candidate)) {
            // "*name:x" becomes "'nam':x": a quoted key, after which ':' is a value indicator with no space
            chars[candidate.start] = '\'';
            chars[candidate.end - 1] = '\'';
          } else {
            chars[candidate.start] = 'x'; // "*name: " becomes the plain key "xname: "
          }
        }
        case BLOCK_HEADER -> Arrays.fill(chars, candidate.start, candidate.end, 'x');
        case TAG -> {
          for (int i = candidate.start + 1; i < candidate.end; i++) {
            if (isTagOnlyForGoYaml(chars[i])) {
              chars[i] = '-';
            }
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return new String(chars);
  }

  /**
   * A comment's text as written, where the Engine read {@code value} ending at {@code end}: a candidate after the
   * first document stays unconfirmed and may lie in a comment.
   */
  String comment(String value, int start, int end) {
    if (candidates.isEmpty() || firstIn(start, end) < 0 || end > text.length() || value.length() > end) {
      return value;
    }
    return text.substring(end - value.length(), end);
  }

  /** The reading read no further than {@code offset}. */
  void stoppedAt(int offset) {
    stoppedAt = offset;
  }

  private boolean settled() {
    if (!found.isEmpty()) {
      return false;
    }
    for (int i = 0; i < confirmed.length && candidates.get(i).start <= stoppedAt; i++) {
      if (!confirmed[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether an alias key is shown quoted: when no blank or flow indicator follows its ':' (flow "{*k:a}"). */
  private boolean quotedAliasKey(Candidate candidate) {
    int after = candidate.end + 1;
    return after < text.length() && !isBlankOrBreak(text.charAt(after)) && ",[]{}".indexOf(text.charAt(after)) < 0;
  }

  /**
   * The candidates of the next reading: the confirmed ones, the new ones, and the unconfirmed ones after
   * {@code failedAt} or that an earlier one may have hidden.
   */
  private List<Candidate> next(int failedAt) {
    List<Candidate> next = new ArrayList<>(candidates.size() + found.size());
    for (int i = 0; i < candidates.size(); i++) {
      if (confirmed[i] || shadowed[i] || candidates.get(i).start > failedAt) {
        next.add(candidates.get(i));
      }
    }
    next.addAll(found);
    next.sort(Comparator.comparingInt(Candidate::start));
    return next;
  }

  /** The index of the candidate that starts at {@code offset}, or -1. */
  private int at(int offset) {
    int low = 0;
    int high = candidates.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int start = candidates.get(mid).start;
      if (start < offset) {
        low = mid + 1;
      } else if (start > offset) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The index of the first candidate that starts in [from, to), or -1. */
  private int firstIn(int from, int to) {
    int low = 0;
    int high = candidates.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (candidates.get(mid).start < from) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < candidates.size() && candidates.get(low).start < to ? low : -1;
  }

  /**
   * The alias's name when the Engine read a quoted scalar where go-yaml reads an alias followed by {@code :}
   * ({@code *k: a}), else null.
   */
  String aliasKey(int start, int end, boolean quoted, boolean flow) {
    int i = candidates.isEmpty() ? -1 : at(start);
    if (i < 0 || candidates.get(i).kind != Kind.ALIAS_KEY || candidates.get(i).end != end
        || quoted != quotedAliasKey(candidates.get(i))) {
      return null;
    }
    if (!flow && end + 1 < text.length() && !isBlankOrBreak(text.charAt(end + 1))) {
      return null; // "*k:a" in a block: ':' is no value indicator there, go-yaml refuses it
    }
    confirmed[i] = true;
    return text.substring(start + 1, end);
  }

  /** The tag as go-yaml reads it when a tag candidate starts in [from, to), else {@code tag} as the Engine read it. */
  String tag(String tag, int from, int to) {
    if (tag == null || candidates.isEmpty()) {
      return tag;
    }
    int i = firstIn(from, to);
    if (i < 0 || candidates.get(i).kind != Kind.TAG) {
      return tag;
    }
    Candidate candidate = candidates.get(i);
    int first = candidate.start + 1;
    while (!isTagOnlyForGoYaml(text.charAt(first))) {
      first++;
    }
    // the tag's suffix is copied as written (no %-escape in a candidate): its last chars are the replaced ones
    int replaced = candidate.end - first;
    if (tag.length() < replaced) {
      return tag;
    }
    confirmed[i] = true;
    return tag.substring(0, tag.length() - replaced) + text.substring(first, candidate.end);
  }

  /**
   * The scalar as go-yaml reads it, from the one the Engine read (in {@code [?x]} a one-pair mapping); refuses what
   * go-yaml refuses.
   *
   * @param flow whether the scalar is in a flow collection
   * @param parentStart where the collection that holds it starts, or -1 at the top
   */
  YamlNode scalar(ScalarNode read, boolean flow, Place place, int parentStart) {
    if (read.anchor() != null && !candidates.isEmpty()) {
      int anchorEnd = at(read.span().start() + 1 + read.anchor().length());
      if (anchorEnd >= 0 && candidates.get(anchorEnd).kind == Kind.ANCHOR_END && read.style() == ScalarStyle.PLAIN
          && read.tag() == null) {
        int from = candidates.get(anchorEnd).start;
        if (!flow) {
          // &a:b x: the value is ":b x", from the char the Engine was shown as a blank
          confirmed[anchorEnd] = true;
          read = new ScalarNode(read.span(), new Span(from, read.valueSpan().end()), text.charAt(from) + read.value(),
              ScalarStyle.PLAIN, null, read.anchor());
        } else if (place == Place.ITEM && text.charAt(from) == ':') {
          // [&a:b x]: in a flow collection ':' is a value indicator, so go-yaml reads a one-pair mapping whose key is
          // the anchored empty node: {&a : "b x"}
          confirmed[anchorEnd] = true;
          ScalarNode key = new ScalarNode(new Span(read.span().start(), from), Span.at(from), "", ScalarStyle.PLAIN,
              null, read.anchor());
          ScalarNode value = new ScalarNode(read.valueSpan(), read.valueSpan(), read.value(), ScalarStyle.PLAIN, null,
              null);
          return new MappingNode(read.span(), true, List.of(new MappingNode.Entry(key, value)), null, null);
        }
      }
    }
    int start = read.valueSpan().start();
    int end = read.valueSpan().end();
    if (read.style() != ScalarStyle.PLAIN || start >= end) {
      return read;
    }
    if (!candidates.isEmpty()) {
      shadow(start, end);
    }
    int i = candidates.isEmpty() ? -1 : at(start);
    if (i >= 0) {
      Candidate candidate = candidates.get(i);
      if (candidate.kind == Kind.LONE_DASH && flow && end == start + 1) {
        confirmed[i] = true;
        read = new ScalarNode(read.span(), read.valueSpan(), "-", ScalarStyle.PLAIN, read.tag(), read.anchor());
      } else if (candidate.kind == Kind.BLOCK_HEADER && !flow && end == candidate.end) {
        ScalarNode block = emptyBlockScalar(read, candidate, parentStart);
        if (block != null) {
          confirmed[i] = true;
          return block;
        }
      }
    }
    if (!flow) {
      return read;
    }
    int question = candidates.isEmpty() || start == 0 ? -1 : at(start - 1);
    if (question >= 0 && candidates.get(question).kind == Kind.QUESTION && place == Place.KEY) {
      confirmed[question] = true;
    }
    int colon = candidates.isEmpty() ? -1 : at(end - 1);
    if (colon >= 0 && candidates.get(colon).kind == Kind.COLON && end - 1 > start) {
      confirmed[colon] = true;
      String value = read.value();
      read = new ScalarNode(read.span(), read.valueSpan(), value.substring(0, value.length() - 1) + ':',
          ScalarStyle.PLAIN, read.tag(), read.anchor());
    }
    if (place == Place.ITEM && text.charAt(start) == '?' && end > start + 1 && text.charAt(start + 1) != '?'
        && read.tag() == null && read.anchor() == null) {
      // [?x]: go-yaml reads the key indicator, then the key x of a one-pair mapping {x: null}
      ScalarNode key = new ScalarNode(new Span(start + 1, end), new Span(start + 1, end), read.value().substring(1),
          ScalarStyle.PLAIN, null, null);
      checkFlowPlain(start + 1, end, Place.KEY);
      ScalarNode empty = new ScalarNode(Span.at(end), Span.at(end), "", ScalarStyle.PLAIN, null, null);
      return new MappingNode(read.span(), true, List.of(new MappingNode.Entry(key, empty)), null, null);
    }
    checkFlowPlain(start, end, place);
    return read;
  }

  /**
   * A wrong candidate in an unquoted value (a "tag" in {@code [a !t,b, -]}) can join it with the next tokens,
   * which then hides the candidates in them ({@code -}): only the first one inside is dropped.
   */
  private void shadow(int start, int end) {
    int i = firstIn(start + 1, end);
    if (i < 0 || candidates.get(i).kind == Kind.COLON && candidates.get(i).start == end - 1) {
      return; // none, or this value's own ':'
    }
    for (i++; i < candidates.size() && candidates.get(i).start < end; i++) {
      shadowed[i] = true;
    }
  }

  /** An unquoted value in a flow collection, from its first char to its end, as go-yaml's scanner cuts it. */
  private void checkFlowPlain(int start, int end, Place place) {
    if (text.charAt(start) == '?') {
      // "?x": a plain scalar for the Engine, the key indicator and "x" for go-yaml
      if (place == Place.KEY) {
        found.add(new Candidate(Kind.QUESTION, start, start + 1));
      } else if (place == Place.VALUE) {
        throw source.error(start, SourceException.Kind.SYNTAX, "invalid YAML: '?' starts an unquoted value in a"
            + " flow mapping's value: Grafana's YAML reader (go-yaml) reads it as the mark of a key there and"
            + " refuses the file (\"did not find expected node content\"); quote the value");
      }
    }
    for (int i = start + 1; i < end; i++) {
      if (text.charAt(i) == '?') {
        throw source.error(i, SourceException.Kind.SYNTAX, "invalid YAML: '?' in an unquoted value in a flow"
            + " collection ([...] or {...}): Grafana's YAML reader (go-yaml) ends the value before it and refuses"
            + " the file (\"did not find expected ',' or '}'\"); quote the value");
      }
    }
    if (end + 1 < text.length() && text.charAt(end) == ':') {
      char next = text.charAt(end + 1);
      if (next == ',' || next == ']' || next == '}') {
        found.add(new Candidate(Kind.COLON, end, end + 1));
      } else if (next == '[' || next == '{') {
        throw source.error(end + 1, SourceException.Kind.SYNTAX, "invalid YAML: a flow collection right after"
            + " ':' that ends an unquoted value in a flow collection: Grafana's YAML reader (go-yaml) reads the ':'"
            + " as part of the value and refuses the file (\"did not find expected ',' or '}'\"); put a space"
            + " after the ':'");
      }
    }
  }

  /**
   * The empty block scalar go-yaml reads where the Engine was shown a plain scalar for the header: go-yaml takes
   * the indentation of the most indented leading blank line, so the next line, less indented, is no content of
   * it; null unless that line belongs to the enclosing collection (else go-yaml refuses it too).
   */
  private ScalarNode emptyBlockScalar(ScalarNode read, Candidate candidate, int parentStart) {
    Header header = header(text, candidate.start);
    if (header == null || parentStart < 0 || nextContentColumn(header) > source.position(parentStart).column() - 1) {
      return null;
    }
    String value = header.keep ? "\n".repeat(header.breaks) : "";
    ScalarStyle style = text.charAt(candidate.start) == '|' ? ScalarStyle.LITERAL : ScalarStyle.FOLDED;
    return new ScalarNode(new Span(read.span().start(), header.contentStart),
        new Span(read.valueSpan().start(), header.contentStart), value, style, read.tag(), read.anchor());
  }

  /**
   * The indentation of the first line after the header's blank lines that is neither blank nor a comment (0 at the
   * end of the text): go-yaml ends the empty block scalar at a less indented line, and a comment there is only a
   * comment, whatever its indentation.
   */
  private int nextContentColumn(Header header) {
    int n = text.length();
    int lineStart = header.contentStart;
    while (true) {
      int k = lineStart;
      while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
        k++;
      }
      if (k >= n) {
        return 0;
      }
      if (text.charAt(k) != '#' && !isBreak(text.charAt(k))) {
        return k - lineStart;
      }
      while (k < n && !isBreak(text.charAt(k))) {
        k++;
      }
      if (k >= n) {
        return 0;
      }
      lineStart = skipBreak(text, k);
    }
  }

  /**
   * Refuses a top-level unquoted value that go-yaml continues onto a next line holding {@code key:} (then refuses
   * that ':'), where the Engine, reading comments, ends the value at the line break and the document with it.
   */
  static void checkRoot(SourceText source, YamlNode root) {
    if (!(root instanceof ScalarNode scalar) || scalar.style() != ScalarStyle.PLAIN || scalar.value().isEmpty()) {
      return;
    }
    String text = source.text();
    int n = text.length();
    int i = scalar.span().end();
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= n || !isBreak(text.charAt(i))) {
      return;
    }
    int lineStart = i;
    while (i < n && isBlankOrBreak(text.charAt(i))) {
      if (isBreak(text.charAt(i))) {
        lineStart = i + 1;
      }
      i++;
    }
    if (i >= n || text.charAt(i) == '#' || i == lineStart && isDocumentMarker(text, i)) {
      return;
    }
    for (int k = i + 1; k < n && !isBlankOrBreak(text.charAt(k)); k++) {
      if (text.charAt(k) == ':' && (k + 1 == n || isBlankOrBreak(text.charAt(k + 1)))) {
        throw source.error(k, SourceException.Kind.SYNTAX, "invalid YAML: mapping values are not allowed in this"
            + " context: Grafana's YAML reader (go-yaml) reads the lines before this ':' as one unquoted value, not"
            + " as a mapping, and refuses the file; a key's ':' must be followed by a space (\"apiVersion: 1\")");
      }
    }
  }

  // ---- the candidates in a text, before the Engine reads it ----

  static List<Candidate> find(String text) {
    List<Candidate> found = new ArrayList<>();
    findLoneDashes(text, found);
    findAliasKeys(text, found);
    findTags(text, found);
    findBlockHeaders(text, '|', found);
    findBlockHeaders(text, '>', found);
    findAnchorEnds(text, found);
    found.sort(Comparator.comparingInt(Candidate::start));
    return found;
  }

  /** {@code -} alone before {@code , ] }}: a plain scalar for go-yaml, a char no token starts with for the Engine. */
  private static void findLoneDashes(String text, List<Candidate> found) {
    for (int i = text.indexOf('-'); i >= 0 && i + 1 < text.length(); i = text.indexOf('-', i + 1)) {
      char next = text.charAt(i + 1);
      if ((next == ',' || next == ']' || next == '}') && startsToken(text, i)) {
        found.add(new Candidate(Kind.LONE_DASH, i, i + 1));
      }
    }
  }

  /**
   * {@code &name:rest} or {@code &name?rest}: go-yaml's anchor ends before the {@code :} or {@code ?}, and in block
   * context the unquoted value starts there ({@code &a:b x} is the anchor {@code a} on {@code ":b x"}); the Engine reads
   * the anchor on to the next blank. The Engine is shown a blank there, and the value gets the char back.
   */
  private static void findAnchorEnds(String text, List<Candidate> found) {
    int n = text.length();
    for (int i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
      int j = i + 1;
      while (j < n && isNameChar(text.charAt(j))) {
        j++;
      }
      if (j > i + 1 && j + 1 < n && (text.charAt(j) == ':' || text.charAt(j) == '?')
          && !isBlankOrBreak(text.charAt(j + 1)) && startsToken(text, i)) {
        found.add(new Candidate(Kind.ANCHOR_END, j, j + 1));
      }
    }
  }

  /** {@code *name:}, where go-yaml's alias ends before the {@code :} and the Engine's does not. */
  private static void findAliasKeys(String text, List<Candidate> found) {
    int n = text.length();
    for (int i = text.indexOf('*'); i >= 0; i = text.indexOf('*', i + 1)) {
      int j = i + 1;
      while (j < n && isNameChar(text.charAt(j))) {
        j++;
      }
      if (j > i + 1 && j < n && text.charAt(j) == ':' && startsToken(text, i)) {
        found.add(new Candidate(Kind.ALIAS_KEY, i, j));
      }
    }
  }

  /** {@code !suffix} or {@code !!suffix} whose suffix holds {@code , [ ]}, followed by a blank. */
  private static void findTags(String text, List<Candidate> found) {
    int n = text.length();
    for (int i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) {
      if (i + 1 >= n || text.charAt(i + 1) == '<' || !startsToken(text, i)) {
        continue;
      }
      int j = i + 1;
      if (text.charAt(j) == '!') {
        j++;
      } else {
        int name = j;
        while (name < n && isNameChar(text.charAt(name))) {
          name++;
        }
        if (name < n && text.charAt(name) == '!') {
          continue; // a named handle (!e!x), which needs a %TAG directive: left to the Engine
        }
      }
      boolean goYamlOnly = false;
      boolean plain = true;
      while (j < n && isUriChar(text.charAt(j))) {
        char c = text.charAt(j);
        goYamlOnly |= isTagOnlyForGoYaml(c);
        plain &= c != '%' && c != '!';
        j++;
      }
      if (goYamlOnly && plain && (j == n || isBlankOrBreak(text.charAt(j)))) {
        found.add(new Candidate(Kind.TAG, i, j));
      }
      i = j - 1;
    }
  }

  private static void findBlockHeaders(String text, char indicator, List<Candidate> found) {
    for (int i = text.indexOf(indicator); i >= 0; i = text.indexOf(indicator, i + 1)) {
      if (i == 0 || (text.charAt(i - 1) != ' ' && text.charAt(i - 1) != '\t')) {
        continue;
      }
      Header header = header(text, i);
      if (header != null && header.column > 0 && header.column < header.deepestBlank) {
        found.add(new Candidate(Kind.BLOCK_HEADER, i, header.end));
      }
    }
  }

  /**
   * A block scalar's header at {@code i} without an indentation indicator, and the blank lines after it.
   *
   * @param end where the indicators end
   * @param contentStart where the first line that is not blank starts
   * @param column that line's indentation
   * @param deepestBlank the most spaces on a blank line before it
   * @param breaks the line breaks between the header's line and that line
   */
  private record Header(int end, boolean keep, int contentStart, int column, int deepestBlank, int breaks) {}

  private static Header header(String text, int i) {
    int n = text.length();
    int j = i + 1;
    boolean keep = false;
    if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
      keep = text.charAt(j) == '+';
      j++;
    }
    int k = j;
    while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
      k++;
    }
    if (k < n && text.charAt(k) == '#' && k > j) {
      while (k < n && !isBreak(text.charAt(k))) {
        k++;
      }
    }
    if (k >= n || !isBreak(text.charAt(k))) {
      return null;
    }
    k = skipBreak(text, k);
    int deepest = 0;
    int breaks = 0;
    while (true) {
      int lineStart = k;
      while (k < n && text.charAt(k) == ' ') {
        k++;
      }
      if (k >= n || text.charAt(k) == '\t') {
        return null; // the end of the file, or a tab that go-yaml refuses as indentation: nothing to agree on
      }
      if (!isBreak(text.charAt(k))) {
        return new Header(j, keep, lineStart, k - lineStart, deepest, breaks);
      }
      deepest = Math.max(deepest, k - lineStart);
      breaks++;
      k = skipBreak(text, k);
    }
  }

  private static int skipBreak(String text, int k) {
    return text.charAt(k) == '\r' && k + 1 < text.length() && text.charAt(k + 1) == '\n' ? k + 2 : k + 1;
  }

  /** Whether a token can start at {@code i}: at the start, or after a blank, a break or {@code [ { ,}. */
  private static boolean startsToken(String text, int i) {
    if (i == 0) {
      return true;
    }
    char before = text.charAt(i - 1);
    return isBlankOrBreak(before) || before == '[' || before == '{' || before == ',';
  }

  /** go-yaml's anchor, alias and tag handle chars. */
  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  /** go-yaml's tag chars (libyaml's URI chars). */
  private static boolean isUriChar(char c) {
    return isNameChar(c) || ";/?:@&=+$,.!~*'()[]%".indexOf(c) >= 0;
  }

  /** Chars of a tag for go-yaml that end it for the Engine. */
  private static boolean isTagOnlyForGoYaml(char c) {
    return c == ',' || c == '[' || c == ']';
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  private static boolean isBlankOrBreak(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isDocumentMarker(String text, int i) {
    return i + 3 <= text.length() && (text.startsWith("---", i) || text.startsWith("...", i))
        && (i + 3 == text.length() || isBlankOrBreak(text.charAt(i + 3)));
  }
}
