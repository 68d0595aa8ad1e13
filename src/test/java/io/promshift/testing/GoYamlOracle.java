package io.promshift.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Scanner;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.AliasToken;
import org.yaml.snakeyaml.tokens.AnchorToken;
import org.yaml.snakeyaml.tokens.DirectiveToken;
import org.yaml.snakeyaml.tokens.Token;

/**
 * Test oracle: an independent YAML reader that returns what go-yaml v3 ({@code gopkg.in/yaml.v3} v3.0.1,
 * {@code go.yaml.in/yaml/v3} v3.0.4; Grafana 9.4+) produces for {@code yaml.Unmarshal(text, &out)} with
 * {@code var out interface{}}.
 *
 * <p>SnakeYAML supplies the syntax (its scanner and event parser, with a few libyaml leniencies and checks
 * added, see below); composing, tag resolution and decoding are re-implemented here after go-yaml v3's
 * {@code parser}/{@code decode.go} and {@code resolve.go}. Checked differentially against go-yaml itself.
 *
 * <ul>
 *   <li>Only the first document is read; an empty stream (or one holding only comments) gives {@code null}.
 *       Like go-yaml's scanner, the oracle still scans two tokens past the token ending that document, so a
 *       scanner error right there fails the read.
 *   <li>Plain scalars are resolved like {@code resolve("", value)}: {@code true True TRUE false False FALSE}
 *       are booleans ({@code yes on y ...} stay strings); {@code "" ~ null Null NULL} are null; ints follow Go
 *       {@code strconv.ParseInt(s, 0, 64)} after removing {@code _} ({@code 0x 0o 0b}, {@code 012} = 10,
 *       sign allowed), then {@code ParseUint(s, 0, 64)} ({@link BigInteger}), then the float regex
 *       {@code ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$} ({@code 09} = 9.0; an overflowing float
 *       such as {@code 1e400} stays a string), then go-yaml's {@code 0b}/{@code 0o} fallbacks (which accept a
 *       sign after the prefix: {@code 0b-1} = -1); {@code .inf .Inf .INF} with optional sign and
 *       {@code .nan .NaN .NAN} are floats; {@code .5} and {@code .1_5} are floats (Go ParseFloat).
 *   <li>Timestamps (plain {@code 2001-12-14}, {@code 2001-12-14T21:59:43.10-05:00}, {@code 2001-12-14 21:59:43},
 *       {@code 2001-12-14t...}; Go {@code time.Parse} rules of current Go releases) decode to a Go
 *       {@code time.Time} in go-yaml v3 (v2 kept the text). The oracle returns the text Grafana stores for that
 *       value, Go's {@code time.Time} JSON form (RFC 3339 with nanoseconds, trailing zeros dropped, {@code Z} for
 *       a zero offset): {@code 2001-12-14} gives {@code "2001-12-14T00:00:00Z"}. Quoted dates stay as written.
 *   <li>Quoted and block scalars are strings, unless an explicit tag says otherwise. Explicit tags:
 *       {@code !!str} forces a string, {@code !!int "12"} = 12, {@code !!bool "true"} = true,
 *       {@code !!float 1} = 1.0, {@code !!null ""} = null, {@code !!timestamp "2001-12-14"} = a time;
 *       a mismatch ({@code !!bool yes}, {@code !!int abc}, {@code !!float 18446744073709551615}) throws;
 *       {@code !!binary} is base64-decoded (bytes read as UTF-8); any other tag ({@code !Ref x},
 *       {@code !!seq x}) leaves the scalar text. The non-specific tag {@code !} is ignored ({@code ! 12} = 12).
 *       Tags on mappings and sequences are ignored.
 *   <li>Mappings become {@code LinkedHashMap<String, Object>}: explicit keys in file order, then merged keys in
 *       merge order. A key is its scalar text as written ({@code 0x10}, {@code true} stay as text; an alias key
 *       gives the anchored scalar's text), which is what go-yaml gives when decoding into
 *       {@code map[string]interface{}} (Grafana's jsonData). A key that resolves to null ({@code ~}, {@code null},
 *       empty) is dropped together with its value (its value is still decoded, so its errors count, except
 *       where go-yaml skips it: a null key met while merging into a string-keyed map). A mapping or sequence
 *       used as a key throws.
 *   <li>Duplicate keys: two keys of one mapping with the same node kind and the same raw text (quoting and tags
 *       ignored; two {@code <<}; two aliases of one anchor) throw, naming both lines.
 *   <li>Merge keys: a {@code <<} key that is plain (or tagged {@code !!merge}) merges a mapping, an alias of a
 *       mapping, or a sequence of those (an alias of a sequence is refused, as in go-yaml). Explicit keys win,
 *       earlier merged maps win over later ones, a merged map's own merges apply after its explicit keys. A
 *       quoted {@code "<<"} is an ordinary key (and, as in go-yaml, a merged map's own {@code "<<"} key is
 *       never copied in).
 *   <li>Aliases are decoded again at each use (fresh copies). An alias inside its own anchor throws; so does an
 *       unknown anchor, and an anchor name beyond libyaml's {@code [0-9A-Za-z_-]}. Alias bombs are stopped by
 *       go-yaml's own rule ("document contains excessive aliasing": more than 99% of at least 1000 decoded nodes
 *       coming from aliases, scaling down to 10% at 4,000,000 nodes), which also bounds the work done.
 *   <li>More than 10000 nested flow collections, or more than 10000 nested block collections, throw
 *       ("exceeded max depth of 10000"), approximating libyaml's flow-level and indent-stack limits.
 *   <li>libyaml syntax where it differs from SnakeYAML: a tab may separate tokens where no simple key can
 *       start ({@code key:\tvalue}, after a quoted scalar, a tag or a flow collection, any mix of tabs and
 *       spaces in flow context); tab-indented lines are accepted inside a block of full-line comments; a comment
 *       may follow a block scalar header directly ({@code |#note}); {@code %YAML} other than 1.1 and unknown
 *       directives are refused; escapes of surrogates ({@code \}{@code uD800}) are refused.
 * </ul>
 *
 * <p>Not modelled: go-yaml's typed keys and its {@code nil} key in a {@code map[interface{}]interface{}} (the
 * oracle keeps raw-text keys and drops null keys); a tab-indented continuation line right after a plain scalar
 * (go-yaml accepts {@code "a: 1\n  \t# c"}, the oracle refuses it); other libyaml-versus-SnakeYAML syntax
 * differences not listed above; {@code !!binary} bytes that are not UTF-8 (Go keeps the raw bytes); times whose
 * JSON form Go refuses (a {@code +24:00} offset). Go 1.19's {@code time.Parse} refused more than nine fraction
 * digits and accepted offsets beyond 24 hours; the oracle follows current Go.
 */
