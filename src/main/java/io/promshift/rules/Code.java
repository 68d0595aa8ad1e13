package io.promshift.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of thing promshift says about a file, described once: a stable kebab-case id, its default severity,
 * a short title and a help text (what Grafana does, and why promshift says it). The validator's rules come first
 * (SARIF reports list them in {@code tool.driver.rules}); then what a migration says about a file, and what
 * happens to a file on disk. Every {@link Diagnostic} carries one.
 */
public enum Code {
  // ---- refusals: the file cannot be read at all
  YAML_SYNTAX("yaml-syntax", Severity.ERROR, "The file is not valid YAML",
      "Grafana cannot parse the file and does not start. promshift reads the file as go-yaml v3 does"
          + " (Grafana 9.4+), including its refusal of merge keys that name no map and of values whose explicit"
          + " tag does not fit."),
  DUPLICATE_KEY("duplicate-key", Severity.ERROR, "A key is defined twice",
      "go-yaml v3 (Grafana 9.4+) refuses a mapping that defines a key twice (\"mapping key ... already"
          + " defined\"), anywhere in the file: Grafana does not start. Grafana 9.3 and older silently kept the"
          + " last one."),
  TEMPLATE("template", Severity.ERROR, "The file is a template, not YAML",
      "Helm, Go, Jinja or Ansible template tags ({{ }}, {% %}) make the file something Grafana never reads:"
          + " render it first (helm template, ansible, terraform) and validate the result."),
  LIMIT("limit", Severity.ERROR, "The file is over a safety limit",
      "Files over the size limit, nesting deeper than the depth limit, or aliases that expand to too many"
          + " values (an alias bomb) are refused before they can hurt the machine that reads them."),
  UNREADABLE("unreadable", Severity.ERROR, "The file cannot be read",
      "The file could not be read from disk, or is not UTF-8 text: Grafana cannot read it either."),

  // ---- the schema
  SCHEMA("schema", Severity.ERROR,
      "The value does not fit schemas/grafana-datasources.schema.json",
      "A value of the wrong type or outside its allowed values, as the JSON Schema describes it: a file Grafana"
          + " cannot decode, a typed jsonData field of the Prometheus plugins with the wrong JSON type (every"
          + " query fails with \"error unmarshalling JSONData\"), a SigV4 auth type the signer rejects, a region"
          + " or role ARN that is not one, Azure credentials the Azure SDK refuses, or a secret Grafana needs"
          + " and does not find."),

  // ---- Grafana refuses to start
  API_VERSION_QUOTED("api-version-quoted", Severity.ERROR,
      "apiVersion is not an unquoted integer",
      "Grafana's first pass decodes apiVersion into an int64: a quoted \"1\" (a string) is a fatal error and"
          + " Grafana does not start. apiVersion is never interpolated."),
  BOOL_NOT_PARSEBOOL("bool-not-parsebool", Severity.ERROR,
      "isDefault, basicAuth, withCredentials or editable is not a Go ParseBool word",
      "In apiVersion 1 files Grafana reads these fields as text, expands placeholders, then converts them with"
          + " Go's strconv.ParseBool, which knows only 1 t T TRUE true True 0 f F FALSE false False. Anything"
          + " else (yes, on, an empty string) stops Grafana from starting."),
  INT_NOT_BASE10("int-not-base10", Severity.ERROR,
      "orgId or version is not a base-10 integer",
      "In apiVersion 1 files Grafana reads orgId and version as text, expands placeholders, then converts them"
          + " as base-10 integers: 0x1F, 1_000, 1.0 or words stop Grafana from starting. Empty text means 0."),
  NAME_MISSING("name-missing", Severity.ERROR, "A data source has no name",
      "Grafana matches data sources by (orgId, name); an empty or missing name fails the lookup"
          + " (ErrDataSourceIdentifierNotSet) and aborts provisioning: Grafana does not start."),
  NAME_TOO_LONG("name-too-long", Severity.ERROR,
      "A data source name is longer than 190 bytes",
      "Grafana's data source service rejects names over 190 bytes (UTF-8), which aborts provisioning."),
  URL_TOO_LONG("url-too-long", Severity.ERROR, "A URL is longer than 255 bytes",
      "Grafana's data source service rejects URLs over 255 bytes (UTF-8), which aborts provisioning."),
  MULTIPLE_DEFAULTS("multiple-defaults", Severity.ERROR,
      "More than one isDefault: true in an organization",
      "Grafana counts isDefault: true per organization across all provisioning files before it writes"
          + " anything; a second default is fatal (ErrInvalidConfigToManyDefault)."),
  UID_COLLISION("uid-collision", Severity.ERROR,
      "Two data sources of one organization use the same uid",
      "The database keeps one data source per (orgId, uid); a second data source with the same uid fails"
          + " with ErrDataSourceUidExists and aborts provisioning."),
  EXPANSION_FAILED("expansion-failed", Severity.ERROR,
      "A placeholder cannot be expanded",
      "Grafana's expanders fail on a $__file{} whose file does not exist or cannot be read, which aborts"
          + " provisioning. Checked only when validating with an environment and a file root."),

