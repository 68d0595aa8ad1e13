package io.promshift.rules;

import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoValue;
import io.promshift.model.Field;
import io.promshift.model.PromTypeMigration;
import io.promshift.text.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** SigV4 and the URLs of Amazon Managed Service for Prometheus, for one data source. */
final class SigV4Rules extends RuleSet {
  /** {@code scheme://[userinfo@]aps-workspaces.<region>.amazonaws.com[.cn][:port][path]}. */
  static final Pattern AMP_URL = Pattern.compile(
      "^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?://)?(?:[^/?#@]*@)?aps-workspaces\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?"
          + "(?::[0-9]*)?([/?#].*)?$");
  private static final Pattern API_V1_END = Pattern.compile("^[^?#]*/api/v1/*(?:[?#].*)?$");
  static final List<String> SIGV4_KEYS = List.of(
      "sigV4AuthType", "sigV4Region", "sigV4AssumeRoleArn", "sigV4ExternalId", "sigV4Profile");
  static final List<String> SIGV4_SECURE_KEYS = List.of("sigV4AccessKey", "sigV4SecretKey", "sigV4SessionToken");
  private static final List<String> SIGV4_READ = List.of(
      "sigV4Auth", "sigV4AuthType", "sigV4Region", "sigV4AssumeRoleArn", "sigV4ExternalId", "sigV4Profile",
      "sigv4Service");
  /** Keys Grafana's SigV4 signer ignores, with the key it reads instead (null: none). */
  private static final Map<String, String> SIGV4_IGNORED = new LinkedHashMap<>();
  private static final Pattern HOST = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?://)?(?:[^/?#@]*@)?([^/?#:]*)");

  static {
    SIGV4_IGNORED.put("sigV4Endpoint", null);
    SIGV4_IGNORED.put("authType", "sigV4AuthType");
    SIGV4_IGNORED.put("defaultRegion", "sigV4Region");
    SIGV4_IGNORED.put("assumeRoleArn", "sigV4AssumeRoleArn");
    SIGV4_IGNORED.put("externalId", "sigV4ExternalId");
    SIGV4_IGNORED.put("profile", "sigV4Profile");
  }

  /** The auth types the signer knows (grafana-aws-sdk awsauth); any other is the schema's "unknown auth type". */
  private static final List<String> PROVIDERS = List.of(
      "default", "ec2_iam_role", "keys", "credentials", "grafana_assume_role");

  private final GrafanaSettings grafana;

  SigV4Rules(JsonView view, Emitter out, GrafanaSettings grafana) {
    super(view, out);
    this.grafana = grafana;
  }

  void apply(Source s) {
    sigV4(s);
    ampUrl(s);
  }

