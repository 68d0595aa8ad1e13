package io.promshift.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule promshift's validator applies, described once: id, default severity, a short title and a help
 * text (what Grafana does, and why the rule exists). SARIF reports list them in {@code tool.driver.rules}.
 */
public final class RuleCatalog {

  /** One rule: a stable kebab-case id, its severity, a title and a help text. */
  public record Rule(String id, Severity severity, String title, String help) {}

  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  // ---- refusals: the file cannot be read at all
  public static final Rule YAML_SYNTAX = add("yaml-syntax", Severity.ERROR, "The file is not valid YAML",
      "Grafana cannot parse the file and does not start. promshift reads the file as go-yaml v3 does"
          + " (Grafana 9.4+), including its refusal of merge keys that name no map and of values whose explicit"
          + " tag does not fit.");
  public static final Rule DUPLICATE_KEY = add("duplicate-key", Severity.ERROR, "A key is defined twice",
      "go-yaml v3 (Grafana 9.4+) refuses a mapping that defines a key twice (\"mapping key ... already"
          + " defined\"), anywhere in the file: Grafana does not start. Grafana 9.3 and older silently kept the"
          + " last one.");
  public static final Rule TEMPLATE = add("template", Severity.ERROR, "The file is a template, not YAML",
      "Helm, Go, Jinja or Ansible template tags ({{ }}, {% %}) make the file something Grafana never reads:"
          + " render it first (helm template, ansible, terraform) and validate the result.");
  public static final Rule LIMIT = add("limit", Severity.ERROR, "The file is over a safety limit",
      "Files over the size limit, nesting deeper than the depth limit, or aliases that expand to too many"
          + " values (an alias bomb) are refused before they can hurt the machine that reads them.");
  public static final Rule UNREADABLE = add("unreadable", Severity.ERROR, "The file cannot be read",
      "The file could not be read from disk, or is not UTF-8 text: Grafana cannot read it either.");

  // ---- the schema
  public static final Rule SCHEMA = add("schema", Severity.ERROR,
      "The value does not fit schemas/grafana-datasources.schema.json",
      "A value of the wrong type or outside its allowed values, as the JSON Schema describes it: a file Grafana"
          + " cannot decode, a typed jsonData field of the Prometheus plugins with the wrong JSON type (every"
          + " query fails with \"error unmarshalling JSONData\"), a SigV4 auth type the signer rejects, a region"
          + " or role ARN that is not one, Azure credentials the Azure SDK refuses, or a secret Grafana needs"
          + " and does not find.");

  // ---- Grafana refuses to start
  public static final Rule API_VERSION_QUOTED = add("api-version-quoted", Severity.ERROR,
      "apiVersion is not an unquoted integer",
      "Grafana's first pass decodes apiVersion into an int64: a quoted \"1\" (a string) is a fatal error and"
          + " Grafana does not start. apiVersion is never interpolated.");
  public static final Rule BOOL_NOT_PARSEBOOL = add("bool-not-parsebool", Severity.ERROR,
      "isDefault, basicAuth, withCredentials or editable is not a Go ParseBool word",
      "In apiVersion 1 files Grafana reads these fields as text, expands placeholders, then converts them with"
          + " Go's strconv.ParseBool, which knows only 1 t T TRUE true True 0 f F FALSE false False. Anything"
          + " else (yes, on, an empty string) stops Grafana from starting.");
  public static final Rule INT_NOT_BASE10 = add("int-not-base10", Severity.ERROR,
      "orgId or version is not a base-10 integer",
      "In apiVersion 1 files Grafana reads orgId and version as text, expands placeholders, then converts them"
          + " as base-10 integers: 0x1F, 1_000, 1.0 or words stop Grafana from starting. Empty text means 0.");
  public static final Rule NAME_MISSING = add("name-missing", Severity.ERROR, "A data source has no name",
      "Grafana matches data sources by (orgId, name); an empty or missing name fails the lookup"
          + " (ErrDataSourceIdentifierNotSet) and aborts provisioning: Grafana does not start.");
  public static final Rule NAME_TOO_LONG = add("name-too-long", Severity.ERROR,
      "A data source name is longer than 190 bytes",
      "Grafana's data source service rejects names over 190 bytes (UTF-8), which aborts provisioning.");
  public static final Rule URL_TOO_LONG = add("url-too-long", Severity.ERROR, "A URL is longer than 255 bytes",
      "Grafana's data source service rejects URLs over 255 bytes (UTF-8), which aborts provisioning.");
  public static final Rule MULTIPLE_DEFAULTS = add("multiple-defaults", Severity.ERROR,
      "More than one isDefault: true in an organization",
      "Grafana counts isDefault: true per organization across all provisioning files before it writes"
          + " anything; a second default is fatal (ErrInvalidConfigToManyDefault).");
  public static final Rule UID_COLLISION = add("uid-collision", Severity.ERROR,
      "Two data sources of one organization use the same uid",
      "The database keeps one data source per (orgId, uid); a second data source with the same uid fails"
          + " with ErrDataSourceUidExists and aborts provisioning.");
  public static final Rule EXPANSION_FAILED = add("expansion-failed", Severity.ERROR,
      "A placeholder cannot be expanded",
      "Grafana's expanders fail on a $__file{} whose file does not exist or cannot be read, which aborts"
          + " provisioning. Checked only when validating with an environment and a file root.");