  // ---- Grafana works, but not as written
  UID_INVALID("uid-invalid", Severity.WARNING, "A uid Grafana does not accept",
      "A uid must be at most 40 characters of [a-zA-Z0-9-_]. Grafana logs a warning and stores it anyway,"
          + " unless the failWrongDSUID feature toggle is on, which makes it an error."),
  ACCESS_INVALID("access-invalid", Severity.WARNING,
      "access is neither proxy nor direct",
      "Grafana logs \"invalid access value, will use 'proxy' instead\" and uses proxy. The comparison is case"
          + " sensitive; empty means proxy."),
  HTTP_METHOD_SPELLING("http-method-spelling", Severity.INFO,
      "httpMethod is not written GET or POST",
      "The Prometheus plugins trim and upper-case jsonData.httpMethod before they use it, so post or ' GET ' work; the"
          + " file then says something other than what Grafana uses. Written as the plugin reads it (GET or POST), the"
          + " file and Grafana agree."),
  DUPLICATE_NAME("duplicate-name", Severity.WARNING,
      "The same (orgId, name) is provisioned twice",
      "Grafana matches data sources by (orgId, name): a second entry updates the same data source. Across"
          + " files the later file wins; within one file the upserts run concurrently on recent Grafana, so"
          + " which one wins is not defined."),
  MISPLACED_KEY("misplaced-key", Severity.WARNING,
      "A key Grafana ignores where it is written",
      "Grafana reads only the keys of the file's version (camelCase with apiVersion 1, snake_case without),"
          + " plugin settings only under jsonData and secrets only under secureJsonData. A key elsewhere is"
          + " silently ignored."),
  IGNORED_KEY_PROBLEM("ignored-key-problem", Severity.WARNING,
      "A value Grafana never decodes would not decode",
      "Grafana decodes a provisioning file into its own structs (go-yaml v3): the value of a key that is not one of"
          + " their fields, of a null key in jsonData or secureJsonData, or of a key merged with << that loses to one"
          + " already there is skipped without being decoded. A duplicate key, a tag its text does not fit or an alias"
          + " of its own collection inside it therefore does not stop Grafana, which it would anywhere Grafana reads:"
          + " the value does nothing, and breaks the file if the key is ever renamed to one Grafana reads."),
  YAML11_BOOL("yaml11-bool", Severity.WARNING,
      "A YAML 1.1 boolean word (yes, no, on, off, y, n)",
      "Grafana 9.4+ reads YAML with go-yaml v3: in jsonData only true/false are booleans, so yes and on are"
          + " strings there; a typed Go bool field (prune, version-0 fields) still accepts them. Write true or"
          + " false."),
  JSON_DATA_BOOLEAN_TEXT("jsondata-boolean-text", Severity.WARNING,
      "A jsonData boolean written as text",
      "Grafana and the plugins read tlsSkipVerify, tlsAuth, tlsAuthWithCACert, oauthPassThru, manageAlerts and the other"
          + " jsonData switches as JSON booleans (a type assertion): a quoted \"true\" is a string, so the setting is"
          + " off whatever the text says. Write true or false, unquoted."),
  PLACEHOLDER_NOT_EXPANDED("placeholder-not-expanded", Severity.WARNING,
      "A placeholder in a version-0 file",
      "Version-0 files (no apiVersion) are not interpolated: Grafana stores $VAR, ${VAR} or $__env{VAR}"
          + " literally. Add apiVersion: 1 (and camelCase keys) to have them expanded."),
  FIXED_VERSION_MIGRATED("fixed-version-migrated", Severity.WARNING,
      "A fixed version on a data source whose type a migration changes",
      "Since Grafana 10.2 a fixed version: V applies once (the stored version becomes V+1) and later starts"
          + " skip the entry until V is raised; Grafana's type migration resets the row's version. A migrated"
          + " file with a fixed version may therefore not apply as expected: raise it or drop it."),