  private void sigV4(Source s) {
    Source.Signing signing = s.signing();
    String auth = s.json("sigV4Auth");
    boolean amazon = s.isAmazon();
    if (signing == Source.Signing.NOT_BOOLEAN) {
      JsonView.Loc loc = view.loc(auth).orElseThrow();
      List<Repair> repairs = Repairs.booleanValue(view, auth);
      out.report(Code.SIGV4_AUTH_NOT_BOOLEAN, auth, view.position(auth),
          "sigV4Auth is " + describeNonBoolean(auth, s.at(auth)) + ", not the boolean true: Grafana 9.4+ does not sign"
              + " the requests and its type migration skips this data source",
          repairs.isEmpty() ? "write sigV4Auth: true (unquoted)" : "write sigV4Auth: " + repairs.get(0).text(),
          repairs);
    } else if (signing == Source.Signing.UNKNOWN) {
      unchecked(auth, view.loc(auth).orElseThrow(), "only an expansion to true (or True, TRUE) turns signing on and"
          + " makes Grafana's type migration move it");
    }
    if (amazon && (signing == Source.Signing.MISSING || signing == Source.Signing.OFF
        || signing == Source.Signing.NOT_BOOLEAN)) {
      String state = switch (signing) {
        case MISSING -> "has no jsonData.sigV4Auth";
        case OFF -> "has sigV4Auth: false";
        default -> "has sigV4Auth " + describeNonBoolean(auth, s.at(auth)) + ", not the boolean true";
      };
      Position at = s.has(s.jsonData) || s.has(auth) ? view.position(auth) : view.position(s.field(Field.TYPE));
      Optional<String> host = s.text(Field.URL).map(SigV4Rules::host);
      if (host.isPresent() && !host.get().isEmpty() && !isAwsHost(host.get())) {
        // a plain Prometheus or a SigV4 proxy in front of AMP: unsigned may be what is meant
        Optional<String> shownHost = SchemaMessages.showable(view, s.field(Field.URL)).map(SigV4Rules::host);
        String hostWords = shownHost.orElse("the host of " + SchemaMessages.shown(view, s.field(Field.URL)));
        out.report(Code.AMP_UNSIGNED, Severity.WARNING, auth, at,
            "this " + PromTypeMigration.AMAZON + " data source " + state + ": its requests to " + hostWords
                + " go out unsigned, which works only if that host is not AWS or signs them itself (a SigV4 proxy)",
            "add sigV4Auth: true under jsonData, unless " + shownHost.orElse("that host")
                + " signs the requests itself");
      } else {
        out.report(Code.AMP_UNSIGNED, auth, at,
            "this " + PromTypeMigration.AMAZON + " data source " + state + ": the plugin does not turn SigV4 on by"
                + " itself, so its requests go out unsigned and AWS rejects them (403)",
            "add sigV4Auth: true under jsonData");
      }
    }
    if (signing == Source.Signing.ON) {
      String region = s.json("sigV4Region");
      Optional<JsonView.Loc> loc = view.loc(region);
      boolean missing = loc.isEmpty() || loc.get().go() instanceof GoValue.GoNull
          || (loc.get().text() != null && loc.get().text().isEmpty());
      if (!s.unresolved(region) && missing) {
        String what = !s.has(region) ? "there is no sigV4Region"
            : view.loc(region).orElseThrow().changed() ? "sigV4Region expands to nothing" : "sigV4Region is empty";
        String hint = urlRegion(s).map(r -> "sigV4Region: " + r + " (the workspace URL's region)")
            .orElse("sigV4Region: <the workspace's region>, e.g. us-east-1");
        out.report(Code.SIGV4_REGION_MISSING, region, view.position(region),
            "sigV4Auth is true but " + what + ": requests are signed for the region as given, so signing fails and"
                + " every query fails", "add " + hint);
      }
    }
    if ((signing == Source.Signing.OFF || signing == Source.Signing.MISSING) && !amazon) {
      List<String> present = new ArrayList<>();
      String first = null;
      for (String key : SIGV4_KEYS) {
        if (s.isSet(s.json(key))) {
          present.add(key);
          first = first == null ? s.json(key) : first;
        }
      }
      for (String key : SIGV4_SECURE_KEYS) {
        if (s.isSet(s.secure(key))) {
          present.add(key);
          first = first == null ? s.secure(key) : first;
        }
      }
      if (!present.isEmpty()) {
        String pointer = signing == Source.Signing.OFF ? auth : first;
        Position at = signing == Source.Signing.OFF ? view.position(auth) : view.keyPosition(first);
        out.report(Code.SIGV4_KEYS_WHILE_OFF, pointer, at,
            SchemaMessages.join(present, "and") + (present.size() == 1 ? " is" : " are") + " set, but "
                + (signing == Source.Signing.OFF ? "sigV4Auth is false" : "there is no sigV4Auth: true")
                + ": Grafana reads SigV4 settings only when signing is on, so requests go out unsigned",
            "add sigV4Auth: true under jsonData to sign, or remove the SigV4 settings");
      }
    }
    if (signing == Source.Signing.ON || signing == Source.Signing.UNKNOWN || amazon) {
      authProvider(s);
      assumeRole(s);
    }
    boolean signs = amazon || signing == Source.Signing.ON || signing == Source.Signing.UNKNOWN
        || signing == Source.Signing.NOT_BOOLEAN;
    if (signs) {
      ignoredKeys(s);
    }
  }

  /** The host of a URL as written (empty when there is none to see). */
  static String host(String url) {
    Matcher m = HOST.matcher(url.strip());
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
  }

  static boolean isAwsHost(String host) {
    return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws");
  }

  private String describeNonBoolean(String pointer, JsonNode value) {
    JsonView.Loc loc = view.loc(pointer).orElseThrow();
    if (loc.go() instanceof GoValue.GoNull) {
      return "null";
    }
    if (file.isLegacy() && loc.placeholder()) {
      String written = SchemaMessages.written(view, pointer);
      return "the placeholder " + written + ", which a version-0 file (no apiVersion) does not expand: the string "
          + written;
    }
    if (loc.changed()) {
      return SchemaMessages.written(view, pointer) + " (as expanded, a string)";
    }
    if (loc.go() instanceof GoValue.GoString string) {
      if (string.yaml11BoolWord()) {
        return SchemaMessages.bare(view, pointer) + ", a YAML 1.1 word that Grafana 9.4+ (go-yaml v3) reads as the"
            + " string " + SchemaMessages.shown(view, pointer);
      }
      return "the string " + SchemaMessages.shown(view, pointer);
    }
    if (value.isObject() || value.isArray()) {
      return value.isObject() ? "a map" : "a list";
    }
    return "the " + loc.go().kindName() + " " + SchemaMessages.bare(view, pointer);
  }