public final class GoYamlOracle {

  /** Thrown for invalid YAML and for everything go-yaml v3 refuses while decoding (duplicate keys, bad tags, ...). */
  public static final class OracleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OracleException(String message) {
      super(message);
    }

    public OracleException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private GoYamlOracle() {}

  /**
   * The first YAML document of text, decoded as go-yaml v3 decodes into interface{}; null for an empty stream.
   *
   * @throws OracleException on invalid YAML or anything go-yaml v3 refuses (duplicate keys, tag mismatches,
   *     bad merges, excessive aliasing)
   */
  public static Object read(String text) {
    Objects.requireNonNull(text, "text");
    Node root = compose(text);
    if (root == null) {
      return null;
    }
    Decoder decoder = new Decoder();
    if (root.height <= INLINE_HEIGHT) {
      return decoder.document(root);
    }
    return onLargeStack(() -> decoder.document(root));
  }

  // ---------------------------------------------------------------------------------------------
  // Node tree (go-yaml's parser.go equivalent), built from SnakeYAML events.

  /** libyaml's max_flow_level and max_indents. */
  private static final int MAX_DEPTH = 10_000;

  /** Decode on the caller's stack up to this (alias-aware) nesting height; deeper trees use a large stack. */
  private static final int INLINE_HEIGHT = 200;

  private abstract static class Node {
    final int line;
    /** Nesting height counting through aliases (a leaf is 1). */
    int height = 1;
    /** A flow collection ({@code [...]}, <code>{...}</code>). */
    boolean flow;

    Node(int line) {
      this.line = line;
    }

    /** go-yaml's Node.Kind, for the duplicate key check. */
    abstract char kind();

    /** go-yaml's Node.Value: scalar text, alias name, "" for collections. */
    abstract String goValue();
  }

  private static final class Scalar extends Node {
    final String value;
    /** Explicit tag in go short form ({@code !!int}, {@code !Ref}); null when absent or the non-specific {@code !}. */
    final String tag;

    final boolean plain;

    Scalar(int line, String value, String tag, boolean plain) {
      super(line);
      this.value = value;
      this.tag = tag;
      this.plain = plain;
    }

    @Override
    char kind() {
      return 'S';
    }

    @Override
    String goValue() {
      return value;
    }
  }

  private static final class Sequence extends Node {
    final List<Node> items = new ArrayList<>();

    Sequence(int line) {
      super(line);
    }

    @Override
    char kind() {
      return 'Q';
    }

    @Override
    String goValue() {
      return "";
    }
  }

  private static final class Mapping extends Node {
    /** Keys and values alternating, as go-yaml's Node.Content. */
    final List<Node> content = new ArrayList<>();

    Mapping(int line) {
      super(line);
    }

    @Override
    char kind() {
      return 'M';
    }

    @Override
    String goValue() {
      return "";
    }
  }

  private static final class Alias extends Node {
    final String name;
    final Node target;

    Alias(int line, String name, Node target) {
      super(line);
      this.name = name;
      this.target = target;
    }

    @Override
    char kind() {
      return 'A';
    }

    @Override
    String goValue() {
      return name;
    }
  }

  private static final String LONG_TAG_PREFIX = "tag:yaml.org,2002:";

  private static String shortTag(String tag) {
    if (tag == null || tag.equals("!")) {
      return null;
    }
    if (tag.startsWith(LONG_TAG_PREFIX)) {
      return "!!" + tag.substring(LONG_TAG_PREFIX.length());
    }
    return tag;
  }

  private static int line(Event event) {
    return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
  }

  /** The root node of the first document, or null when the stream has no document. */
  private static Node compose(String text) {
    String source = text;
    for (int attempt = 0; ; attempt++) {
      try {
        return composeOnce(text, source);
      } catch (MarkedYAMLException e) {
        String retry = attempt < MAX_RETRIES ? libyamlLeniency(source, e) : null;
        if (retry == null) {
          throw new OracleException("invalid YAML: " + e.getMessage(), e);
        }
        source = retry;
      } catch (YAMLException e) {
        throw new OracleException("invalid YAML: " + e.getMessage(), e);
      }
    }
  }

  /** Bounds the re-parses done by {@link #libyamlLeniency}. */
  private static final int MAX_RETRIES = 10_000;