  // ---- SigV4
  SIGV4_REGION_MISSING("sigv4-region-missing", Severity.ERROR,
      "SigV4 signing without a region",
      "Requests are signed for jsonData.sigV4Region exactly as given; when it is missing or empty while"
          + " sigV4Auth is true, signing fails and every query fails."),
  AMP_UNSIGNED("amp-unsigned", Severity.ERROR,
      "An Amazon Managed Service for Prometheus source that does not sign",
      "The grafana-amazonprometheus-datasource plugin does not turn SigV4 on by itself: without the JSON"
          + " boolean jsonData.sigV4Auth: true its requests go out unsigned and AWS rejects them (403). Only"
          + " sources saved in the plugin's editor get the flag automatically."),
  SIGV4_AUTH_NOT_BOOLEAN("sigv4-auth-not-boolean", Severity.WARNING,
      "sigV4Auth is not the boolean true or false",
      "The plugin SDK and Grafana's type migration look for the JSON boolean true. A quoted \"true\", a"
          + " number or a YAML 1.1 word (yes, on) is read by Grafana 9.4+ as a string: no signing, no"
          + " migration, although the editor still shows the SigV4 banner."),
  SIGV4_KEYS_WHILE_OFF("sigv4-keys-while-off", Severity.WARNING,
      "SigV4 settings while sigV4Auth is off",
      "sigV4Region, sigV4AuthType and the other SigV4 settings are read only when jsonData.sigV4Auth is"
          + " the boolean true; otherwise they do nothing and requests go out unsigned."),
  SIGV4_AUTH_TYPE_PROVIDER("sigv4-auth-type-provider", Severity.WARNING,
      "An auth provider Grafana does not allow by default",
      "ec2_iam_role and grafana_assume_role work only when Grafana's [aws] allowed_auth_providers lists them"
          + " (default: default,keys,credentials); otherwise every query fails with \"trying to use"
          + " non-allowed auth method\". With Grafana's settings given (.promshift.yaml grafana:, or --grafana-ini),"
          + " any provider the stated list leaves out is reported (an empty sigV4AuthType is default), and one it"
          + " lists is not."),
  SIGV4_ASSUME_ROLE_DISABLED("sigv4-assume-role-disabled", Severity.ERROR,
      "A role ARN while Grafana does not allow assuming roles",
      "With Grafana's [aws] assume_role_enabled = false (default: true) the signer refuses a sigV4AssumeRoleArn"
          + " (\"attempting to use assume role (ARN) which is disabled in grafana.ini\"): every query fails. Checked"
          + " only when Grafana's settings say so (.promshift.yaml grafana:, or --grafana-ini)."),
  SIGV4_IGNORED_KEY("sigv4-ignored-key", Severity.WARNING,
      "A SigV4 key Grafana does not read",
      "The SigV4 signer reads only sigV4Auth, sigV4AuthType, sigV4Region, sigV4AssumeRoleArn,"
          + " sigV4ExternalId, sigV4Profile (and the plugin's sigv4Service). sigV4Endpoint and the unprefixed"
          + " authType, defaultRegion, assumeRoleArn, externalId and profile (CloudWatch's names, also used in"
          + " the AMP plugin's own docs) are ignored, as is any other spelling."),

  // ---- URLs and access
  AMP_URL_REGION_MISMATCH("amp-url-region-mismatch", Severity.ERROR,
      "The workspace URL and sigV4Region name different regions",
      "Requests to aps-workspaces.<region>.amazonaws.com must be signed for that region; a signature for"
          + " another region is rejected by AWS."),
  AMP_URL_NOT_HTTPS("amp-url-not-https", Severity.ERROR,
      "An Amazon Managed Service for Prometheus URL that is not https",
      "AMP workspace endpoints answer only on https."),
  AMP_URL_API_V1("amp-url-api-v1", Severity.ERROR,
      "A Prometheus URL that already ends in /api/v1",
      "The Prometheus plugins append /api/v1/query (and the other API paths) to the URL themselves: a URL"
          + " ending in /api/v1 doubles the path and every query fails with 404."),
  ACCESS_DIRECT_SIGNED("access-direct-signed", Severity.ERROR,
      "access: direct on a source that signs its requests",
      "With access: direct the browser sends the requests, and only Grafana's server can sign them with"
          + " SigV4: the requests go out unsigned (the AMP plugin's editor shows an error)."),