  /**
   * The auth provider against Grafana's {@code [aws] allowed_auth_providers}: with Grafana's default list, the two
   * providers it leaves out are named as needing it; with a stated list, any provider it leaves out (an empty
   * sigV4AuthType is the signer's default) fails every query.
   */
  private void authProvider(Source s) {
    String type = s.json("sigV4AuthType");
    if (grafana.allowedAuthProviders() == null) {
      s.text(type).filter(t -> t.equals("ec2_iam_role") || t.equals("grafana_assume_role")).ifPresent(t -> {
        Optional<String> asIs = SchemaMessages.showable(view, type);
        out.report(Code.SIGV4_AUTH_TYPE_PROVIDER, type, view.position(type),
            "sigV4AuthType " + asIs.orElse(SchemaMessages.shown(view, type)) + " works only when Grafana's [aws]"
                + " allowed_auth_providers lists " + asIs.orElse("that provider") + " (the default is"
                + " default,keys,credentials); otherwise every query fails with \"trying to use non-allowed auth"
                + " method " + asIs.orElse("…") + "\"",
            "add " + asIs.orElse("that provider") + " to allowed_auth_providers in grafana.ini's [aws] section, or use"
                + " sigV4AuthType: default");
      });
      return;
    }
    if (s.unresolved(type)) {
      return; // decided when Grafana starts: said as unchecked elsewhere
    }
    boolean written = s.has(type) && s.text(type).filter(t -> !t.isEmpty()).isPresent();
    String provider = written ? s.text(type).orElseThrow() : "default";
    if (!PROVIDERS.contains(provider) || grafana.allowedProviders().contains(provider)) {
      return; // an unknown type is the schema's finding
    }
    String allowed = String.join(",", grafana.allowedProviders());
    String pointer = written ? type : s.json("sigV4Auth");
    Position at = written ? view.position(type) : s.has(pointer) ? view.position(pointer)
        : view.position(s.field(Field.TYPE));
    String subject = written ? "sigV4AuthType " + provider : "sigV4AuthType is not set, so the provider is default,"
        + " and it";
    out.report(Code.SIGV4_AUTH_TYPE_PROVIDER, pointer, at,
        subject + (written ? " is" : "") + " not in Grafana's [aws] allowed_auth_providers ("
            + (allowed.isEmpty() ? "empty" : allowed) + "): every query fails with \"trying to use non-allowed auth"
            + " method " + provider + "\"",
        "add " + provider + " to allowed_auth_providers in grafana.ini's [aws] section, or use a provider it lists");
  }

  /** A role ARN where Grafana's {@code [aws] assume_role_enabled} is false: the signer refuses it. */
  private void assumeRole(Source s) {
    String arn = s.json("sigV4AssumeRoleArn");
    if (grafana.assumeRole() || !s.isSet(arn)) {
      return;
    }
    out.report(Code.SIGV4_ASSUME_ROLE_DISABLED, arn, view.position(arn),
        "sigV4AssumeRoleArn is set, but Grafana's [aws] assume_role_enabled is false: the signer refuses to assume"
            + " the role (\"attempting to use assume role (ARN) which is disabled in grafana.ini\"), so every query"
            + " fails", "remove sigV4AssumeRoleArn, or set assume_role_enabled = true in grafana.ini's [aws] section");
  }

  private void ignoredKeys(Source s) {
    if (!s.has(s.jsonData)) {
      return;
    }
    view.loc(s.jsonData).map(JsonView.Loc::go).filter(GoMap.class::isInstance).map(GoMap.class::cast)
        .ifPresent(json -> {
          for (GoMap.Entry entry : json.entries()) {
            String key = entry.key();
            String right = null;
            boolean known = false;
            if (SIGV4_IGNORED.containsKey(key)) {
              right = SIGV4_IGNORED.get(key);
              known = true;
            } else {
              for (String read : SIGV4_READ) {
                if (!read.equals(key) && read.equalsIgnoreCase(key)) {
                  right = read;
                  known = true;
                }
              }
            }
            if (known) {
              ignored(s, JsonView.pointer(s.jsonData, key), key, right, true);
            }
          }
        });
    view.loc(s.secure).map(JsonView.Loc::go).filter(GoMap.class::isInstance).map(GoMap.class::cast)
        .ifPresent(secure -> {
          for (GoMap.Entry entry : secure.entries()) {
            String key = entry.key();
            String right = null;
            if (key.equals("accessKey")) {
              right = "sigV4AccessKey";
            } else if (key.equals("secretKey")) {
              right = "sigV4SecretKey";
            } else if (key.equals("sessionToken")) {
              right = "sigV4SessionToken";
            } else {
              for (String read : SIGV4_SECURE_KEYS) {
                if (!read.equals(key) && read.equalsIgnoreCase(key)) {
                  right = read;
                }
              }
            }
            if (right != null) {
              ignored(s, JsonView.pointer(s.secure, key), key, right, false);
            }
          }
        });
  }