  /**
   * When SnakeYAML refuses text that libyaml accepts, the offending characters are pure separators or comments
   * for go-yaml. This returns the source with them replaced by spaces (same length, so every position and
   * value stays put) for another parse, or null when go-yaml refuses the text too.
   *
   * <ul>
   *   <li>SnakeYAML skips tabs between tokens only in flow context; libyaml also skips them in block context
   *       where no simple key may start (after the {@code :} of {@code key:}, a quoted scalar, a tag, a flow
   *       collection), and go-yaml's comment scanner swallows tab-indented lines in a block of full-line
   *       comments.
   *   <li>In flow context SnakeYAML skips spaces then tabs, but not spaces after a tab.
   *   <li>libyaml lets a comment follow a block scalar header directly ({@code |#note}).
   * </ul>
   */
  private static String libyamlLeniency(String source, MarkedYAMLException e) {
    String problem = e.getProblem();
    if (problem == null || e.getProblemMark() == null) {
      return null;
    }
    if (problem.startsWith("expected chomping or indentation indicators, but found #")) {
      // libyaml accepts a comment right after a block scalar header ("|#note"); SnakeYAML wants a blank first.
      // Blank out the comment (same length) and parse again.
      int hash = charOffset(source, e.getProblemMark().getIndex());
      if (hash >= source.length() || source.charAt(hash) != '#') {
        return null;
      }
      int end = hash;
      while (end < source.length() && !isBreak(source.charAt(end))) {
        end++;
      }
      return source.substring(0, hash) + " ".repeat(end - hash) + source.substring(end);
    }
    if (problem.contains("found character '\\ ' that cannot start any token")) {
      // In flow context SnakeYAML skips spaces, then tabs, but not spaces after a tab; libyaml skips any mix.
      int space = charOffset(source, e.getProblemMark().getIndex());
      StringBuilder fixed = new StringBuilder(source);
      boolean changed = false;
      for (int q = space - 1; q >= 0 && isBlank(source.charAt(q)); q--) {
        if (source.charAt(q) == '\t') {
          fixed.setCharAt(q, ' ');
          changed = true;
        }
      }
      return changed && space < source.length() && source.charAt(space) == ' ' ? fixed.toString() : null;
    }
    boolean betweenTokens = problem.contains("'\\t(TAB)' that cannot start any token");
    boolean afterTag = problem.contains("expected ' ', but found '\t'"); // libyaml: a tag ends at any blank
    if (!betweenTokens && !afterTag) {
      return null;
    }
    int tab = charOffset(source, e.getProblemMark().getIndex());
    if (tab >= source.length() || source.charAt(tab) != '\t') {
      return null;
    }
    if (betweenTokens && simpleKeyAllowedBefore(source, tab) && !inCommentBlock(source, tab)) {
      return null; // indentation, or after "- ", "? " or a complex key's ":": go-yaml refuses the tab too
    }
    return source.substring(0, tab) + ' ' + source.substring(tab + 1);
  }