  // ---- credentials in plain sight
  SECRET_IN_JSON_DATA("secret-in-json-data", Severity.ERROR,
      "A secret under jsonData instead of secureJsonData",
      "Grafana reads SigV4 and Azure secrets, passwords, TLS keys and certificates and HTTP header values only"
          + " from secureJsonData; under jsonData they are ignored (so authentication fails) and stored"
          + " unencrypted, visible to everyone who can see the data source."),
  LITERAL_AWS_KEY("literal-aws-key", Severity.WARNING,
      "A literal AWS key in the file",
      "An AWS access key id (AKIA..., ASIA...) or secret key written in the file works, but it sits in plain"
          + " text in every copy of the repository. Use $__env{NAME} or $__file{/path} (apiVersion 1 files)"
          + " instead."),

  // ---- the Grafana that reads the files (checked only with its settings: .promshift.yaml grafana:, --grafana-ini)
  AZURE_AUTH_DISABLED("azure-auth-disabled", Severity.ERROR,
      "Azure authentication while Grafana's azure_auth_enabled is off",
      "The Azure Prometheus plugin (and core Prometheus) configure Azure authentication only when Grafana's [auth]"
          + " azure_auth_enabled is true (Grafana's default is false, conf/defaults.ini): otherwise the requests go out"
          + " without a token and Azure answers 401 Unauthorized. Reported only when the setting is stated as false."),
  FORWARD_SETTINGS_MISSING("forward-settings-missing", Severity.INFO,
      "A forward_settings_to_plugins list without the migrated plugin",
      "Grafana passes its [aws] and [azure] settings only to the plugins its forward_settings_to_plugins lists."
          + " Grafana's own advice for 401 errors after the type migration is to add"
          + " grafana-amazonprometheus-datasource ([aws]) or grafana-azureprometheus-datasource ([azure]) there."
          + " Grafana's default lists (conf/defaults.ini and pkg/setting, checked 2026-12): [aws] cloudwatch,"
          + " grafana-athena-datasource, grafana-redshift-datasource, grafana-x-ray-datasource,"
          + " grafana-timestream-datasource, grafana-iot-sitewise-datasource, grafana-iot-twinmaker-app,"
          + " grafana-opensearch-datasource, aws-datasource-provisioner, elasticsearch, prometheus; [azure]"
          + " grafana-azure-monitor-datasource, prometheus, grafana-azure-data-explorer-datasource, mssql and, in"
          + " recent versions, grafana-azureprometheus-datasource. Only an explicit list is judged (its owner is the"
          + " one who can add the plugin), and the finding is info: Grafana's documentation names it as a cause of"
          + " 401 errors, not a certainty."),

