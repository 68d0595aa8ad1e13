package io.promshift.model;

import io.promshift.grafana.GoList;
import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoValue;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.YamlNode;
import io.promshift.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a provisioning file holds secrets, so that nothing promshift prints (diffs, findings, reports)
 * ever shows one: every secureJsonData value, and values under keys that name a credential wherever they
 * are (a secret misplaced in jsonData is still a secret).
 */
public final class Secrets {
  public static final String MASK = "••••••";
  private static final Set<String> SECRET_KEYS = Set.of(
      "password", "basicauthpassword", "sigv4accesskey", "sigv4secretkey", "sigv4sessiontoken",
      "clientsecret", "azureclientsecret", "accesskey", "secretkey", "sessiontoken", "privatekey",
      "certificatepassword", "token", "apikey", "httpheadervalue1", "tlsclientkey");

  private Secrets() {}

  /** Whether a key names a credential (case-insensitive; {@code httpHeaderValueN} included). */
  public static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return SECRET_KEYS.contains(k) || k.startsWith("httpheadervalue") || k.endsWith("password")
        || k.endsWith("secret") || k.endsWith("secretkey") || k.endsWith("token");
  }

  /** The spans of every secret value in the file, sorted, not overlapping. */
  public static List<Span> spans(ProvisioningFile file) {
    List<Span> spans = new ArrayList<>();
    for (DataSource ds : file.dataSources()) {
      ds.value(Field.SECURE_JSON_DATA).ifPresent(secure -> collect(secure, true, spans));
      collect(ds.fields(), false, spans);
    }
    spans.sort(Comparator.comparingInt(Span::start));
    List<Span> merged = new ArrayList<>();
    for (Span span : spans) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1).end() > span.start()) {
        continue;
      }
      merged.add(span);
    }
    return merged;
  }

  /** The file's text with every secret value replaced by {@link #MASK} (quotes kept). */
  public static String mask(ProvisioningFile file) {
    String text = file.document().source().text();
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Span span : spans(file)) {
      out.append(text, at, span.start()).append(MASK);
      at = span.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /** A secret shown in a message: at most its first 4 characters, then a mask. */
  public static String redact(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "(empty)";
    }
    if (secret.startsWith("$")) {
      return secret; // a placeholder names where the secret is, it is not the secret
    }
    int keep = Math.min(4, secret.length() / 4);
    return secret.substring(0, keep) + MASK;
  }

  private static void collect(GoValue value, boolean all, List<Span> spans) {
    if (value instanceof GoMap map) {
      for (GoMap.Entry entry : map.entries()) {
        if (entry.merged()) {
          continue; // the merged value is masked where it is written
        }
        collect(entry.value(), all || isSecretKey(entry.key()), spans, entry.valueNode());
      }
    } else if (value instanceof GoList list) {
      for (int i = 0; i < list.items().size(); i++) {
        collect(list.items().get(i), all, spans, list.node().items().get(i));
      }
    }
  }

  private static void collect(GoValue value, boolean secret, List<Span> spans, YamlNode written) {
    if (written instanceof AliasNode) {
      return;
    }
    if (secret && written instanceof ScalarNode scalar && !scalar.value().isEmpty()
        && !scalar.value().startsWith("$")) {
      Span span = scalar.valueSpan();
      if (scalar.style().isQuoted() && span.length() >= 2) {
        span = new Span(span.start() + 1, span.end() - 1);
      }
      spans.add(span);
      return;
    }
    collect(value, secret, spans);
  }
}
