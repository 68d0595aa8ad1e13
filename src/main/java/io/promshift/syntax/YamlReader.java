package io.promshift.syntax;

import io.promshift.text.Position;
import io.promshift.text.Printable;
import io.promshift.text.SourceException.Kind;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import io.promshift.text.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds the syntax tree of a file's first document from SnakeYAML Engine's event stream (comments on).
 *
 * <p>The tree is built here rather than by the Engine's recursive composer: the event parser is iterative,
 * so nesting depth is checked before any node is built (yaml-traps 4), every node gets its exact char span
 * (marks are code points after the BOM, yaml-traps 1), duplicate keys are found in every mapping with both
 * positions (yaml-traps 5, as go-yaml v3 refuses them), and alias expansion is measured without expanding
 * anything, with go-yaml v3's own "excessive aliasing" rule (yaml-traps 6). The characters are read as go-yaml reads
 * them ({@link GoYamlText}: control characters, NEL/LS/PS line breaks, its escapes, anchor names, directives; {@link
 * GoYamlTabs}: tabs in indentation), the Engine is made to cut the text into tokens where go-yaml's scanner
 * (libyaml's) does ({@link LibyamlTokens}), and its parser gets no comment it cannot take ({@link CommentLift}).
 *
 * <p>Thread-safe: holds only immutable settings; each call reads independently.
 */
public final class YamlReader {
  private final ReadSettings settings;
  private final LoadSettings loadSettings;

  public YamlReader(ReadSettings settings) {
    this.settings = settings;
    this.loadSettings = loadSettings(ENGINE_BUFFER);
  }

  private LoadSettings loadSettings(int bufferSize) {
    return LoadSettings.builder()
        .setParseComments(settings.comments())
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, settings.maxFileSize()))
        .setLabel("promshift")
        .setBufferSize(bufferSize)
        .build();
  }

  /**
   * The Engine's settings for one text. Its reader keeps a window of code points that it copies whole each
   * time it reads {@code bufferSize} more chars, and a token never leaves the window while the scanner looks
   * ahead through it (a quoted scalar, a comment, a block scalar's line): a token of n chars costs n²/buffer.
   * A scanner looks ahead within one line, so a buffer as long as the longest line keeps every read linear;
   * ordinary files keep the Engine's small default buffer.
   */
  private LoadSettings loadSettingsFor(SourceText source) {
    int longest = source.longestLine();
    return longest < ENGINE_BUFFER ? loadSettings : loadSettings(longest + 1);
  }

  public YamlReader() {
    this(ReadSettings.DEFAULTS);
  }

  public ReadSettings settings() {
    return settings;
  }

  /** Decodes and reads a file's bytes. */
  public YamlDocument read(String name, byte[] bytes) {
    if (bytes.length > settings.maxFileSize()) {
      throw new SourceException(name, Position.START, Kind.LIMIT, "the file is " + bytes.length
          + " bytes, over the limit of " + settings.maxFileSize() + " bytes");
    }
    return read(SourceText.decode(name, bytes));
  }

  /** Reads the first document of a decoded text. */
  public YamlDocument read(SourceText source) {
    return firstDocument(source, false);
  }

  /**
   * Reads the first document of a decoded text as go-yaml's parser builds it, leaving to the decoder what only
   * decoding refuses: a key written twice in one mapping is kept as a {@link DuplicateKey} (the later value wins), and
   * an alias inside the collection it names as a recursive {@link AliasNode}. Grafana refuses them only where its
   * structs decode them ({@code io.promshift.grafana.GoYaml}); the value of a key Grafana never reads is never
   * decoded. Everything else is refused as {@link #read(SourceText)} refuses it.
   */
  public YamlDocument readParsed(SourceText source) {
    return firstDocument(source, true);
  }

  /** Grafana's read of the first document; {@code asParsed} keeps what only decoding judges (see readParsed). */
  private YamlDocument firstDocument(SourceText source, boolean asParsed) {
    checkSize(source);
    GoYamlText goText = GoYamlText.forGrafana(source);
    return LibyamlTokens.read(source, tokens -> new Builder(source, asParsed, asParsed, tokens, goText).build());
  }

  private void checkSize(SourceText source) {
    if (source.length() > settings.maxFileSize()) {
      throw new SourceException(source.name(), Position.START, Kind.LIMIT, "the file is over the limit of "
          + settings.maxFileSize() + " bytes");
    }
  }

  /**
   * Reads every document of a text, as kubectl, Helm or Ansible read a file (not as Grafana reads a provisioning
   * file: it reads only the first document).
   *
   * @param keepLastDuplicate whether a key written twice in a mapping is kept as a {@link DuplicateKey} (the later
   *     value wins, as go-yaml v2 and PyYAML decode it) instead of refusing the text (go-yaml v3)
   * @throws SourceException with the position of the first problem in any document
   */
  public YamlStream readStream(SourceText source, boolean keepLastDuplicate) {
    checkSize(source);
    GoYamlText goText = GoYamlText.forStream(source);
    return LibyamlTokens.read(source,
        tokens -> new Builder(source, keepLastDuplicate, false, tokens, goText).buildStream());
  }

  /**
   * Whether the first document of {@link #readStream} is the one {@link #read} builds, so that a caller that read the
   * stream may take it as Grafana's: false when the text holds what only Grafana's read checks (a second byte order
   * mark, a directive, a tab in a line's indentation), and the file is to be read again with {@link #read}.
   */
  public static boolean streamReadsLikeGrafana(SourceText source) {
    return !GoYamlText.grafanaOnly(source.text());
  }

  /** One read: the state of building one tree. */
  private final class Builder {
    private final SourceText source;
    private final String text;
    private final boolean keepLastDuplicate;
    /** Whether an alias inside the collection it names is kept (for the decoder to judge) rather than refused. */
    private final boolean keepRecursiveAlias;
    private final LibyamlTokens tokens;
    private final CommentLift lift;
    private final Iterator<Event> events;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private IdentityHashMap<YamlNode, List<AliasNode>> aliasesByTarget = new IdentityHashMap<>();
    private List<Comment> comments = new ArrayList<>();
    private List<DuplicateKey> duplicates = new ArrayList<>();
    private YamlNode root;
    private long rootExpanded;
    private long rootAliased;
    private AliasNode largestAlias;
    private long largestAliasSize;
    private Event last;
    /** go-yaml's reading of the characters; the Engine parses its text (see {@link GoYamlText}). */
    /** The characters as go-yaml reads them, for the Engine and back. */
    private final GoYamlText goText;

    Builder(SourceText source, boolean keepLastDuplicate, boolean keepRecursiveAlias, LibyamlTokens tokens,
        GoYamlText goText) {
      this.source = source;
      this.text = source.text();
      this.keepLastDuplicate = keepLastDuplicate;
      this.keepRecursiveAlias = keepRecursiveAlias;
      this.tokens = tokens;
      this.goText = goText;
      // The Engine reads the text with go-yaml's characters (GoYamlText) and tokens (LibyamlTokens), each a
      // same-length substitution; spans and values come from the file's.
      LoadSettings engine = loadSettingsFor(source);
      String engineText = overlay(text, goText.engineText(), tokens.engineText());
      this.lift = new CommentLift(new ScannerImpl(engine, new StreamReader(engine, engineText)));
      this.events = new ParserImpl(engine, lift);
    }

    /** Every document: the state of one document is reset at its end (anchors never cross documents). */
    YamlStream buildStream() {
      List<YamlDocument> documents = parsing(() -> {
        List<YamlDocument> read = new ArrayList<>();
        while (readDocument(events)) {
          LibyamlTokens.checkRoot(source, root);
          checkAliasing();
          read.add(new YamlDocument(source, root, false, comments, aliasesByTarget, duplicates));
          anchors.clear();
          aliasesByTarget = new IdentityHashMap<>();
          comments = new ArrayList<>();
          duplicates = new ArrayList<>();
          root = null;
          rootExpanded = 0;
          rootAliased = 0;
          largestAlias = null;
          largestAliasSize = 0;
        }
        return read;
      });
      List<YamlDocument> linked = new ArrayList<>(documents.size());
      for (int i = 0; i < documents.size(); i++) {
        YamlDocument d = documents.get(i);
        linked.add(new YamlDocument(source, d.root(), i + 1 < documents.size(), d.comments(), d.aliasesByTarget(),
            d.duplicateKeys()));
      }
      return new YamlStream(source, linked);
    }

    YamlDocument build() {
      return parsing(() -> {
        boolean read;
        boolean more;
        int end = goText.readAheadEnd();
        try {
          read = readDocument(events);
          LibyamlTokens.checkRoot(source, root);
          more = read && hasAnotherDocument(events);
        } catch (MarkedYamlEngineException e) {
          // a directive right after the content: go-yaml ends the first document there, Grafana reads only that one
          int at = e.getProblemMark().map(m -> source.charOffset(m.getIndex())).orElse(-1);
          end = root != null && stack.isEmpty() ? goText.directiveEndsDocument(at) : -1;
          if (end < 0) {
            throw e;
          }
          more = true;
        }
        tokens.stoppedAt(lastOffset());
        GoYamlTabs.check(source, root, end);
        checkAliasing();
        return new YamlDocument(source, root, more, comments, aliasesByTarget, duplicates);
      });
    }

    /**
     * Builds the tree of the next document from the events; false when the stream ends before a document does.
     * Comments before a document's start belong to it.
     */
    private boolean readDocument(Iterator<Event> events) {
      boolean inDocument = false;
      while (events.hasNext()) {
        Event event = events.next();
        last = event;
        for (CommentEvent lifted : lift.takeLifted()) {
          comment(lifted);
        }
        goText.checkAnchor(event);
        switch (event.getEventId()) {
          case DocumentStart -> inDocument = true;
          case DocumentEnd -> {
            return true;
          }
          case Scalar -> scalarOrAlias((ScalarEvent) event);
          case Alias -> alias(((AliasEvent) event).getAlias().getValue(), start(event), end(event));
          case MappingStart, SequenceStart -> open((CollectionStartEvent) event);
          case MappingEnd, SequenceEnd -> close(event);
          case Comment -> {
            if (inDocument || root == null) {
              comment((CommentEvent) event);
            }
          }
          default -> { }
        }
      }
      return false;
    }

    /** Runs a read; whatever goes wrong reaches the caller as a positioned {@link SourceException}, never raw. */
    private <T> T parsing(java.util.function.Supplier<T> read) {
      try {
        return read.get();
      } catch (MarkedYamlEngineException e) {
        throw translate(e);
      } catch (YamlEngineException e) {
        throw new SourceException(source.name(), lastPosition(), Kind.SYNTAX, "invalid YAML: " + e.getMessage());
      } catch (SourceException e) {
        throw e;
      } catch (RuntimeException e) {
        // An Engine defect on odd input must still reach the caller as a positioned error, never raw.
        throw new SourceException(source.name(), lastPosition(), Kind.SYNTAX,
            "the YAML reader failed here (" + e.getClass().getSimpleName() + "); the file cannot be read");
      }
    }

    /** Grafana reads only the first document; whether anything follows is all we need to know. */
    private boolean hasAnotherDocument(Iterator<Event> events) {
      try {
        while (events.hasNext()) {
          Event event = events.next();
          if (event.getEventId() == Event.ID.DocumentStart) {
            return true;
          }
        }
        return false;
      } catch (RuntimeException e) {
        return true; // something follows that is not even valid YAML: Grafana never reads it
      }
    }

    private void open(CollectionStartEvent event) {
      if (stack.size() >= settings.maxDepth()) {
        throw source.error(start(event), Kind.LIMIT, "nesting is deeper than " + settings.maxDepth()
            + " levels; refusing to read further (a provisioning file never nests this deep)");
      }
      stack.push(new Frame(event, start(event)));
    }

    private void close(Event event) {
      Frame frame = stack.pop();
      CollectionStartEvent startEvent = frame.start;
      String anchor = anchorOf(startEvent.getAnchor());
      String tag = tokens.tag(startEvent.getTag().orElse(null), frame.startOffset, end(startEvent));
      boolean flow = startEvent.isFlow();
      int end = flow ? end(event) : frame.lastChildEnd;
      if (!flow && frame.children.isEmpty()) {
        end = frame.startOffset;
      }
      Span span = new Span(frame.startOffset, Math.max(frame.startOffset, end));
      YamlNode node;
      if (startEvent instanceof MappingStartEvent) {
        List<MappingNode.Entry> entries = new ArrayList<>(frame.children.size() / 2);
        for (int i = 0; i + 1 < frame.children.size(); i += 2) {
          entries.add(new MappingNode.Entry(frame.children.get(i), frame.children.get(i + 1)));
        }
        checkDuplicateKeys(entries);
        node = new MappingNode(span, flow, entries, tag, anchor);
      } else {
        node = new SequenceNode(span, flow, frame.children, tag, anchor);
      }
      add(node, saturatedAdd(frame.expanded, 1), frame.aliased);
    }

    /** A scalar, or the alias go-yaml reads where the Engine read a scalar ({@code *k: a}, see LibyamlTokens). */
    private void scalarOrAlias(ScalarEvent event) {
      Frame parent = stack.peek();
      boolean flow = parent != null && parent.start.isFlow();
      boolean quoted = event.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.SINGLE_QUOTED;
      String alias = event.getAnchor().isEmpty() && event.getTag().isEmpty()
          ? tokens.aliasKey(start(event), end(event), quoted, flow) : null;
      if (alias != null) {
        alias(alias, start(event), end(event));
      } else {
        LibyamlTokens.Place place = parent == null ? LibyamlTokens.Place.TOP
            : !(parent.start instanceof MappingStartEvent) ? LibyamlTokens.Place.ITEM
            : parent.children.size() % 2 == 0 ? LibyamlTokens.Place.KEY : LibyamlTokens.Place.VALUE;
        YamlNode node = tokens.scalar(scalar(event), flow, place, parent == null ? -1 : parent.startOffset);
        if (node instanceof MappingNode pair && pair.entries().get(0).key().anchor() != null) {
          // a one-pair mapping go-yaml reads where the Engine read a scalar ([&a:b x]): its key holds the anchor
          YamlNode key = pair.entries().get(0).key();
          anchors.put(key.anchor(), new Anchored(key, 1));
          add(node, 3, 0);
        } else {
          add(node, 1, 0);
        }
      }
    }

    private ScalarNode scalar(ScalarEvent event) {
      int start = start(event);
      int end = end(event);
      String anchor = anchorOf(event.getAnchor());
      String tag = event.getTag().orElse(null);
      int valueStart = anchor != null || tag != null ? skipProperties(start, end) : start;
      tag = tokens.tag(tag, start, valueStart);
      ScalarStyle style = switch (event.getScalarStyle()) {
        case PLAIN -> ScalarStyle.PLAIN;
        case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
        case DOUBLE_QUOTED -> ScalarStyle.DOUBLE_QUOTED;
        case LITERAL -> ScalarStyle.LITERAL;
        case FOLDED -> ScalarStyle.FOLDED;
        default -> ScalarStyle.PLAIN; // JSON_SCALAR_STYLE is an emitter setting, never parsed
      };
      if (style == ScalarStyle.DOUBLE_QUOTED) {
        refuseEscapesGoYamlRefuses(valueStart, end);
      }
      String value = goText.value(style, valueStart, end, event.getValue());
      if (style.isBlock() && end == text.length() && !source.endsWithLineBreak() && value.endsWith("\n")) {
        // At the end of a file without a final line break there is no break to keep: go-yaml (and YAML
        // 1.2) read "x" where the Engine reads "x\n".
        value = value.substring(0, value.length() - 1);
      }
      if (value.isEmpty() && style == ScalarStyle.PLAIN && anchor == null && tag == null) {
        // The Engine marks an empty value at the next token, which may be lines away; it belongs right
        // after the ':' of its key.
        int at = emptyValueOffset(start);
        return new ScalarNode(Span.at(at), Span.at(at), value, style, null, null);
      }
      return new ScalarNode(new Span(start, end), new Span(valueStart, end), value, style, tag, anchor);
    }

    /**
     * {@code \/} is an escape of YAML 1.2 that the Engine accepts and go-yaml's scanner (libyaml's) does not: Grafana
     * refuses the file ("found unknown escape character"), so promshift must too.
     */
    private void refuseEscapesGoYamlRefuses(int start, int end) {
      // a loop over the scalar alone: a text search from here would read to the next \/ of the file (or its end)
      // for every double-quoted scalar, quadratic in a large file
      for (int i = start + 1; i < end - 1; i++) {
        if (text.charAt(i) == '\\') {
          if (text.charAt(i + 1) == '/') {
            throw source.error(i, Kind.SYNTAX, "invalid YAML: found unknown escape character '/' in a double-quoted"
                + " scalar; Grafana's YAML reader (go-yaml) has no \\/ escape: write / alone");
          }
          i++; // the escaped char is not an escape's start
        }
      }
    }

    /** Where an empty mapping value sits: after its key's ':' (or where the Engine put it, elsewhere). */
    private int emptyValueOffset(int engineOffset) {
      Frame parent = stack.peek();
      if (parent == null || !(parent.start instanceof MappingStartEvent) || parent.children.size() % 2 == 0) {
        return engineOffset;
      }
      int i = parent.children.get(parent.children.size() - 1).span().end();
      while (i < engineOffset && text.charAt(i) != ':') {
        i++;
      }
      return i < engineOffset ? i + 1 : engineOffset;
    }

    /** The offset after {@code &anchor} and {@code !tag} (and the blanks or comments after them). */
    private int skipProperties(int start, int end) {
      int i = start;
      while (i < end && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
        while (i < end && !isBlank(text.charAt(i))) {
          i++;
        }
        while (i < end) {
          char c = text.charAt(i);
          if (isBlank(c)) {
            i++;
          } else if (c == '#') {
            while (i < end && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
              i++;
            }
          } else {
            break;
          }
        }
      }
      return i;
    }

    private void alias(String name, int start, int end) {
      Anchored anchored = anchors.get(name);
      Frame open = openCollectionAnchored(name);
      // go-yaml's parser names a collection by its anchor when the collection starts: an open collection names it
      // unless a node anchored later (inside it) took the name since
      if (open != null && (anchored == null || anchored.node.span().start() < open.startOffset)) {
        if (!keepRecursiveAlias) {
          throw source.error(start, Kind.SYNTAX, "the alias *" + name + " refers to the collection that contains it;"
              + " Grafana's YAML reader refuses such recursive documents");
        }
        add(AliasNode.recursive(new Span(start, end), name), 1, 0);
        return;
      }
      if (anchored == null) {
        // the name is not shown: an unquoted value that starts with * (a password, often) is read as an alias
        throw source.error(start, Kind.SYNTAX, "this alias (*…) refers to no anchor defined before it; a value"
            + " that starts with * is an alias in YAML: quote it if it is text");
      }
      AliasNode node = new AliasNode(new Span(start, end), name, anchored.node);
      aliasesByTarget.computeIfAbsent(anchored.node, k -> new ArrayList<>()).add(node);
      if (anchored.expanded > largestAliasSize) {
        largestAliasSize = anchored.expanded;
        largestAlias = node;
      }
      if (anchored.expanded > settings.maxAliasExpansion()) {
        throw aliasingError(node);
      }
      // go-yaml counts the alias node itself, then every node it stands for as decoded through an alias.
      add(node, saturatedAdd(anchored.expanded, 1), anchored.expanded);
    }

    /** The innermost collection still open whose anchor is {@code name}, or null. */
    private Frame openCollectionAnchored(String name) {
      for (Frame frame : stack) {
        if (frame.start.getAnchor().map(Anchor::getValue).filter(name::equals).isPresent()) {
          return frame;
        }
      }
      return null;
    }

    private void add(YamlNode node, long expanded, long aliased) {
      if (node.anchor() != null) {
        anchors.put(node.anchor(), new Anchored(node, expanded));
      }
      Frame parent = stack.peek();
      if (parent == null) {
        if (root == null) {
          root = node;
          rootExpanded = expanded;
          rootAliased = aliased;
        }
        return;
      }
      parent.children.add(node);
      parent.lastChildEnd = node.span().end();
      parent.expanded = saturatedAdd(parent.expanded, expanded);
      parent.aliased = saturatedAdd(parent.aliased, aliased);
      if (parent.expanded > settings.maxAliasExpansion() && largestAlias != null) {
        throw aliasingError(largestAlias);
      }
    }

    /** go-yaml v3's rule (decode.go allowedAliasRatio), applied to the whole document's counts. */
    private void checkAliasing() {
      long decoded = rootExpanded;
      long aliased = rootAliased;
      if (aliased > 100 && decoded > 1000 && (double) aliased / decoded > allowedAliasRatio(decoded)) {
        throw aliasingError(largestAlias);
      }
    }

    private SourceException aliasingError(AliasNode at) {
      int offset = at == null ? 0 : at.span().start();
      return source.error(offset, Kind.LIMIT, "excessive aliasing: the aliases in this document expand to too many"
          + " nodes (an alias bomb); Grafana's YAML reader refuses it too");
    }

    private void checkDuplicateKeys(List<MappingNode.Entry> entries) {
      int n = entries.size();
      if (n < 2) {
        return;
      }
      if (n <= SMALL_MAPPING) {
        // most mappings are small: comparing pairs beats hashing every key of a large file
        for (int i = 1; i < n; i++) {
          YamlNode key = entries.get(i).key();
          for (int j = 0; j < i; j++) {
            if (sameKey(entries.get(j).key(), key)) {
              duplicate(entries.get(j).key(), key);
              break;
            }
          }
        }
        return;
      }
      Map<String, YamlNode> seen = new HashMap<>(n * 2);
      for (MappingNode.Entry entry : entries) {
        String identity = keyIdentity(entry.key());
        if (identity != null) {
          YamlNode first = seen.putIfAbsent(identity, entry.key());
          if (first != null) {
            duplicate(first, entry.key());
          }
        }
      }
    }

    /** A key written twice: kept when this read keeps the last, else the document is refused. */
    private void duplicate(YamlNode first, YamlNode second) {
      if (keepLastDuplicate) {
        duplicates.add(new DuplicateKey(first, second));
        return;
      }
      throw new DuplicateKey(first, second).error(source);
    }

    private void comment(CommentEvent event) {
      if (event.getCommentType() == CommentType.BLANK_LINE) {
        return;
      }
      int end = Math.max(start(event), end(event));
      Comment comment = new Comment(new Span(start(event), end), goText.comment(tokens.comment(event.getValue(), start(event), end)),
          event.getCommentType() == CommentType.IN_LINE);
      int at = comments.size();
      while (at > 0 && comments.get(at - 1).span().start() > start(event)) {
        at--; // a comment lifted out of the Engine's parser (CommentLift) may come late
      }
      comments.add(at, comment);
    }

    private SourceException translate(MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      int offset = mark.map(m -> source.charOffset(m.getIndex())).orElse(lastOffset());
      StringBuilder message = new StringBuilder("invalid YAML: ");
      Optional<String> indentation = indentation(e);
      if (indentation.isPresent()) {
        message.append(indentation.get());
      } else {
        message.append(e.getProblem());
      }
      if (indentation.isEmpty() && e.getContext() != null && !e.getContext().isBlank()) {
        message.append(" (").append(e.getContext().strip());
        e.getContextMark().ifPresent(m -> message.append(" at line ").append(m.getLine() + 1)
            .append(", column ").append(m.getColumn() + 1));
        message.append(')');
      }
      if (text.contains("{{") || text.contains("{%")) {
        message.append("; the file looks like a template ({{ }} or {% %}): render it before promshift reads it");
      }
      return source.error(offset, Kind.SYNTAX, message.toString());
    }

    /**
     * The parser's words for a line that does not line up with its block ("expected <block end>, but found '<block
     * mapping start>'") in plain words, naming where the block starts: the most common YAML mistake in hand-written
     * provisioning files, and the parser's text names tokens a person never wrote.
     */
    private static Optional<String> indentation(MarkedYamlEngineException e) {
      String problem = e.getProblem() == null ? "" : e.getProblem();
      String context = e.getContext() == null ? "" : e.getContext();
      if (!problem.startsWith("expected <block end>") || !context.startsWith("while parsing a block")
          || e.getContextMark().isEmpty()) {
        return Optional.empty();
      }
      Mark block = e.getContextMark().get();
      String what = context.contains("mapping") ? "the mapping" : "the list";
      return Optional.of("bad indentation: this line does not line up with " + what + " that starts at line "
          + (block.getLine() + 1) + ", column " + (block.getColumn() + 1) + " (the keys of one mapping, and the"
          + " dashes of one list, start in the same column; a deeper line needs a key ending in ':' above it)");
    }

    // Plain code rather than Optional chains: these run for every event of every file.
    private int start(Event event) {
      Optional<Mark> mark = event.getStartMark();
      return mark.isPresent() ? source.charOffset(mark.get().getIndex()) : 0;
    }

    private int end(Event event) {
      Optional<Mark> mark = event.getEndMark();
      return mark.isPresent() ? source.charOffset(mark.get().getIndex()) : start(event);
    }

    private int lastOffset() {
      return last == null ? 0 : start(last);
    }

    private Position lastPosition() {
      return source.position(lastOffset());
    }
  }

  private static final class Frame {
    final CollectionStartEvent start;
    final int startOffset;
    final List<YamlNode> children = new ArrayList<>();
    int lastChildEnd;
    long expanded;
    long aliased;

    Frame(CollectionStartEvent start, int startOffset) {
      this.start = start;
      this.startOffset = startOffset;
      this.lastChildEnd = startOffset;
    }
  }

  private record Anchored(YamlNode node, long expanded) {}

  private static final int SMALL_MAPPING = 8;
  /** SnakeYAML Engine's default read buffer, in chars. */
  private static final int ENGINE_BUFFER = 1024;

  /**
   * go-yaml v3 calls two keys the same when they are of one kind with one value (quoting and tags aside);
   * collection keys are left out.
   */
  private static boolean sameKey(YamlNode a, YamlNode b) {
    if (a instanceof ScalarNode x && b instanceof ScalarNode y) {
      return x.value().equals(y.value());
    }
    return a instanceof AliasNode x && b instanceof AliasNode y && x.name().equals(y.name());
  }

  private static String keyIdentity(YamlNode key) {
    if (key instanceof ScalarNode scalar) {
      return "s:" + scalar.value();
    }
    return key instanceof AliasNode alias ? "a:" + alias.name() : null;
  }

  private static String anchorOf(Optional<Anchor> anchor) {
    return anchor.isPresent() ? anchor.get().getValue() : null;
  }

  static double allowedAliasRatio(long decodeCount) {
    final long low = 400_000;
    final long high = 4_000_000;
    if (decodeCount <= low) {
      return 0.99;
    }
    if (decodeCount >= high) {
      return 0.10;
    }
    return 0.99 - 0.89 * ((double) (decodeCount - low) / (high - low));
  }

  /**
   * Two same-length substitutions of one text made one: a char either changed is taken from it (they change
   * different chars: {@link GoYamlText} breaks, escapes and tabs; {@link LibyamlTokens} indicators).
   */
  static String overlay(String text, String first, String second) {
    if (first == text || first.equals(text)) {
      return second;
    }
    if (second == text || second.equals(text)) {
      return first;
    }
    char[] chars = second.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (first.charAt(i) != text.charAt(i)) {
        chars[i] = first.charAt(i);
      }
    }
    return new String(chars);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Keys are shown in messages: at most 80 code points, escaped by the printable-text policy. */
  static String printable(String s) {
    return Printable.shortened(s, 80);
  }
}