  // ---- migration state (the banners of Grafana's config page)
  MIGRATION_PENDING("migration-pending", Severity.INFO,
      "Grafana will migrate this prometheus data source",
      "Grafana 12 (behind prometheusTypeMigration) and 13 (always) move a prometheus data source with SigV4"
          + " (jsonData.sigV4Auth: true) or Azure auth (jsonData.azureCredentials) to the Amazon or Azure"
          + " Prometheus plugin at every start, and a file that still says type: prometheus flips it back at"
          + " the next start. Migrate the file (promshift migrate) so that file and database agree."),
  MIGRATED("migrated", Severity.INFO, "A migrated data source",
      "jsonData has prometheus-type-migration: true: Grafana's type migration moved this data source to a"
          + " plugin type, and the plugin's config page shows a \"Data source migrated\" banner. A rollback to"
          + " core Prometheus looks for this marker."),
  PLACEHOLDER_UNCHECKED("placeholder-unchecked", Severity.INFO,
      "A placeholder decides this value at run time",
      "The value comes from the environment when Grafana starts, so promshift cannot judge it from the file"
          + " alone. Validate with an environment (--env-file) to check the expanded value."),
  // ---- what a migration says about a file
  // ---- data sources where they live: Helm values, operator resources, Ansible (embedded units)
  OUTER_DUPLICATE_KEY("outer-duplicate-key", Severity.WARNING, "A key is defined twice in values or a resource",
      "Helm and kubectl read values and resources with go-yaml v2, which keeps the last of two equal keys without a"
          + " word: the first value never reaches Grafana."),
  YAML11_BOOL_OUTER("yaml11-bool-outer", Severity.INFO, "A YAML 1.1 boolean word that Helm or kubectl makes a boolean",
      "In Helm values, kubectl-applied resources and Ansible variables yes/no/on/off are booleans (YAML 1.1); they"
          + " reach Grafana as true or false. In a provisioning file Grafana reads the same word as a string."),
  CHART_FILE_NAME("chart-file-name", Severity.ERROR, "A chart data source file whose name Grafana does not read",
      "The grafana chart mounts each key under datasources: as a file of that name in Grafana's provisioning"
          + " folder; Grafana reads only files ending in .yaml or .yml, so the data sources of any other key are"
          + " never provisioned."),
  GENERATED_FILE("generated-file", Severity.WARNING, "Data sources in a generated document",
      "Rendered Helm output (a # Source: comment, a helm.sh/chart label) or kube-prometheus' jsonnet build (its"
          + " part-of label) is written again by the next render: a change made there does not last."),
  SECRET_DATA_SHADOWED("secret-data-shadowed", Severity.WARNING, "A Secret key in both data and stringData",
      "Kubernetes writes stringData over data: when a Secret holds one key in both, the data value (base64) never"
          + " reaches the volume or the k8s-sidecar, whatever it says."),
  CHART_IGNORED_KEY("chart-ignored-key", Severity.WARNING, "Data sources under a key the chart ignores",
      "kube-prometheus-stack reads additional data sources only from grafana.additionalDataSources (capital S):"
          + " a top-level additionalDataSources or a misspelt additionalDatasources is ignored."),
  CHART_TWO_DEFAULTS("chart-two-defaults", Severity.ERROR, "Two default data sources with kube-prometheus-stack",
      "kube-prometheus-stack adds its own Prometheus data source with isDefault: true; an additional data source"
          + " with isDefault: true makes two defaults in one organization, and Grafana refuses to start"
          + " (only one default data source per organization)."),
  CHART_DUPLICATE_JSON_DATA("chart-duplicate-jsondata", Severity.ERROR,
      "extraJsonData repeats a key the chart writes itself",
      "kube-prometheus-stack writes extraJsonData before its own httpMethod and timeInterval (and timeout,"
          + " customQueryParameters when set): the same key in extraJsonData makes a duplicate key in the rendered"
          + " file, which Grafana refuses."),
  FIXED_TYPE("fixed-type", Severity.ERROR, "A data source whose type the chart writes",
      "kube-prometheus-stack's default data source always has type: prometheus, written by the chart's template."
          + " With SigV4 on it, Grafana migrates it at every start and the sidecar's file flips it back; it cannot be"
          + " migrated in the values file. Switch it off and add an additionalDataSources item with the plugin type"
          + " and the same uid."),
  PRUNED_FIELD("pruned-field", Severity.WARNING, "A field the resource's CRD does not have",
      "Kubernetes drops fields that are not in a custom resource's schema: grafana-operator v5's GrafanaDatasource"
          + " has no withCredentials, version, correlations, password or basicAuthPassword; v4's GrafanaDataSource"
          + " keeps only the jsonData keys its CRD lists. The setting never reaches Grafana."),
  TEMPLATE_BOOLEAN("template-boolean", Severity.WARNING, "A Helm template as a boolean renders to a string",
      "Helm writes the values with toYaml before it renders templates: a value that starts with {{ is quoted, and"
          + " the rendered result is the string 'true', not the boolean. Grafana does not sign or migrate on a"
          + " string."),
  API_VARIABLE("api-variable", Severity.WARNING, "A variable on the operator's API path",
      "grafana-operator sends the resource to Grafana's HTTP API, which stores strings as sent: ${VAR} is expanded"
          + " only by an outside step (Flux postBuild substitution, the operator's valuesFrom, envsubst)."),
  API_GRAFANA_PLACEHOLDER("api-grafana-placeholder", Severity.ERROR,
      "A provisioning placeholder on the operator's API path",
      "$__env{} and $__file{} are expanded only when Grafana reads a provisioning file; grafana-operator sends the"
          + " resource through the HTTP API, so Grafana stores the placeholder text itself."),
  EXPANDED_BEFORE_GRAFANA("expanded-before-grafana", Severity.ERROR,
      "A Grafana placeholder that compose or the shell expands first",
      "A provisioning file written by a heredoc passes through docker compose (in a compose file) and the shell"
          + " (unquoted delimiter) before Grafana reads it: each takes $__env as a variable of its own (empty), so"
          + " Grafana receives {NAME} instead of $__env{NAME}. Write $$ for compose, \\$ for the shell, or quote the"
          + " heredoc's delimiter (<<'EOF')."),