  // ---- Grafana works, but not as written
  public static final Rule UID_INVALID = add("uid-invalid", Severity.WARNING, "A uid Grafana does not accept",
      "A uid must be at most 40 characters of [a-zA-Z0-9-_]. Grafana logs a warning and stores it anyway,"
          + " unless the failWrongDSUID feature toggle is on, which makes it an error.");
  public static final Rule ACCESS_INVALID = add("access-invalid", Severity.WARNING,
      "access is neither proxy nor direct",
      "Grafana logs \"invalid access value, will use 'proxy' instead\" and uses proxy. The comparison is case"
          + " sensitive; empty means proxy.");
  public static final Rule DUPLICATE_NAME = add("duplicate-name", Severity.WARNING,
      "The same (orgId, name) is provisioned twice",
      "Grafana matches data sources by (orgId, name): a second entry updates the same data source. Across"
          + " files the later file wins; within one file the upserts run concurrently on recent Grafana, so"
          + " which one wins is not defined.");
  public static final Rule MISPLACED_KEY = add("misplaced-key", Severity.WARNING,
      "A key Grafana ignores where it is written",
      "Grafana reads only the keys of the file's version (camelCase with apiVersion 1, snake_case without),"
          + " plugin settings only under jsonData and secrets only under secureJsonData. A key elsewhere is"
          + " silently ignored.");
  public static final Rule YAML11_BOOL = add("yaml11-bool", Severity.WARNING,
      "A YAML 1.1 boolean word (yes, no, on, off, y, n)",
      "Grafana 9.4+ reads YAML with go-yaml v3: in jsonData only true/false are booleans, so yes and on are"
          + " strings there; a typed Go bool field (prune, version-0 fields) still accepts them. Write true or"
          + " false.");
  public static final Rule PLACEHOLDER_NOT_EXPANDED = add("placeholder-not-expanded", Severity.WARNING,
      "A placeholder in a version-0 file",
      "Version-0 files (no apiVersion) are not interpolated: Grafana stores $VAR, ${VAR} or $__env{VAR}"
          + " literally. Add apiVersion: 1 (and camelCase keys) to have them expanded.");
  public static final Rule FIXED_VERSION_MIGRATED = add("fixed-version-migrated", Severity.WARNING,
      "A fixed version on a data source whose type a migration changes",
      "Since Grafana 10.2 a fixed version: V applies once (the stored version becomes V+1) and later starts"
          + " skip the entry until V is raised; Grafana's type migration resets the row's version. A migrated"
          + " file with a fixed version may therefore not apply as expected: raise it or drop it.");

  // ---- SigV4
  public static final Rule SIGV4_REGION_MISSING = add("sigv4-region-missing", Severity.ERROR,
      "SigV4 signing without a region",
      "Requests are signed for jsonData.sigV4Region exactly as given; when it is missing or empty while"
          + " sigV4Auth is true, signing fails and every query fails.");
  public static final Rule AMP_UNSIGNED = add("amp-unsigned", Severity.ERROR,
      "An Amazon Managed Service for Prometheus source that does not sign",
      "The grafana-amazonprometheus-datasource plugin does not turn SigV4 on by itself: without the JSON"
          + " boolean jsonData.sigV4Auth: true its requests go out unsigned and AWS rejects them (403). Only"
          + " sources saved in the plugin's editor get the flag automatically.");
  public static final Rule SIGV4_AUTH_NOT_BOOLEAN = add("sigv4-auth-not-boolean", Severity.WARNING,
      "sigV4Auth is not the boolean true or false",
      "The plugin SDK and Grafana's type migration look for the JSON boolean true. A quoted \"true\", a"
          + " number or a YAML 1.1 word (yes, on) is read by Grafana 9.4+ as a string: no signing, no"
          + " migration, although the editor still shows the SigV4 banner.");
  public static final Rule SIGV4_KEYS_WHILE_OFF = add("sigv4-keys-while-off", Severity.WARNING,
      "SigV4 settings while sigV4Auth is off",
      "sigV4Region, sigV4AuthType and the other SigV4 settings are read only when jsonData.sigV4Auth is"
          + " the boolean true; otherwise they do nothing and requests go out unsigned.");
  public static final Rule SIGV4_AUTH_TYPE_PROVIDER = add("sigv4-auth-type-provider", Severity.WARNING,
      "An auth provider Grafana does not allow by default",
      "ec2_iam_role and grafana_assume_role work only when Grafana's [aws] allowed_auth_providers lists them"
          + " (default: default,keys,credentials); otherwise every query fails with \"trying to use"
          + " non-allowed auth method\".");
  public static final Rule SIGV4_IGNORED_KEY = add("sigv4-ignored-key", Severity.WARNING,
      "A SigV4 key Grafana does not read",
      "The SigV4 signer reads only sigV4Auth, sigV4AuthType, sigV4Region, sigV4AssumeRoleArn,"
          + " sigV4ExternalId, sigV4Profile (and the plugin's sigv4Service). sigV4Endpoint and the unprefixed"
          + " authType, defaultRegion, assumeRoleArn, externalId and profile (CloudWatch's names, also used in"
          + " the AMP plugin's own docs) are ignored, as is any other spelling.");