  private static boolean isAnchorChar(int c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /**
   * go-yaml v3's comment scanner: once it meets a full-line comment, it also consumes the following comment
   * lines and the blank lines between them, whatever blanks (tabs included) indent them, as long as each next
   * '#' lies fewer than 512 characters past the end of the previous comment line. A tab in such a line is no
   * error for go-yaml, while SnakeYAML refuses it.
   */
  private static boolean inCommentBlock(String s, int tab) {
    int lineStart = tab;
    while (lineStart > 0 && !isBreak(s.charAt(lineStart - 1))) {
      lineStart--;
    }
    for (int i = lineStart; i < tab; i++) {
      if (!isBlank(s.charAt(i))) {
        return false;
      }
    }
    int p = tab;
    while (p < s.length() && isBlank(s.charAt(p))) {
      p++;
    }
    int hash;
    if (p < s.length() && s.charAt(p) == '#') {
      hash = p; // a comment line
    } else if (p == s.length() || isBreak(s.charAt(p))) {
      hash = nextCommentAfterBlankLines(s, p); // a blank line: consumed only on the way to a later comment
      if (hash < 0) {
        return false;
      }
    } else {
      return false;
    }
    int previousEnd = previousCommentLineEnd(s, lineStart);
    return previousEnd >= 0 && hash - previousEnd < 512;
  }

  /** The '#' of the next line holding only a comment, when only blank lines lie between; -1 otherwise. */
  private static int nextCommentAfterBlankLines(String s, int p) {
    while (p < s.length()) {
      while (p < s.length() && isBreak(s.charAt(p))) {
        p++;
      }
      while (p < s.length() && isBlank(s.charAt(p))) {
        p++;
      }
      if (p < s.length() && s.charAt(p) == '#') {
        return p;
      }
      if (p < s.length() && !isBreak(s.charAt(p))) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * The end (its line break) of the nearest line before lineStart that holds only a comment, when only blank
   * lines lie between; -1 otherwise.
   */
  private static int previousCommentLineEnd(String s, int lineStart) {
    int end = lineStart;
    while (end > 0) {
      int lineEnd = end - 1; // the break ending the previous line
      if (lineEnd > 0 && s.charAt(lineEnd) == '\n' && s.charAt(lineEnd - 1) == '\r') {
        lineEnd--; // CRLF
      }
      int start = lineEnd;
      while (start > 0 && !isBreak(s.charAt(start - 1))) {
        start--;
      }
      int q = start;
      while (q < lineEnd && isBlank(s.charAt(q))) {
        q++;
      }
      if (q < lineEnd && s.charAt(q) == '#') {
        return lineEnd;
      }
      if (q < lineEnd) {
        return -1; // content
      }
      end = start;
    }
    return -1;
  }

  /** Whether only blanks and block indicators ("-", "?", ":") precede position on its line. */
  private static boolean simpleKeyAllowedBefore(String source, int position) {
    int p = position - 1;
    while (true) {
      while (p >= 0 && (source.charAt(p) == ' ' || source.charAt(p) == '\t')) {
        p--;
      }
      if (p < 0 || source.charAt(p) == '\n' || source.charAt(p) == '\r' || source.charAt(p) == '\uFEFF') {
        return true;
      }
      char c = source.charAt(p);
      boolean indicator =
          (c == '-' || c == '?' || c == ':')
              && (p == 0 || " \t\r\n\uFEFF".indexOf(source.charAt(p - 1)) >= 0);
      if (!indicator) {
        return false;
      }
      p--;
    }
  }

  private static int charOffset(String text, int codePointIndex) {
    int count = text.codePointCount(0, text.length());
    return text.offsetByCodePoints(0, Math.min(codePointIndex, count));
  }

  private static Node composeOnce(String text, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(false);
    options.setCodePointLimit(Integer.MAX_VALUE);
    GoScanner scanner = new GoScanner(new ScannerImpl(new StreamReader(source), options));
    Parser parser = new ParserImpl(scanner);
    expect(parser, Event.ID.StreamStart);
    if (parser.checkEvent(Event.ID.StreamEnd)) {
      return null;
    }
    expect(parser, Event.ID.DocumentStart);
    Node root = composeNode(parser, text);
    Event end = parser.getEvent();
    if (!end.is(Event.ID.DocumentEnd)) {
      throw new OracleException("line " + line(end) + ": expected DocumentEnd event but got " + end.getEventId());
    }
    // go-yaml's scanner keeps two tokens of lookahead past the token that ends the document (the "..." it
    // consumed, or the "---" / end of stream it peeked), so scanner errors there still fail the file.
    int lookahead = ((DocumentEndEvent) end).getExplicit() ? 2 : 3;
    scanner.lookahead = true; // scanner errors only: the %YAML version is checked by libyaml's parser
    for (int i = 0; i < lookahead && !scanner.peekToken().getTokenId().equals(Token.ID.StreamEnd); i++) {
      scanner.getToken();
    }
    return root;
  }

  /**
   * SnakeYAML's scanner, plus go-yaml's refusal of unknown directives, of %YAML other than 1.1 and of anchor
   * names beyond [0-9A-Za-z_-].
   */
  private static final class GoScanner implements Scanner {
    private final Scanner delegate;
    boolean lookahead;

    GoScanner(Scanner delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean checkToken(Token.ID... choices) {
      return delegate.checkToken(choices);
    }

    @Override
    public boolean checkToken(Token.ID choice) {
      return delegate.checkToken(choice);
    }

    @Override
    public Token peekToken() {
      return delegate.peekToken();
    }

    @Override
    public Token getToken() {
      Token token = delegate.getToken();
      String anchor =
          token instanceof AnchorToken ? ((AnchorToken) token).getValue()
              : token instanceof AliasToken ? ((AliasToken) token).getValue() : null;
      if (anchor != null && !anchor.chars().allMatch(GoYamlOracle::isAnchorChar)) {
        // libyaml reads an anchor name as [0-9A-Za-z_-]+ followed by a blank or one of ?:,]}%@`
        throw new OracleException("line " + (token.getStartMark().getLine() + 1)
            + ": while scanning an " + (token instanceof AnchorToken ? "anchor" : "alias")
            + ": did not find expected alphabetic or numeric character");
      }
      if (token instanceof DirectiveToken) {
        String name = ((DirectiveToken<?>) token).getName();
        if (!"YAML".equals(name) && !"TAG".equals(name)) {
          throw new OracleException(
              "line " + (token.getStartMark().getLine() + 1) + ": found unknown directive name");
        }
      }
      if (!lookahead && token instanceof DirectiveToken && "YAML".equals(((DirectiveToken<?>) token).getName())) {
        List<?> version = ((DirectiveToken<?>) token).getValue();
        if (version == null || version.size() != 2
            || !Integer.valueOf(1).equals(version.get(0)) || !Integer.valueOf(1).equals(version.get(1))) {
          throw new OracleException(
              "line " + (token.getStartMark().getLine() + 1) + ": found incompatible YAML document (go-yaml reads only %YAML 1.1)");
        }
      }
      return token;
    }

    @Override
    public void resetDocumentIndex() {
      delegate.resetDocumentIndex();
    }
  }

  private static void expect(Parser parser, Event.ID id) {
    Event event = parser.getEvent();
    if (!event.is(id)) {
      throw new OracleException("line " + line(event) + ": expected " + id + " event but got " + event.getEventId());
    }
  }

  /** Iterative composer: no recursion, whatever the nesting. */
  private static Node composeNode(Parser parser, String text) {
    Map<String, Node> anchors = new HashMap<>();
    ArrayDeque<Node> open = new ArrayDeque<>();
    int flowDepth = 0;
    int blockDepth = 0;
    Node root = null;
    do {
      Event event = parser.getEvent();
      int line = line(event);
      Node node;
      boolean opens = false;
      switch (event.getEventId()) {
        case Scalar: {
          ScalarEvent e = (ScalarEvent) event;
          if (e.isDQuoted()) {
            checkEscapes(text, e);
          }
          node = new Scalar(line, e.getValue(), shortTag(e.getTag()), e.isPlain());
          break;
        }
        case Alias: {
          String name = ((AliasEvent) event).getAnchor();
          Node target = anchors.get(name);
          if (target == null) {
            throw new OracleException("line " + line + ": unknown anchor '" + name + "' referenced");
          }
          node = new Alias(line, name, target);
          node.height = target.height; // 1 for a target still open (recursive alias; refused when decoded)
          break;
        }
        case SequenceStart:
        case MappingStart: {
          node = event.is(Event.ID.SequenceStart) ? new Sequence(line) : new Mapping(line);
          node.flow = ((CollectionStartEvent) event).isFlow();
          if (node.flow) {
            flowDepth++;
          } else {
            blockDepth++;
          }
          if (flowDepth > MAX_DEPTH || blockDepth > MAX_DEPTH) {
            throw new OracleException("line " + line + ": exceeded max depth of " + MAX_DEPTH);
          }
          opens = true;
          break;
        }
        case SequenceEnd:
        case MappingEnd: {
          Node closed = open.pop();
          int height = 0;
          for (Node child : children(closed)) {
            height = Math.max(height, child.height);
          }
          closed.height = height + 1;
          if (closed.flow) {
            flowDepth--;
          } else {
            blockDepth--;
          }
          continue;
        }
        default:
          throw new OracleException("line " + line + ": unexpected " + event.getEventId() + " event");
      }
      String anchor = ((NodeEvent) event).getAnchor();
      if (anchor != null && !(node instanceof Alias)) {
        anchors.put(anchor, node); // registered before the children, as go-yaml does
      }
      if (open.isEmpty()) {
        root = node;
      } else {
        Node parent = open.peek();
        if (parent instanceof Sequence) {
          ((Sequence) parent).items.add(node);
        } else {
          ((Mapping) parent).content.add(node);
        }
      }
      if (opens) {
        open.push(node);
      }
    } while (!open.isEmpty());
    return root;
  }

  /**
   * libyaml refuses the 4- and 8-digit hex escapes of surrogates (D800-DFFF) and of code points beyond 10FFFF; SnakeYAML
   * accepts surrogates (and joins an escaped pair into one character).
   */
  private static void checkEscapes(String text, ScalarEvent e) {
    int from = charOffset(text, e.getStartMark().getIndex());
    int to = charOffset(text, e.getEndMark().getIndex());
    int quote = text.indexOf('"', from); // after any anchor or tag
    for (int i = quote + 1; i >= 1 && i < to - 1; i++) {
      if (text.charAt(i) != '\\') {
        continue;
      }
      char kind = text.charAt(i + 1);
      int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
      if (digits > 0 && i + 2 + digits <= to) {
        long code = Long.parseLong(text.substring(i + 2, i + 2 + digits), 16); // SnakeYAML checked the hex
        if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
          throw new OracleException(
              "line " + (e.getStartMark().getLine() + 1) + ": found invalid Unicode character escape code");
        }
      }
      i++; // skip the escaped character
    }
  }

  private static List<Node> children(Node node) {
    if (node instanceof Sequence) {
      return ((Sequence) node).items;
    }
    if (node instanceof Mapping) {
      return ((Mapping) node).content;
    }
    return Collections.emptyList();
  }

  private static Object onLargeStack(Supplier<Object> task) {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result[0] = task.get();
              } catch (StackOverflowError e) {
                failure[0] = new OracleException("document nests too deeply for the oracle", e);
              } catch (Throwable e) {
                failure[0] = e;
              }
            },
            "go-yaml-oracle",
            1L << 29);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OracleException("interrupted", e);
    }
    if (failure[0] instanceof RuntimeException) {
      throw (RuntimeException) failure[0];
    }
    if (failure[0] instanceof Error) {
      throw (Error) failure[0];
    }
    if (failure[0] != null) {
      throw new IllegalStateException(failure[0]);
    }
    return result[0];
  }

  // ---------------------------------------------------------------------------------------------
  // Decoder (go-yaml's decode.go, for an interface{} target with string-keyed maps).

  private static final Object DROPPED_KEY = new Object();

  private static final class Decoder {
    private int decodeCount;
    private int aliasCount;
    private int aliasDepth;
    private final Set<Alias> activeAliases = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Keys already set in the map being merged into (DROPPED_KEY stands for a null key); null outside a merge. */
    private Set<Object> mergedFields;

    Object document(Node root) {
      count(); // the document node
      return value(root);
    }

    /** go-yaml's unmarshal() bookkeeping and its alias-ratio guard. */
    private void count() {
      decodeCount++;
      if (aliasDepth > 0) {
        aliasCount++;
      }
      if (aliasCount > 100
          && decodeCount > 1000
          && (double) aliasCount / (double) decodeCount > allowedAliasRatio(decodeCount)) {
        throw new OracleException("document contains excessive aliasing");
      }
    }

    private static double allowedAliasRatio(int decodeCount) {
      final int low = 400_000;
      final int high = 4_000_000;
      if (decodeCount <= low) {
        return 0.99;
      }
      if (decodeCount >= high) {
        return 0.10;
      }
      return 0.99 - 0.89 * ((double) (decodeCount - low) / (double) (high - low));
    }

    private void enter(Alias alias) {
      if (!activeAliases.add(alias)) {
        throw new OracleException("line " + alias.line + ": anchor '" + alias.name + "' value contains itself");
      }
      aliasDepth++;
    }

    private void leave(Alias alias) {
      aliasDepth--;
      activeAliases.remove(alias);
    }

    /** Decodes into interface{}. */
    Object value(Node node) {
      count();
      if (node instanceof Alias) {
        Alias alias = (Alias) node;
        enter(alias);
        Object v = value(alias.target);
        leave(alias);
        return v;
      }
      if (node instanceof Scalar) {
        return scalarValue((Scalar) node);
      }
      if (node instanceof Sequence) {
        List<Node> items = ((Sequence) node).items;
        List<Object> list = new ArrayList<>(items.size());
        for (Node item : items) {
          list.add(value(item));
        }
        return list;
      }
      Mapping m = (Mapping) node;
      LinkedHashMap<String, Object> map = new LinkedHashMap<>();
      mapping(m, map, isStringMap(m));
      return map;
    }

    /**
     * go-yaml decodes a mapping into map[string]interface{} when every key is tagged !!str or !!merge, else into
     * map[interface{}]interface{}. The oracle returns string keys either way, but the two differ for a null key
     * met while merging into a string map: go-yaml then drops the entry without decoding its value.
     */
    private static boolean isStringMap(Mapping m) {
      for (int i = 0; i < m.content.size(); i += 2) {
        String tag = shortTagOf(m.content.get(i));
        if (!STR.equals(tag) && !MERGE.equals(tag)) {
          return false;
        }
      }
      return true;
    }

    /** go-yaml's Node.ShortTag() for a parsed node. */
    private static String shortTagOf(Node node) {
      if (node instanceof Alias) {
        return shortTagOf(((Alias) node).target);
      }
      if (node instanceof Mapping) {
        return "!!map";
      }
      if (node instanceof Sequence) {
        return "!!seq";
      }
      Scalar s = (Scalar) node;
      if (indicatedString(s)) {
        return STR;
      }
      if (s.tag != null) {
        return s.tag;
      }
      return s.plain && s.value.equals("<<") ? MERGE : resolveUnchecked("", s.value).tag;
    }

    /** Decodes a key into a Go string: the raw text, or DROPPED_KEY for a null key. */
    Object key(Node node) {
      count();
      if (node instanceof Alias) {
        Alias alias = (Alias) node;
        enter(alias);
        Object k = key(alias.target);
        leave(alias);
        return k;
      }
      if (node instanceof Scalar) {
        Scalar s = (Scalar) node;
        if (indicatedString(s)) {
          return s.value;
        }
        Resolved r = resolve(s.tag == null ? "" : s.tag, s.value, s.line);
        if (r.value == null) {
          return DROPPED_KEY;
        }
        if (r.tag.equals(BINARY)) {
          return decodeBinary((String) r.value, s.line);
        }
        return s.value;
      }
      if (node instanceof Mapping) {
        checkDuplicates((Mapping) node); // go-yaml checks the key mapping itself first
      }
      throw new OracleException(
          "line " + node.line + ": cannot unmarshal " + (node instanceof Mapping ? "!!map" : "!!seq")
              + " into string (a mapping key must be a scalar)");
    }

    /** Decodes a mapping (or an alias of one) into an existing map: a merge source. */
    private void into(Node node, LinkedHashMap<String, Object> out, boolean stringMap) {
      count();
      if (node instanceof Alias) {
        Alias alias = (Alias) node;
        enter(alias);
        into(alias.target, out, stringMap);
        leave(alias);
        return;
      }
      mapping((Mapping) node, out, stringMap);
    }

    private void mapping(Mapping m, LinkedHashMap<String, Object> out, boolean stringMap) {
      checkDuplicates(m);
      Set<Object> merged = mergedFields;
      mergedFields = null;
      Node mergeNode = null;
      List<Node> content = m.content;
      for (int i = 0; i < content.size(); i += 2) {
        Node k = content.get(i);
        if (isMerge(k)) {
          mergeNode = content.get(i + 1);
          continue;
        }
        Object key = key(k);
        if (key == DROPPED_KEY && stringMap) {
          continue; // a null key does not decode into a Go string: entry skipped, value never decoded
        }
        if (merged != null && !merged.add(key)) {
          continue; // already set by the map being merged into, or by an earlier merged map
        }
        Object v = value(content.get(i + 1)); // in a map[interface{}]interface{} a null key's value is decoded
        if (key != DROPPED_KEY) {
          out.put((String) key, v);
        }
      }
      mergedFields = merged;
      if (mergeNode != null) {
        merge(m, mergeNode, out, stringMap);
      }
    }

    private void merge(Mapping parent, Node mergeNode, LinkedHashMap<String, Object> out, boolean stringMap) {
      Set<Object> saved = mergedFields;
      if (saved == null) {
        Set<Object> fields = new HashSet<>();
        List<Node> content = parent.content;
        for (int i = 0; i < content.size(); i += 2) {
          fields.add(key(content.get(i))); // includes "<<" itself, as in go-yaml
        }
        mergedFields = fields;
      }
      if (mergeNode instanceof Mapping) {
        into(mergeNode, out, stringMap);
      } else if (mergeNode instanceof Alias) {
        if (!(((Alias) mergeNode).target instanceof Mapping)) {
          throw wantMap(mergeNode);
        }
        into(mergeNode, out, stringMap);
      } else if (mergeNode instanceof Sequence) {
        for (Node item : ((Sequence) mergeNode).items) {
          Node target = item instanceof Alias ? ((Alias) item).target : item;
          if (!(target instanceof Mapping)) {
            throw wantMap(item);
          }
          into(item, out, stringMap);
        }
      } else {
        throw wantMap(mergeNode);
      }
      mergedFields = saved;
    }

    private static OracleException wantMap(Node node) {
      return new OracleException("line " + node.line + ": map merge requires map or sequence of maps as the value");
    }

    private static boolean isMerge(Node key) {
      if (!(key instanceof Scalar)) {
        return false;
      }
      Scalar s = (Scalar) key;
      return s.value.equals("<<") && ((s.tag == null && s.plain) || MERGE.equals(s.tag));
    }

    private static void checkDuplicates(Mapping m) {
      List<Node> content = m.content;
      Map<String, Integer> first = new HashMap<>();
      int firstIndex = -1;
      int secondIndex = -1;
      int duplicates = 0;
      for (int i = 0; i < content.size(); i += 2) {
        Node k = content.get(i);
        Integer earlier = first.putIfAbsent(k.kind() + k.goValue(), i);
        if (earlier != null) {
          duplicates++;
          if (firstIndex < 0 || earlier < firstIndex) {
            firstIndex = earlier;
            secondIndex = i;
          }
        }
      }
      if (firstIndex >= 0) {
        Node ni = content.get(firstIndex);
        Node nj = content.get(secondIndex);
        String more = duplicates > 1 ? " (" + duplicates + " duplicate keys in this mapping)" : "";
        throw new OracleException(
            "line " + nj.line + ": mapping key " + goQuote(nj.goValue()) + " already defined at line " + ni.line
                + more);
      }
    }

    private static boolean indicatedString(Scalar s) {
      return STR.equals(s.tag) || (s.tag == null && !s.plain);
    }

    private static Object scalarValue(Scalar s) {
      if (indicatedString(s)) {
        return s.value;
      }
      Resolved r = resolve(s.tag == null ? "" : s.tag, s.value, s.line);
      if (r.tag.equals(BINARY)) {
        return decodeBinary((String) r.value, s.line);
      }
      if (r.value instanceof GoTime) {
        return ((GoTime) r.value).rfc3339Nano();
      }
      return r.value;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Resolution (go-yaml's resolve.go).

  private static final String NULL = "!!null";
  private static final String BOOL = "!!bool";
  private static final String STR = "!!str";
  private static final String INT = "!!int";
  private static final String FLOAT = "!!float";
  private static final String TIMESTAMP = "!!timestamp";
  private static final String BINARY = "!!binary";
  private static final String MERGE = "!!merge";

  private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  /** What Go's strconv.ParseFloat accepts for a string starting with '.'. */
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");

  private static final class Resolved {
    final String tag;
    final Object value;

    Resolved(String tag, Object value) {
      this.tag = tag;
      this.value = value;
    }
  }

  private static final Map<String, Resolved> RESOLVE_MAP = new HashMap<>();

  static {
    for (String s : new String[] {"true", "True", "TRUE"}) {
      RESOLVE_MAP.put(s, new Resolved(BOOL, Boolean.TRUE));
    }
    for (String s : new String[] {"false", "False", "FALSE"}) {
      RESOLVE_MAP.put(s, new Resolved(BOOL, Boolean.FALSE));
    }
    for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
      RESOLVE_MAP.put(s, new Resolved(NULL, null));
    }
    for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
      RESOLVE_MAP.put(s, new Resolved(FLOAT, Double.NaN));
    }
    for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
      RESOLVE_MAP.put(s, new Resolved(FLOAT, Double.POSITIVE_INFINITY));
    }
    for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
      RESOLVE_MAP.put(s, new Resolved(FLOAT, Double.NEGATIVE_INFINITY));
    }
    RESOLVE_MAP.put("<<", new Resolved(MERGE, "<<"));
  }

  private static boolean resolvable(String tag) {
    switch (tag) {
      case "":
      case STR:
      case BOOL:
      case INT:
      case FLOAT:
      case NULL:
      case TIMESTAMP:
        return true;
      default:
        return false;
    }
  }

  private static char hint(char first) {
    if (first == '+' || first == '-') {
      return 'S';
    }
    if (first >= '0' && first <= '9') {
      return 'D';
    }
    if ("yYnNtTfFoO~".indexOf(first) >= 0) {
      return 'M';
    }
    if (first == '.') {
      return '.';
    }
    return 0;
  }

  /** go-yaml's resolve(tag, in), including its check that an explicit tag matches the resolved kind. */
  private static Resolved resolve(String tag, String in, int line) {
    if (!resolvable(tag)) {
      return new Resolved(tag, in);
    }
    Resolved r = resolveUnchecked(tag, in);
    if (tag.isEmpty() || tag.equals(r.tag) || tag.equals(STR)) {
      return r;
    }
    if (tag.equals(FLOAT) && r.tag.equals(INT) && r.value instanceof Long) {
      return new Resolved(FLOAT, ((Long) r.value).doubleValue());
    }
    throw new OracleException("line " + line + ": cannot decode " + r.tag + " `" + in + "` as a " + tag);
  }

  private static Resolved resolveUnchecked(String tag, String in) {
    char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
    if (hint == 0 || tag.equals(STR)) {
      return new Resolved(STR, in);
    }
    Resolved fixed = RESOLVE_MAP.get(in);
    if (fixed != null) {
      return fixed;
    }
    switch (hint) {
      case '.': {
        // Go's strconv.ParseFloat(in): Go float literal syntax, '_' allowed only between digits.
        String stripped = in.replace("_", "");
        boolean syntax = DOT_FLOAT.matcher(stripped).matches() && (stripped.length() == in.length() || underscoreOk(in));
        Double f = syntax ? parseFloat(stripped) : null;
        if (f != null) {
          return new Resolved(FLOAT, f);
        }
        break;
      }
      case 'D':
      case 'S': {
        if (tag.isEmpty() || tag.equals(TIMESTAMP)) {
          GoTime t = parseTimestamp(in);
          if (t != null) {
            return new Resolved(TIMESTAMP, t);
          }
        }
        String plain = in.replace("_", "");
        Long i = parseInt(plain, 0);
        if (i != null) {
          return new Resolved(INT, i);
        }
        BigInteger u = parseUint(plain, 0);
        if (u != null) {
          return new Resolved(INT, u);
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
          Double f = parseFloat(plain);
          if (f != null) {
            return new Resolved(FLOAT, f);
          }
        }
        Resolved prefixed = prefixedFallback(plain, "0b", 2);
        if (prefixed == null) {
          prefixed = prefixedFallback(plain, "0o", 8);
        }
        if (prefixed != null) {
          return prefixed;
        }
        break;
      }
      default:
        break; // 'M': only the fixed words above
    }
    return new Resolved(STR, in);
  }

  /** go-yaml's explicit "0b"/"-0b" and "0o"/"-0o" branches (ParseInt with a fixed base accepts a sign). */
  private static Resolved prefixedFallback(String plain, String prefix, int base) {
    if (plain.startsWith(prefix)) {
      String digits = plain.substring(2);
      Long i = parseInt(digits, base);
      if (i != null) {
        return new Resolved(INT, i);
      }
      BigInteger u = parseUint(digits, base);
      if (u != null) {
        return new Resolved(INT, u);
      }
    } else if (plain.startsWith("-" + prefix)) {
      Long i = parseInt("-" + plain.substring(3), base);
      if (i != null) {
        return new Resolved(INT, i);
      }
    }
    return null;
  }

  /** Go strconv's underscoreOK for a decimal literal without sign or base prefix. */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else if (saw == '_') {
        return false;
      } else {
        saw = '!';
      }
    }
    return saw != '_';
  }

  /** Go strconv.ParseInt(s, base, 64); null on any error. */
  private static Long parseInt(String s, int base) {
    if (s.isEmpty()) {
      return null;
    }
    boolean negative = false;
    String digits = s;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      digits = s.substring(1);
    }
    BigInteger magnitude = parseUint(digits, base);
    if (magnitude == null) {
      return null;
    }
    if (negative) {
      return magnitude.compareTo(MAX_INT64.add(BigInteger.ONE)) > 0 ? null : magnitude.negate().longValue();
    }
    return magnitude.compareTo(MAX_INT64) > 0 ? null : magnitude.longValue();
  }

  /** Go strconv.ParseUint(s, base, 64) for strings without underscores; null on any error. */
  private static BigInteger parseUint(String s, int base) {
    if (s.isEmpty()) {
      return null;
    }
    String digits = s;
    if (base == 0) {
      base = 10;
      if (s.charAt(0) == '0') {
        char second = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
        if (second == 'b') {
          base = 2;
          digits = s.substring(2);
        } else if (second == 'o') {
          base = 8;
          digits = s.substring(2);
        } else if (second == 'x') {
          base = 16;
          digits = s.substring(2);
        } else {
          base = 8;
          digits = s.substring(1);
        }
      }
    }
    BigInteger n = BigInteger.ZERO;
    BigInteger b = BigInteger.valueOf(base);
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'Z') {
        d = c - 'A' + 10;
      } else {
        return null;
      }
      if (d >= base) {
        return null;
      }
      n = n.multiply(b).add(BigInteger.valueOf(d));
      if (n.compareTo(MAX_UINT64) > 0) {
        return null;
      }
    }
    return n;
  }

  /** Go strconv.ParseFloat(s, 64) for a decimal string: null when it overflows (Go returns ErrRange). */
  private static Double parseFloat(String s) {
    double d = Double.parseDouble(s);
    return Double.isInfinite(d) ? null : d;
  }

  private static String decodeBinary(String text, int line) {
    String compact = text.replace("\r", "").replace("\n", ""); // Go's StdEncoding skips only CR and LF
    try {
      if (compact.length() % 4 != 0) {
        throw new IllegalArgumentException("padding");
      }
      return new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OracleException("line " + line + ": !!binary value contains invalid base64 data", e);
    }
  }

  private static String goQuote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
              } else if (c == '\n') {
                b.append("\\n");
              } else if (c == '\t') {
                b.append("\\t");
              } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append('"').toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Timestamps: go-yaml's parseTimestamp with Go's time.Parse rules for its four layouts.

  /** A parsed go-yaml timestamp: wall clock as written plus its UTC offset in seconds. */
  private static final class GoTime {
    final int year;
    final int month;
    final int day;
    final int hour;
    final int minute;
    final int second;
    final int nanos;
    final int offsetSeconds;

    GoTime(int year, int month, int day, int hour, int minute, int second, int nanos, int offsetSeconds) {
      this.year = year;
      this.month = month;
      this.day = day;
      this.hour = hour;
      this.minute = minute;
      this.second = second;
      this.nanos = nanos;
      this.offsetSeconds = offsetSeconds;
    }

    /** Go's time.Time MarshalJSON / Format(time.RFC3339Nano). */
    String rfc3339Nano() {
      StringBuilder b = new StringBuilder();
      pad(b, year, 4).append('-');
      pad(b, month, 2).append('-');
      pad(b, day, 2).append('T');
      pad(b, hour, 2).append(':');
      pad(b, minute, 2).append(':');
      pad(b, second, 2);
      if (nanos != 0) {
        String fraction = String.format("%09d", nanos);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
          end--;
        }
        b.append('.').append(fraction, 0, end);
      }
      if (offsetSeconds == 0) {
        b.append('Z');
      } else {
        int zone = offsetSeconds / 60;
        if (zone < 0) {
          b.append('-');
          zone = -zone;
        } else {
          b.append('+');
        }
        pad(b, zone / 60, 2).append(':');
        pad(b, zone % 60, 2);
      }
      return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
      String s = Integer.toString(value);
      for (int i = s.length(); i < width; i++) {
        b.append('0');
      }
      return b.append(s);
    }
  }

  private static boolean isDigit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private static GoTime parseTimestamp(String s) {
    int i = 0;
    while (isDigit(s, i)) {
      i++;
    }
    if (i != 4 || i == s.length() || s.charAt(i) != '-') {
      return null;
    }
    for (int layout = 0; layout < 4; layout++) {
      GoTime t = parseLayout(s, layout);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /**
   * Layouts, in go-yaml's order: 0 "2006-1-2T15:4:5.999999999Z07:00", 1 the same with 't',
   * 2 "2006-1-2 15:4:5.999999999", 3 "2006-1-2".
   */
  private static GoTime parseLayout(String v, int layout) {
    int[] pos = {4};
    int year = Integer.parseInt(v.substring(0, 4));
    if (!literal(v, pos, '-')) {
      return null;
    }
    int month = getnum(v, pos);
    if (month < 1 || month > 12 || !literal(v, pos, '-')) {
      return null;
    }
    int day = getnum(v, pos);
    if (day < 0) {
      return null;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    int offset = 0;
    if (layout != 3) {
      if (layout == 2) {
        // A space in a Go layout matches one or more spaces (or the end of the value).
        if (pos[0] < v.length() && v.charAt(pos[0]) != ' ') {
          return null;
        }
        while (pos[0] < v.length() && v.charAt(pos[0]) == ' ') {
          pos[0]++;
        }
      } else if (!literal(v, pos, layout == 0 ? 'T' : 't')) {
        return null;
      }
      hour = getnum(v, pos);
      if (hour < 0 || hour >= 24 || !literal(v, pos, ':')) {
        return null;
      }
      minute = getnum(v, pos);
      if (minute < 0 || minute >= 60 || !literal(v, pos, ':')) {
        return null;
      }
      second = getnum(v, pos);
      if (second < 0 || second >= 60) {
        return null;
      }
      int p = pos[0];
      if (p + 1 < v.length() && (v.charAt(p) == '.' || v.charAt(p) == ',') && isDigit(v, p + 1)) {
        int start = p + 1;
        int end = start;
        while (isDigit(v, end)) {
          end++;
        }
        String digits = v.substring(start, Math.min(end, start + 9)); // Go keeps 9 digits, drops the rest
        nanos = Integer.parseInt(digits);
        for (int k = digits.length(); k < 9; k++) {
          nanos *= 10;
        }
        pos[0] = end;
      }
      if (layout != 2) {
        p = pos[0];
        if (p < v.length() && v.charAt(p) == 'Z') {
          pos[0]++;
        } else {
          if (v.length() - p < 6 || v.charAt(p + 3) != ':') {
            return null;
          }
          char sign = v.charAt(p);
          if (!isDigit(v, p + 1) || !isDigit(v, p + 2) || !isDigit(v, p + 4) || !isDigit(v, p + 5)) {
            return null;
          }
          int hh = Integer.parseInt(v.substring(p + 1, p + 3));
          int mm = Integer.parseInt(v.substring(p + 4, p + 6));
          if (hh > 24 || mm > 60) {
            return null;
          }
          offset = (hh * 60 + mm) * 60;
          if (sign == '-') {
            offset = -offset;
          } else if (sign != '+') {
            return null;
          }
          pos[0] = p + 6;
        }
      }
    }
    if (pos[0] != v.length()) {
      return null; // extra text
    }
    if (day < 1 || day > daysIn(month, year)) {
      return null;
    }
    return new GoTime(year, month, day, hour, minute, second, nanos, offset);
  }

  private static boolean literal(String v, int[] pos, char c) {
    if (pos[0] < v.length() && v.charAt(pos[0]) == c) {
      pos[0]++;
      return true;
    }
    return false;
  }

  /** Go's getnum(s, false): one or two digits; -1 when there is no digit. */
  private static int getnum(String v, int[] pos) {
    int p = pos[0];
    if (!isDigit(v, p)) {
      return -1;
    }
    if (!isDigit(v, p + 1)) {
      pos[0] = p + 1;
      return v.charAt(p) - '0';
    }
    pos[0] = p + 2;
    return (v.charAt(p) - '0') * 10 + (v.charAt(p + 1) - '0');
  }

  private static int daysIn(int month, int year) {
    switch (month) {
      case 2:
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }
}