  // ---- the file's own suppression comments (# promshift-disable-line RULE, # promshift-disable-next-line RULE)
  SUPPRESSION_UNKNOWN_RULE("suppression-unknown-rule", Severity.WARNING,
      "A suppression comment names a rule that does not exist",
      "A # promshift-disable-line or # promshift-disable-next-line comment names a rule id promshift does not have"
          + " (a typo, or a rule of another tool): it suppresses nothing under that name. Rule ids are the ones"
          + " reports print in brackets, e.g. literal-aws-key."),
  SUPPRESSION_UNUSED("suppression-unused", Severity.INFO, "A suppression comment suppresses nothing",
      "No finding of the rule it names is on the line it covers (any more): the comment can go. A read refusal"
          + " (yaml-syntax, duplicate-key, template, limit, unreadable) is never suppressed: the comments of a file"
          + " that cannot be read are not trusted."),

  NOT_PROVISIONING("not-provisioning", Severity.INFO, Origin.FILE, "Not a data source provisioning file",
      "A YAML file without datasources or deleteDatasources (dashboards, alerting, anything else): Grafana's data"
          + " source provisioning ignores it, and so does promshift."),
  LATER_DOCUMENTS("later-documents", Severity.WARNING, Origin.MIGRATION, "Documents after the first are ignored",
      "Grafana reads only the first YAML document of a provisioning file; later documents are not migrated."),
  SKIPPED_TARGET("skipped-target", Severity.WARNING, Origin.MIGRATION, "A data source the migration leaves alone",
      "The data source is not moved to the requested type, and the notice says why (Grafana's own rule)."),
  NATIVE_PLUGIN_SOURCE("native-plugin-source", Severity.WARNING, Origin.MIGRATION,
      "A plugin-type data source without the migration marker",
      "The data source already has a plugin type but no prometheus-type-migration marker: it was written for the"
          + " plugin, not migrated, so a revert leaves it alone unless told otherwise (--all)."),
  SIGV4_AUTH_PLACEHOLDER("sigv4auth-placeholder", Severity.WARNING, Origin.MIGRATION,
      "sigV4Auth is a placeholder",
      "Grafana's migration reads sigV4Auth before placeholders are expanded: a placeholder is not the boolean true,"
          + " so the data source is not migrated."),
  SIGV4_AUTH_NOT_BOOLEAN_TRUE("sigv4auth-not-boolean", Severity.WARNING, Origin.MIGRATION,
      "sigV4Auth looks on but is not the boolean true",
      "Grafana's migration moves a data source only when jsonData.sigV4Auth is the boolean true; \"true\", yes or 1"
          + " do not count, so the data source is not migrated."),
  FIXED_VERSION("fixed-version", Severity.WARNING, Origin.MIGRATION, "A fixed version",
      "The data source sets version: Grafana's provisioning refuses to update a row whose version is higher than"
          + " the file's, so a migrated type may not reach the database."),
  GENERATED_FILE_CHANGED("generated-file-changed", Severity.WARNING, Origin.MIGRATION,
      "A generated document was changed",
      "The document is rendered Helm output or kube-prometheus' jsonnet build: the next render writes it again, so the"
          + " change must also be made where it is rendered from."),
  BASE64_REWRITTEN("base64-rewritten", Severity.WARNING, Origin.MIGRATION, "A base64 value was rewritten",
      "A provisioning file held base64-encoded (a Secret's data) was decoded, changed and encoded again, as asked with"
          + " --rewrite-base64: the value changes whole, so review it before it is applied."),
  DECLARE_PLUGIN("declare-plugin", Severity.INFO, Origin.MIGRATION, "Declare the plugin where this shape installs it",
      "Grafana does not install a plugin for a provisioned data source: after a migration, the plugin type must be"
          + " installed where this shape declares plugins (chart plugins:, kube-prometheus-stack grafana.plugins,"
          + " grafana-operator spec.plugins, [plugins] preinstall)."),
  MARKER_NOT_KEPT("marker-not-kept", Severity.INFO, Origin.MIGRATION, "The marker cannot be stored here",
      "grafana-operator v4's GrafanaDataSource CRD keeps only the jsonData keys it lists: the migration marker would"
          + " be dropped, so only the type changes (the marker drives only banners and rollbacks)."),
  UNFIXED("unfixed", Severity.INFO, Origin.MIGRATION, "A fixable finding promshift fix leaves",
      "The finding has an exact fix, but making it here would change other data too (a value shared through an anchor"
          + " or a merge key with places the fix does not concern), or two fixes would edit the same text: the file"
          + " keeps it, and the finding's hint says what to write by hand."),
  MIGRATION_REFUSED("migration-refused", Severity.ERROR, Origin.MIGRATION, "The file cannot be migrated safely",
      "No edit can move the types without changing other data (shared anchors or merge keys), or the file cannot"
          + " be read: it is left untouched."),