  /**
   * A key the signer does not read. Under jsonData, with the key it reads absent, {@code promshift fix} renames it
   * ({@code authType} only when its value is one the signer knows, mapped as awsds maps CloudWatch's words); a key
   * under secureJsonData holds a secret, which a fix never touches.
   */
  private void ignored(Source s, String pointer, String key, String right, boolean jsonData) {
    String message;
    String fix;
    List<Repair> repairs = List.of();
    if (right == null) {
      message = "Grafana's SigV4 signer does not read " + key + ": the endpoint comes from the data source's url";
      fix = "remove " + key;
    } else {
      boolean both = s.has(JsonView.pointer(JsonView.parent(pointer), right));
      message = "Grafana's SigV4 signer does not read " + key + "; it reads " + right
          + (both ? " (also set here), so " + key + " does nothing" : ", which is not set");
      fix = both ? "remove " + key : "rename " + key + " to " + right;
      if (!both && jsonData) {
        repairs = Repairs.rename(view, pointer, right, key.equals("authType") ? PROVIDERS : null);
      }
    }
    out.report(Code.SIGV4_IGNORED_KEY, pointer, view.keyPosition(pointer), message, fix, repairs);
  }

  /** The region of an AMP workspace URL written in the file (not one that came from the environment). */
  private Optional<String> urlRegion(Source s) {
    return SchemaMessages.showable(view, s.field(Field.URL)).map(AMP_URL::matcher).filter(Matcher::matches)
        .map(m -> m.group(2));
  }

  private void ampUrl(Source s) {
    String urlPointer = s.field(Field.URL);
    Optional<String> url = s.text(urlPointer);
    Source.Signing signing = s.signing();
    if (url.isPresent()) {
      Matcher amp = AMP_URL.matcher(url.get());
      boolean isAmp = amp.matches();
      if (isAmp) {
        String scheme = amp.group(1);
        if (scheme == null || !scheme.equalsIgnoreCase("https")) {
          boolean asIs = SchemaMessages.showable(view, urlPointer).isPresent();
          String written = asIs ? "" : " " + SchemaMessages.shown(view, urlPointer);
          out.report(Code.AMP_URL_NOT_HTTPS, urlPointer, view.position(urlPointer),
              "the Amazon Managed Service for Prometheus workspace URL" + written + (scheme == null ? " has no scheme"
                  : asIs ? " uses " + scheme + "://" : " does not use https") + ": AMP answers only on https, so every"
                  + " query fails",
              "write the url as https://aps-workspaces." + (asIs ? amp.group(2) : "<region>")
                  + ".amazonaws.com/workspaces/<workspace-id>/");
        }
        String regionPointer = s.json("sigV4Region");
        String urlRegion = amp.group(2);
        boolean signs = s.isAmazon() || signing == Source.Signing.ON || signing == Source.Signing.UNKNOWN
            || signing == Source.Signing.NOT_BOOLEAN;
        boolean urlExpanded = view.loc(urlPointer).filter(JsonView.Loc::changed).isPresent();
        s.text(regionPointer).filter(r -> signs && !r.isEmpty() && !r.equals(urlRegion)).ifPresent(region ->
            out.report(Code.AMP_URL_REGION_MISMATCH, regionPointer, view.position(regionPointer),
                "sigV4Region " + SchemaMessages.shown(view, regionPointer) + " and the workspace URL"
                    + (urlExpanded ? " (as expanded)" : " (" + urlRegion + ")") + " name different regions:"
                    + " requests are signed for the wrong region and AWS rejects the signature",
                urlExpanded ? "make sigV4Region and the workspace URL name the same region"
                    : "write sigV4Region: " + urlRegion + " (or correct the url)"));
      }
      if ((isAmp || s.isPrometheusFamily()) && API_V1_END.matcher(url.get()).matches()) {
        out.report(Code.AMP_URL_API_V1, urlPointer, view.position(urlPointer),
            "the url already ends in /api/v1: the Prometheus plugin appends /api/v1/query itself, so the path"
                + " doubles (/api/v1/api/v1/query) and every query fails with 404",
            "remove /api/v1 from the end of the url", Repairs.withoutApiV1(view, urlPointer));
      }
    }
    String accessPointer = s.field(Field.ACCESS);
    s.text(accessPointer).filter("direct"::equals).ifPresent(a -> {
      if (s.isAmazon() || signing == Source.Signing.ON) {
        out.report(Code.ACCESS_DIRECT_SIGNED, accessPointer, view.position(accessPointer),
            "access: direct makes the browser send the requests, and only Grafana's server can sign them with"
                + " SigV4: the requests go out unsigned and AWS rejects them",
            "write access: proxy");
      }
    });
  }
}