  // ---- URLs and access
  public static final Rule AMP_URL_REGION_MISMATCH = add("amp-url-region-mismatch", Severity.ERROR,
      "The workspace URL and sigV4Region name different regions",
      "Requests to aps-workspaces.<region>.amazonaws.com must be signed for that region; a signature for"
          + " another region is rejected by AWS.");
  public static final Rule AMP_URL_NOT_HTTPS = add("amp-url-not-https", Severity.ERROR,
      "An Amazon Managed Service for Prometheus URL that is not https",
      "AMP workspace endpoints answer only on https.");
  public static final Rule AMP_URL_API_V1 = add("amp-url-api-v1", Severity.ERROR,
      "A Prometheus URL that already ends in /api/v1",
      "The Prometheus plugins append /api/v1/query (and the other API paths) to the URL themselves: a URL"
          + " ending in /api/v1 doubles the path and every query fails with 404.");
  public static final Rule ACCESS_DIRECT_SIGNED = add("access-direct-signed", Severity.ERROR,
      "access: direct on a source that signs its requests",
      "With access: direct the browser sends the requests, and only Grafana's server can sign them with"
          + " SigV4: the requests go out unsigned (the AMP plugin's editor shows an error).");

  // ---- credentials in plain sight
  public static final Rule SECRET_IN_JSON_DATA = add("secret-in-json-data", Severity.ERROR,
      "A secret under jsonData instead of secureJsonData",
      "Grafana reads SigV4, Azure and password secrets only from secureJsonData; under jsonData they are"
          + " ignored (so authentication fails) and stored unencrypted, visible to everyone who can see the"
          + " data source.");
  public static final Rule LITERAL_AWS_KEY = add("literal-aws-key", Severity.WARNING,
      "A literal AWS key in the file",
      "An AWS access key id (AKIA..., ASIA...) or secret key written in the file works, but it sits in plain"
          + " text in every copy of the repository. Use $__env{NAME} or $__file{/path} (apiVersion 1 files)"
          + " instead.");

  // ---- migration state (the banners of Grafana's config page)
  public static final Rule MIGRATION_PENDING = add("migration-pending", Severity.INFO,
      "Grafana will migrate this prometheus data source",
      "Grafana 12 (behind prometheusTypeMigration) and 13 (always) move a prometheus data source with SigV4"
          + " (jsonData.sigV4Auth: true) or Azure auth (jsonData.azureCredentials) to the Amazon or Azure"
          + " Prometheus plugin at every start, and a file that still says type: prometheus flips it back at"
          + " the next start. Migrate the file (promshift migrate) so that file and database agree.");
  public static final Rule MIGRATED = add("migrated", Severity.INFO, "A migrated data source",
      "jsonData has prometheus-type-migration: true: Grafana's type migration moved this data source to a"
          + " plugin type, and the plugin's config page shows a \"Data source migrated\" banner. A rollback to"
          + " core Prometheus looks for this marker.");
  public static final Rule PLACEHOLDER_UNCHECKED = add("placeholder-unchecked", Severity.INFO,
      "A placeholder decides this value at run time",
      "The value comes from the environment when Grafana starts, so promshift cannot judge it from the file"
          + " alone. Validate with an environment (--env-file) to check the expanded value.");

  private RuleCatalog() {}

  private static Rule add(String id, Severity severity, String title, String help) {
    Rule rule = new Rule(id, severity, title, help);
    if (RULES.put(id, rule) != null) {
      throw new IllegalStateException("rule id used twice: " + id);
    }
    return rule;
  }

  /** Every rule, in a stable order. */
  public static List<Rule> all() {
    return List.copyOf(RULES.values());
  }

  public static Optional<Rule> find(String id) {
    return Optional.ofNullable(RULES.get(id));
  }

  public static Rule get(String id) {
    Rule rule = RULES.get(id);
    if (rule == null) {
      throw new IllegalArgumentException("no such rule: " + id);
    }
    return rule;
  }
}