  // ---- what happens to a file on disk
  UNLISTABLE("unlistable", Severity.ERROR, Origin.FILE, "A folder or file cannot be listed",
      "A directory under a root could not be listed, or a path could not be looked at: its files are not processed."),
  WRITE_FAILED("write-failed", Severity.ERROR, Origin.FILE, "A file cannot be written",
      "The new content could not be written; the file holds its old content, whole."),
  CONCURRENT_CHANGE("concurrent-change", Severity.ERROR, Origin.FILE, "The file changed while promshift worked",
      "Another process changed the file after promshift read it: it is left as that process wrote it."),
  SAME_FILE("same-file", Severity.INFO, Origin.FILE, "The same file reached twice",
      "A file reached a second time through a symbolic link is rewritten once, by the path it was first reached by.");

  /** Where a code comes from: the validator's rules, a migration, or the reading and writing of files. */
  public enum Origin { RULE, MIGRATION, FILE }

  private final String id;
  private final Severity severity;
  private final Origin origin;
  private final String title;
  private final String help;

  /** A validator rule. */
  Code(String id, Severity severity, String title, String help) {
    this(id, severity, Origin.RULE, title, help);
  }

  Code(String id, Severity severity, Origin origin, String title, String help) {
    this.id = id;
    this.origin = origin;
    this.severity = severity;
    this.title = title;
    this.help = help;
  }

  /** The stable kebab-case id reports print, e.g. {@code sigv4-region-missing}. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String title() {
    return title;
  }

  public String help() {
    return help;
  }

  public Origin origin() {
    return origin;
  }

  /**
   * The rules whose findings can carry an exact {@link Repair} ({@code promshift fix} makes it): a finding of any other
   * rule cannot carry one (its constructor refuses it), so this list and the rules agree.
   */
  private static final java.util.Set<Code> FIXABLE = java.util.EnumSet.of(SCHEMA, API_VERSION_QUOTED,
      BOOL_NOT_PARSEBOOL, HTTP_METHOD_SPELLING, YAML11_BOOL, JSON_DATA_BOOLEAN_TEXT, SIGV4_AUTH_NOT_BOOLEAN,
      SIGV4_IGNORED_KEY, AMP_URL_API_V1);

  /** Whether {@code promshift fix} resolves findings of this rule (those whose fix is exact: see {@link Repair}). */
  public boolean fixable() {
    return FIXABLE.contains(this);
  }

  /** The fixable rules, in {@link Code} order. */
  public static List<Code> fixables() {
    return Arrays.stream(values()).filter(Code::fixable).toList();
  }

  /** The validator's rules, in a stable order (what SARIF's {@code tool.driver.rules} lists). */
  public static List<Code> rules() {
    return Arrays.stream(values()).filter(code -> code.origin() == Origin.RULE).toList();
  }

  public static Optional<Code> find(String id) {
    return Arrays.stream(values()).filter(code -> code.id.equals(id)).findFirst();
  }

  public static Code get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no such code: " + id));
  }

  /**
   * The codes a mistyped id most likely meant, nearest first ({@link io.promshift.text.Spelling#meant}: the one rule
   * for "did you mean" wherever a user writes a rule id: configuration, options, suppression comments).
   */
  public static List<Code> meant(String typo) {
    return io.promshift.text.Spelling.meant(typo, Arrays.stream(values()).map(code -> code.id).toList()).stream()
        .map(Code::get).toList();
  }
}
