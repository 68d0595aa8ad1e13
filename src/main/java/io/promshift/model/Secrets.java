package io.promshift.model;

import io.promshift.grafana.GoList;
import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoValue;
import io.promshift.grafana.GoYaml;
import io.promshift.grafana.YamlDialect;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.Comment;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.syntax.YamlStream;
import io.promshift.text.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one secrets policy of promshift: what is a secret, and what of it anything promshift prints (diffs,
 * findings, reports) may show. Every decision to show or mask a value goes through here.
 *
 * <ul>
 *   <li>A key names a credential ({@link #isSecretKey}) by its normalised form: case-insensitive, with
 *       {@code _ - .} and spaces ignored. {@code secret_key}, {@code secretAccessKey}, {@code x-api-key},
 *       {@code tokenValue}, {@code password_hash}, {@code authorization}, {@code cookie} name one;
 *       {@code sigV4AuthType}, {@code tokenUri}, {@code passwordless}, {@code withCredentials},
 *       {@code keepCookies} do not.
 *   <li>Keys Grafana reads only from secureJsonData ({@link #isSecureJsonDataKey}) are a subset: found in
 *       jsonData or on the data source itself they are a finding, and they are secrets wherever they are.
 *   <li>A value is a secret by what it is in the model ({@link #of}): every value of a secureJsonData map,
 *       every value under a credential key (at any depth, anywhere in the document), and the {@code value}
 *       of a {@code {name: <credential header>, value: ...}} pair. Aliases and merge keys are followed to the
 *       node where the text is written, and that text is masked, wherever it sits in the file.
 *   <li>A value that is only placeholders ({@link #isPlaceholder}: {@code $__env{PW}}, {@code ${PW}},
 *       {@code $PW}) names where a secret is and is not one; null and empty values are not secrets.
 *   <li>Credentials inside text ({@link #maskCredentials}): the password of a URL's userinfo and the values
 *       of credential-like {@code name=value} parameters (query strings, connection strings), in every
 *       scalar, every comment, and the text of later documents (which Grafana never reads: masked whole).
 *   <li>Masking keeps lines: no masked span holds a line break, so every line of a masked multi-line value
 *       keeps its indentation and its line break and reads {@value #MASK}.
 *   <li>A message shows a secret only through {@link #redact}: a placeholder as written, otherwise at most
 *       its first 4 characters.
 * </ul>
 *
 * <p>An instance is the policy applied to one file; it is immutable and thread-safe.
 */
public final class Secrets {
  public static final String MASK = "••••••";

  /**
   * Keys Grafana and its data source plugins read only from secureJsonData (as spelled there; matched
   * normalised), besides {@code httpHeaderValueN}.
   */
  public static final Set<String> SECURE_JSON_DATA_KEYS = Set.of(
      "password", "basicAuthPassword", "sigV4AccessKey", "sigV4SecretKey", "sigV4SessionToken", "accessKey",
      "secretKey", "sessionToken", "tlsCACert", "tlsClientCert", "tlsClientKey", "azureClientSecret",
      "clientSecret", "privateKey", "certificatePassword");

  private static final Set<String> SECURE_NORMALISED = SECURE_JSON_DATA_KEYS.stream().map(Secrets::normalise)
      .collect(Collectors.toUnmodifiableSet());
  private static final Pattern HTTP_HEADER_VALUE = Pattern.compile("httpheadervalue[0-9]*");
  /**
   * A normalised credential key: a credential word at its end, optionally followed by a word that still means
   * the credential itself (tokenValue, passwordHash, secretKey); or one of a few whole words.
   */
  private static final Pattern SECRET_KEY = Pattern.compile(
      ".*(?:password|passwd|pwd|passphrase|secret|token|apikey|accesskey|accesskeyid|privatekey|clientkey"
          + "|sessionkey|authorization|cookie|bearer)(?:value|hash|key|data|string|text|b64|base64)?"
          + "|.*(?:secrets|passwords)|pass|auth|credentials?|securejsondata|httpheadervalue[0-9]*"
          + "|.*(?:encryptionkey|sshkey|signingkey|masterkey|jwt|jwtkey|jwtsecret)");
  /** One or more placeholders and nothing else: the forms Grafana expands, bare names in upper case only. */
  private static final Pattern PLACEHOLDERS = Pattern.compile(
      "(?:\\$__[A-Za-z]+\\{[^}]+}|\\$\\{[A-Za-z_][A-Za-z0-9_]*}|\\$[A-Z_][A-Z0-9_]*)+");
  // Each pattern below can only start where its first run of characters starts (the look-behind), and takes that
  // run whole (possessive): a line of a million letters costs one pass, not one pass per letter.
  private static final Pattern SCHEME = Pattern.compile("(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*+://");
  /** A user name that is a token: a known token prefix, or 20 and more characters of letters and digits. */
  private static final Pattern TOKEN_AS_USER = Pattern.compile(
      "(?:ghp_|gho_|ghs_|ghu_|github_pat_|glpat-|xox[abpr]-|sk-).*|[A-Za-z0-9_\\-.~%]{20,}");
  private static final Pattern PARAMETER = Pattern.compile("(?<![A-Za-z0-9_.\\[\\]-])([A-Za-z0-9_.\\[\\]-]++)=");
  /** {@code key: value} or {@code key=value} in a comment. */
  private static final Pattern COMMENTED =
      Pattern.compile("(?<![A-Za-z0-9_.\"'-])([A-Za-z0-9_.\"'-]++)[ \\t]*+[:=][ \\t]*+(?=\\S)");
  private static final Pattern DOCUMENT_MARKER = Pattern.compile("(?m)^(?:---|\\.\\.\\.)(?=[ \\t\\r\\n]|$)");

  private final String text;
  private final Set<YamlNode> secretNodes;
  private final List<Span> spans;

  /**
   * The policy applied to every document of a stream (Helm values, Kubernetes manifests), each decoded by the reader
   * of its layer: what status, validate and migrate read of a file with embedded data sources, where every document
   * matters (not only the first, as in a provisioning file).
   */
  public static Secrets of(YamlStream stream, YamlDialect dialect) {
    return new Secrets(stream, dialect);
  }

  private Secrets(YamlStream stream, YamlDialect dialect) {
    this.text = stream.source().text();
    Finder finder = new Finder(text);
    for (YamlDocument document : stream.documents()) {
      if (document.root() == null) {
        continue;
      }
      GoValue root = GoYaml.resolve(document, dialect);
      finder.walk(root, false);
      if (root instanceof GoMap object && object.get("kind").filter(kind -> kind.toPlain().equals("Secret")).isPresent()) {
        // a Kubernetes Secret's files are secret whatever their keys are called (their text, or its base64)
        for (String section : List.of("data", "stringData")) {
          object.get(section).ifPresent(files -> finder.walk(files, true));
        }
      }
      finder.text(document);
    }
    this.secretNodes = Collections.unmodifiableSet(finder.secretNodes);
    this.spans = merge(finder.spans);
  }

  private Secrets(ProvisioningFile file) {
    this.text = file.document().source().text();
    Finder finder = new Finder(text);
    finder.walk(file.root(), false);
    finder.text(file.document());
    YamlNode root = file.document().root();
    if (file.document().moreDocuments()) {
      finder.laterDocuments(root == null ? 0 : root.span().end());
    }
    this.secretNodes = Collections.unmodifiableSet(finder.secretNodes);
    this.spans = merge(finder.spans);
  }

  // ------------------------------------------------------------------------------------------ keys

  /** The key as the policy compares it: lower case, without {@code _ - .} and spaces. */
  public static String normalise(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '_' && c != '-' && c != '.' && c != ' ') {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** Whether a key names a credential, so that its value (all of it, at any depth) is a secret. */
  public static boolean isSecretKey(String key) {
    if (key == null) {
      return false;
    }
    String k = normalise(key);
    return SECRET_KEY.matcher(k).matches() || SECURE_NORMALISED.contains(k);
  }

  /**
   * Whether Grafana reads this key only from secureJsonData ({@link #SECURE_JSON_DATA_KEYS} and
   * {@code httpHeaderValueN}, matched normalised). Each such key is also a {@linkplain #isSecretKey secret key}.
   */
  public static boolean isSecureJsonDataKey(String key) {
    if (key == null) {
      return false;
    }
    String k = normalise(key);
    return SECURE_NORMALISED.contains(k) || HTTP_HEADER_VALUE.matcher(k).matches();
  }

  // ------------------------------------------------------------------------------------------ values

  /**
   * Whether the text is only placeholders ({@code $__env{NAME}}, {@code $__file{path}}, {@code $__vault{..}},
   * {@code ${NAME}}, {@code $NAME} with NAME in upper case), blanks around them aside: it names where a secret
   * is, and may be shown. {@code $ecr3t!} and {@code pre-$__env{X}} are not.
   */
  public static boolean isPlaceholder(String text) {
    return text != null && !text.isBlank() && PLACEHOLDERS.matcher(text.strip()).matches();
  }

  /** A secret as a message may show it: a placeholder as written, otherwise at most its first 4 characters. */
  public static String redact(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "(empty)";
    }
    if (isPlaceholder(secret)) {
      return secret; // a placeholder names where the secret is, it is not the secret
    }
    int keep = Math.min(4, secret.codePointCount(0, secret.length()) / 4);
    return secret.substring(0, secret.offsetByCodePoints(0, keep)) + MASK;
  }

  /**
   * The text with the credentials it holds masked: the password of a URL's userinfo
   * ({@code https://user:••••••@host}) and the values of credential-like {@code name=value} parameters
   * ({@code ?token=••••••&step=30}, {@code Password=••••••;}). The rest stays readable.
   */
  public static String maskCredentials(String text) {
    if (text == null) {
      return null;
    }
    List<Span> found = new ArrayList<>();
    credentialsIn(text, 0, text.length(), found);
    return apply(text, merge(found));
  }

  // ------------------------------------------------------------------------------------------ one file

  /** The policy applied to one file: which nodes hold secrets, and the spans to mask. */
  public static Secrets of(ProvisioningFile file) {
    return new Secrets(file);
  }

  /** The spans of every secret in the file, sorted, not overlapping, none holding a line break. */
  public static List<Span> spans(ProvisioningFile file) {
    return of(file).maskedSpans();
  }

  /** The file's text with every secret replaced by {@link #MASK} (quotes, indentation and lines kept). */
  public static String mask(ProvisioningFile file) {
    return of(file).maskedText();
  }

  /**
   * Whether the node (an alias: the node it stands for) holds a secret in this file: a scalar reached as a
   * secret from anywhere, placeholders and empty values included.
   */
  public boolean isSecret(YamlNode node) {
    return node != null && secretNodes.contains(AliasNode.resolve(node));
  }

  /**
   * A text with more spans masked than this policy found (the secrets of a provisioning file inside one of its
   * strings, mapped to the file): every span of either, merged.
   */
  public String maskedText(List<Span> more) {
    List<Span> all = new ArrayList<>(spans);
    all.addAll(more);
    return apply(text, merge(all));
  }

  /** The spans to mask, sorted, not overlapping, none holding a line break. */
  public List<Span> maskedSpans() {
    return spans;
  }

  /** The file's text with every span masked. */
  public String maskedText() {
    return apply(text, spans);
  }

  // ------------------------------------------------------------------------------------------ finding them

  /** Collects secret nodes (by the model) and spans to mask (by the model and by the text). */
  private static final class Finder {
    final String text;
    final Set<YamlNode> secretNodes = Collections.newSetFromMap(new IdentityHashMap<>());
    final List<Span> spans = new ArrayList<>();
    /** Collections walked, and whether as secrets: an anchored one is walked at most twice. */
    final Map<GoValue, Boolean> seen = new IdentityHashMap<>();

    Finder(String text) {
      this.text = text;
    }

    /** One document's text: credentials in its scalars and comments (after its values were walked by the model). */
    void text(YamlDocument document) {
      if (document.root() != null) {
        scanSyntax(document.root());
      }
      for (Comment comment : document.comments()) {
        comment(comment.span());
      }
    }

    /** The model: every value as Grafana reads it, aliases and merge keys followed. */
    void walk(GoValue value, boolean secret) {
      if (value instanceof GoMap map) {
        if (!firstVisit(map, secret)) {
          return;
        }
        boolean credentialPair = namesCredentialHeader(map);
        for (GoMap.Entry entry : map.entries()) {
          boolean secretEntry = secret || isSecretKey(entry.key())
              || (credentialPair && entry.key().equalsIgnoreCase("value"));
          walk(entry.value(), secretEntry);
          // a merged-in value this map's own key overrides is still text meant for this place
          map.shadowed(entry.key()).ifPresent(shadowed -> walk(shadowed.value(), secretEntry));
        }
      } else if (value instanceof GoList list) {
        if (!firstVisit(list, secret)) {
          return;
        }
        for (GoValue item : list.items()) {
          walk(item, secret);
        }
      } else if (secret && value != null && value.node() instanceof ScalarNode scalar) {
        if (secretNodes.add(scalar) && !(value instanceof GoValue.GoNull) && !scalar.value().isEmpty()
            && !isPlaceholder(scalar.value())) {
          scalarLines(scalar);
        }
      }
    }

    private boolean firstVisit(GoValue collection, boolean secret) {
      Boolean before = seen.get(collection);
      if (before != null && (before || !secret)) {
        return false;
      }
      seen.put(collection, secret);
      return true;
    }

    /** {@code {name: Authorization, value: ...}}: a header (or parameter) pair whose name is a credential. */
    private static boolean namesCredentialHeader(GoMap map) {
      for (String key : List.of("name", "header", "key")) {
        if (map.get(key).filter(GoValue.GoString.class::isInstance).map(v -> ((GoValue.GoString) v).value())
            .filter(Secrets::isSecretKey).isPresent()) {
          return true;
        }
      }
      return false;
    }

    /** One span per line of the scalar's content: quotes, a block header, indentation and line breaks kept. */
    void scalarLines(ScalarNode scalar) {
      Span content = content(scalar);
      if (scalar.style().isBlock()) {
        // the header (| >- |2) is no secret; indentation is kept
        lines(nextLine(content.start(), content.end()), content.end(), false);
        return;
      }
      lines(content.start(), content.end(), true);
    }

    /** The scalar's value as written, without its quotes. */
    private static Span content(ScalarNode scalar) {
      Span value = scalar.valueSpan();
      return scalar.style().isQuoted() && value.length() >= 2 ? new Span(value.start() + 1, value.end() - 1) : value;
    }

    /** Masks each line's content within [start, end): from its first non-blank to its last non-blank. */
    private void lines(int start, int end, boolean fromStart) {
      int at = start;
      boolean first = fromStart;
      while (at < end) {
        int lineEnd = at;
        while (lineEnd < end && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
          lineEnd++;
        }
        int from = at;
        if (!first) {
          while (from < lineEnd && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
          }
        }
        int to = lineEnd;
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
          to--;
        }
        if (to > from) {
          spans.add(new Span(from, to));
        }
        first = false;
        at = nextLine(lineEnd, end);
      }
    }

    /** The offset after the line break at or after {@code at}, or {@code end}. */
    private int nextLine(int at, int end) {
      int i = at;
      while (i < end && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        i++;
      }
      if (i < end && text.charAt(i) == '\r') {
        i++;
      }
      if (i < end && text.charAt(i) == '\n') {
        i++;
      }
      return i;
    }

    /** The syntax: every scalar as written (keys too, and whatever the model leaves out), for credentials in text. */
    void scanSyntax(YamlNode node) {
      if (node instanceof ScalarNode scalar) {
        Span content = content(scalar);
        credentialsIn(text, content.start(), content.end(), spans);
      } else if (node instanceof MappingNode mapping) {
        for (MappingNode.Entry entry : mapping.entries()) {
          scanSyntax(entry.key());
          scanSyntax(entry.value());
        }
      } else if (node instanceof SequenceNode sequence) {
        for (YamlNode item : sequence.items()) {
          scanSyntax(item);
        }
      }
    }

    /** Where the line holding {@code from} ends, within {@code end}. */
    private int lineEnd(int from, int end) {
      int at = from;
      while (at < end && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
        at++;
      }
      return at;
    }

    /** A comment: credentials in its text, and the value of a commented-out {@code password: ...}. */
    void comment(Span span) {
      credentialsIn(text, span.start(), span.end(), spans);
      Matcher m = COMMENTED.matcher(text);
      int from = span.start();
      while (from < span.end()) {
        m.region(from, span.end());
        if (!m.find()) {
          return;
        }
        String key = m.group(1).replace("\"", "").replace("'", "");
        if (isSecretKey(key)) {
          int valueEnd = lineEnd(m.end(), span.end());
          if (!isPlaceholder(text.substring(m.end(), valueEnd))) {
            lines(m.end(), valueEnd, true);
            return;
          }
        }
        from = m.end(1);
      }
    }

    /** Documents after the first: Grafana never reads them; all but their markers is masked, line by line. */
    void laterDocuments(int after) {
      Matcher marker = DOCUMENT_MARKER.matcher(text);
      if (!marker.find(after)) {
        return;
      }
      int at = marker.start();
      int end = text.length();
      while (at < end) {
        int next = nextLine(at, end);
        if (!DOCUMENT_MARKER.matcher(text).region(at, next).lookingAt()) {
          lines(at, next, false);
        }
        at = next;
      }
    }
  }

  /** Adds the spans of credentials in {@code text[start, end)}: URL userinfo passwords and credential parameters. */
  private static void credentialsIn(String text, int start, int end, List<Span> out) {
    if (end <= start || !mayHoldCredentials(text, start, end)) {
      return;
    }
    Matcher scheme = SCHEME.matcher(text).region(start, end);
    while (scheme.find()) {
      // the userinfo ends at the last @ before the query, the fragment or a blank: a password written raw may
      // hold a slash, so the path's first / does not end it (masking a little too much is the safe side)
      int authority = scheme.end();
      int authorityEnd = authority;
      while (authorityEnd < end && "?#".indexOf(text.charAt(authorityEnd)) < 0
          && !Character.isWhitespace(text.charAt(authorityEnd))) {
        authorityEnd++;
      }
      // both searches stay within the authority: String.lastIndexOf('@', from) would go on back to the start of the
      // file for every URL without an @, time quadratic in the file (a 5 MB file of URLs took minutes)
      int at = lastIndexOf(text, '@', authority, authorityEnd);
      if (at > authority) {
        int colon = indexOf(text, ':', authority, at);
        // user:password@ masks the password; a lone user@ that looks like a token (https://ghp_…@host) whole
        boolean password = colon >= 0 && colon < at;
        int secretStart = password ? colon + 1 : authority;
        boolean secret = password || TOKEN_AS_USER.matcher(text.substring(authority, at)).matches();
        if (secret && at > secretStart && !isPlaceholder(text.substring(secretStart, at))) {
          out.add(new Span(secretStart, at));
        }
      }
    }
    Matcher parameter = PARAMETER.matcher(text).region(start, end);
    while (parameter.find()) {
      int before = parameter.start() - 1;
      if (before >= start && "?&;#,{(\"' \t".indexOf(text.charAt(before)) < 0) {
        continue;
      }
      if (!isSecretKey(parameter.group(1))) {
        continue;
      }
      int valueEnd = parameter.end();
      while (valueEnd < end && "&;\r\n \t".indexOf(text.charAt(valueEnd)) < 0) {
        valueEnd++;
      }
      if (valueEnd > parameter.end() && !isPlaceholder(text.substring(parameter.end(), valueEnd))) {
        out.add(new Span(parameter.end(), valueEnd));
      }
    }
  }

  /** The last {@code c} in {@code text[from, to)}, or -1. */
  private static int lastIndexOf(String text, char c, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The first {@code c} in {@code text[from, to)}, or -1. */
  private static int indexOf(String text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** A quick look before the regular expressions: a URL needs "://" and a parameter "=". */
  private static boolean mayHoldCredentials(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '=' || (c == ':' && i + 2 < end && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/')) {
        return true;
      }
    }
    return false;
  }

  /** Sorted, overlapping spans joined (none holds a line break, so neither does their union). */
  private static List<Span> merge(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
    List<Span> merged = new ArrayList<>();
    for (Span span : sorted) {
      if (span.isEmpty()) {
        continue;
      }
      Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span.start() < last.end()) {
        merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
      } else {
        merged.add(span);
      }
    }
    return List.copyOf(merged);
  }

  private static String apply(String text, List<Span> spans) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Span span : spans) {
      out.append(text, at, span.start()).append(MASK);
      at = span.end();
    }
    return out.append(text, at, text.length()).toString();
  }
}
