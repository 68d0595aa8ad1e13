package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that {@code schemas/grafana-datasources.schema.json} is a valid draft 2020-12 schema and that it reports
 * exactly the expected instance locations for a table of passing and failing provisioning files.
 */
class SchemaSelfTest {

    static final String SCHEMA_ID = "https://promshift.io/schemas/grafana-datasources.schema.json";
    static final String SCHEMA_RESOURCE = "/io/promshift/schemas/grafana-datasources.schema.json";
    static final Path SCHEMA_FILE = Path.of("schemas", "grafana-datasources.schema.json");

    /** Instances in the table are written with single quotes, which this mapper accepts. */
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();

    /** Draft 2020-12 only; the schema's $id is resolved from the classpath copy the build makes. */
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getDraft202012(),
            builder -> builder.schemaRegistryConfig(CONFIG)
                    .schemaIdResolvers(ids -> ids.mapPrefix("https://promshift.io/schemas/", "classpath:io/promshift/schemas/")));

    /** Loaded once, shared by every case. */
    static Schema schema;
    static JsonNode schemaNode;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SchemaSelfTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            assertThat(in).as("schema on the classpath at %s", SCHEMA_RESOURCE).isNotNull();
            schemaNode = JSON.readTree(in);
        }
        schema = REGISTRY.getSchema(SchemaLocation.of(SCHEMA_ID));
        schema.initializeValidators(); // resolve every $ref now, not lazily during a case
    }

    // ------------------------------------------------------------------------------------------ the schema itself

    @Test
    void schemaIsValidAgainstTheDraft202012MetaSchema() {
        // format assertions on, so that every "pattern" is also checked as a regular expression ("format": "regex")
        SchemaRegistry metaRegistry = SchemaRegistry.withDialect(Dialects.getDraft202012(), builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true).build()));
        Schema metaSchema = metaRegistry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

        assertThat(metaSchema.validate(schemaNode)).isEmpty();
        // the check has teeth: a broken schema is reported
        assertThat(metaSchema.validate(JSON.readTree("{'type':5,'pattern':'(','$defs':{'x':{'minLength':-1}}}")))
                .extracting(e -> e.getInstanceLocation().toString())
                .contains("/type", "/pattern", "/$defs/x/minLength");
    }

    @Test
    void schemaDeclaresDialectIdAndTitle() {
        assertThat(schemaNode.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schemaNode.get("$id").asString()).isEqualTo(SCHEMA_ID);
        assertThat(schemaNode.get("title").asString()).isNotBlank();
        assertThat(schemaNode.get("description").asString()).isNotBlank();
        // other code reads these patterns from the schema
        assertThat(schemaNode.at("/$defs/awsRegion/pattern").asString()).isEqualTo(
                "^[a-z]{2,4}(-[a-z]{2,4})?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-[1-9][0-9]?$");
        assertThat(schemaNode.at("/$defs/iamRoleArn/pattern").asString()).isEqualTo("^arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/.+$");
        assertThat(schemaNode.at("/$defs/placeholder/pattern").isString()).isTrue();
    }

    @Test
    void classpathCopyIsTheSchemaFile() throws IOException {
        assertThat(JSON.readTree(Files.readString(SCHEMA_FILE))).isEqualTo(schemaNode);
    }

    @Test
    void everyDocumentedPropertyHasTitleAndDescription() {
        List<String> missing = new ArrayList<>();
        collectUndocumented(schemaNode, "", missing);
        assertThat(missing).isEmpty();
    }

    /**
     * Every schema under a "properties" map must carry a title and a description, unless it is a bare $ref (the
     * target is documented) or it sits in a conditional (if/then/else/not), which only restates constraints.
     */
    private static void collectUndocumented(JsonNode node, String pointer, List<String> missing) {
        if (!node.isObject()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collectUndocumented(node.get(i), pointer + "/" + i, missing);
                }
            }
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            if (Set.of("if", "then", "else", "not").contains(key)) {
                continue;
            }
            if (key.equals("properties") && field.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> property : field.getValue().properties()) {
                    JsonNode p = property.getValue();
                    boolean bareRef = p.size() == 1 && p.has("$ref");
                    if (!bareRef && (!p.hasNonNull("title") || !p.hasNonNull("description"))) {
                        missing.add(child + "/" + property.getKey());
                    }
                }
            }
            collectUndocumented(field.getValue(), child, missing);
        }
    }

    // ------------------------------------------------------------------------------------------ the table

    static final String DS = "/datasources/0";
    static final String JD = DS + "/jsonData";
    static final String SJD = DS + "/secureJsonData";
    static final String AZ = JD + "/azureCredentials";

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void instance(String name, String json, Set<String> expected) {
        List<Error> errors = schema.validate(JSON.readTree(json));
        Set<String> locations = errors.stream()
                .map(e -> e.getInstanceLocation().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(locations)
                .as("%s%n%s", json, errors.stream()
                        .map(e -> "  " + e.getInstanceLocation() + " [" + e.getKeyword() + "] " + e.getMessage())
                        .collect(Collectors.joining("\n")))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---- file level
                ok("minimal v1 file", v1("{'name':'Prom','type':'prometheus','url':'http://prom:9090'}")),
                ok("empty document", "null"),
                ok("empty v1 file", "{'apiVersion':1}"),
                ok("null datasources", "{'apiVersion':1,'datasources':null}"),
                bad("apiVersion quoted '1' is fatal", "{'apiVersion':'1','datasources':[{'name':'a','type':'prometheus'}]}", "/apiVersion"),
                bad("apiVersion 2", "{'apiVersion':2}", "/apiVersion"),
                bad("apiVersion -1", "{'apiVersion':-1}", "/apiVersion"),
                bad("datasources not a list", "{'apiVersion':1,'datasources':{'name':'a'}}", "/datasources"),
                bad("data source not a map", "{'apiVersion':1,'datasources':['a']}", DS),
                ok("unknown keys are ignored", "{'apiVersion':1,'x-notes':{'a':1},'datasources':[{'name':'a','foo':[1],'json_data':'ignored in v1','is_default':'ignored'}]}"),
                ok("prune true", "{'apiVersion':1,'prune':true}"),
                ok("prune yes (YAML 1.1 word, go-yaml v3 typed bool)", "{'apiVersion':1,'prune':'yes'}"),
                bad("prune quoted true", "{'apiVersion':1,'prune':'true'}", "/prune"),
                bad("prune 1", "{'apiVersion':1,'prune':1}", "/prune"),
                ok("deleteDatasources", "{'apiVersion':1,'deleteDatasources':[{'name':'old','orgId':1},{'name':'older','orgId':'$ORG'}]}"),
                bad("deleteDatasources without name (orgId text is left to the int-not-base10 rule)",
                        "{'apiVersion':1,'deleteDatasources':[{'orgId':'one'}]}", "/deleteDatasources/0"),
                bad("deleteDatasources orgId a map", "{'apiVersion':1,'deleteDatasources':[{'name':'a','orgId':{'x':1}}]}",
                        "/deleteDatasources/0/orgId"),

                // ---- data source fields (v1)
                bad("name missing", v1("{'type':'prometheus'}"), DS),
                bad("name empty", v1("{'name':''}"), DS + "/name"),
                bad("name null", v1("{'name':null}"), DS + "/name"),
                bad("name over 190 characters", v1("{'name':'" + "n".repeat(191) + "'}"), DS + "/name"),
                ok("name of 190 characters", v1("{'name':'" + "n".repeat(190) + "'}")),
                ok("numeric name is read as text", v1("{'name':2024,'database':0,'user':1234}")),
                bad("url over 255 characters", v1("{'name':'a','url':'http://h/" + "p".repeat(250) + "'}"), DS + "/url"),
                bad("url is a map", v1("{'name':'a','url':{'host':'h'}}"), DS + "/url"),
                ok("placeholders in text fields", v1("{'name':'$NAME','uid':'${UID}','url':'$__env{URL}','user':'$__file{/run/user}'}")),
                ok("typed fields as JSON types", v1("{'name':'a','orgId':2,'version':3,'isDefault':true,'basicAuth':false,'withCredentials':false,'editable':true}")),
                ok("typed fields as placeholders", v1("{'name':'a','orgId':'${ORG}','version':'$VERSION','isDefault':'$DEFAULT','basicAuth':'$__env{BASIC}','editable':'${EDIT}'}")),
                ok("typed fields null", v1("{'name':'a','orgId':null,'isDefault':null,'editable':null}")),
                // v1 typed fields are read as raw text, then ParseBool / base-10: any scalar can work, so the
                // schema accepts scalars and the Java rules (bool-not-parsebool, int-not-base10) judge the text
                ok("isDefault quoted true (ParseBool accepts the text true)", v1("{'name':'a','isDefault':'true'}")),
                ok("isDefault yes (left to bool-not-parsebool)", v1("{'name':'a','isDefault':'yes'}")),
                ok("basicAuth 1 (ParseBool accepts 1)", v1("{'name':'a','basicAuth':1}")),
                ok("orgId quoted 2", v1("{'name':'a','orgId':'2'}")),
                ok("orgId text (left to int-not-base10)", v1("{'name':'a','orgId':'two'}")),
                ok("version 1.5 (left to int-not-base10)", v1("{'name':'a','version':1.5}")),
                bad("isDefault a map", v1("{'name':'a','isDefault':{'x':true}}"), DS + "/isDefault"),
                bad("editable a list", v1("{'name':'a','editable':[true]}"), DS + "/editable"),
                bad("orgId a list", v1("{'name':'a','orgId':[1]}"), DS + "/orgId"),
                bad("version a map", v1("{'name':'a','version':{'v':1}}"), DS + "/version"),
                bad("jsonData is a list", v1("{'name':'a','jsonData':['x']}"), JD),
                bad("correlations is a map", v1("{'name':'a','correlations':{'x':1}}"), DS + "/correlations"),

                // ---- secureJsonData
                ok("secureJsonData scalars", v1("{'name':'a','secureJsonData':{'basicAuthPassword':'$__file{/run/pw}','pin':1234,'flag':true,'empty':null}}")),
                bad("secureJsonData nested map", v1("{'name':'a','secureJsonData':{'headers':{'X':'y'}}}"), SJD + "/headers"),
                bad("secureJsonData nested list", v1("{'name':'a','secureJsonData':{'keys':['a','b']}}"), SJD + "/keys"),
                bad("secureJsonData is a list", v1("{'name':'a','secureJsonData':['a']}"), SJD),

                // ---- legacy version 0
                ok("version-0 file", "{'datasources':[{'name':'a','type':'prometheus','org_id':1,'version':2,'is_default':true,"
                        + "'basic_auth':'yes','with_credentials':'off','editable':false,'basic_auth_user':'u',"
                        + "'json_data':{'sigV4Auth':true,'sigV4Region':'us-east-1'},'secure_json_data':{'basicAuthPassword':'p'}}],"
                        + "'delete_datasources':[{'name':'old','org_id':1}]}"),
                ok("apiVersion 0 is version 0", "{'apiVersion':0,'datasources':[{'name':'a','is_default':true}]}"),
                ok("camelCase keys are ignored in version 0", "{'datasources':[{'name':'a','isDefault':'whatever','jsonData':5}]}"),
                bad("version 0 quoted true", "{'datasources':[{'name':'a','is_default':'true'}]}", DS + "/is_default"),
                bad("version 0 org_id text", "{'datasources':[{'name':'a','org_id':'1'}]}", DS + "/org_id"),
                bad("version 0 has no placeholders for typed fields", "{'datasources':[{'name':'a','is_default':'$DEFAULT','org_id':'${ORG}'}]}",
                        DS + "/is_default", DS + "/org_id"),
                bad("version 0 json_data sigV4Auth placeholder is literal text",
                        "{'datasources':[{'name':'a','json_data':{'sigV4Auth':'$SIGV4','sigV4Region':'${REGION}'}}]}",
                        DS + "/json_data/sigV4Auth", DS + "/json_data/sigV4Region"),
                bad("version 0 secure_json_data nested map", "{'datasources':[{'name':'a','secure_json_data':{'x':{'y':1}}}]}",
                        DS + "/secure_json_data/x"),
                bad("version 0 keys needs both secrets",
                        "{'datasources':[{'name':'a','json_data':{'sigV4Auth':true,'sigV4Region':'us-east-1','sigV4AuthType':'keys'},"
                        + "'secure_json_data':{'sigV4AccessKey':'$KEY'}}]}", DS + "/secure_json_data"),
                bad("version 0 typed Prometheus jsonData", "{'datasources':[{'name':'a','type':'prometheus','json_data':{'manageAlerts':'true','httpMethod':'$M'}}]}",
                        DS + "/json_data/manageAlerts", DS + "/json_data/httpMethod"),
                bad("version 0 delete_datasources org_id text", "{'delete_datasources':[{'name':'a','org_id':'x'}]}",
                        "/delete_datasources/0/org_id"),

                // ---- SigV4: auth type
                ok("auth type default", sigv4("'sigV4AuthType':'default'")),
                ok("auth type empty means default", sigv4("'sigV4AuthType':''")),
                ok("auth type keys with both keys", v1("{'name':'a','type':'grafana-amazonprometheus-datasource','jsonData':{'sigV4Auth':true,"
                        + "'sigV4Region':'us-east-1','sigV4AuthType':'keys'},'secureJsonData':{'sigV4AccessKey':'$__env{AWS_KEY}',"
                        + "'sigV4SecretKey':'$__file{/run/secret}','sigV4SessionToken':'t'}}")),
                ok("auth type credentials", sigv4("'sigV4AuthType':'credentials','sigV4Profile':'prod'")),
                ok("auth type ec2_iam_role", sigv4("'sigV4AuthType':'ec2_iam_role'")),
                ok("auth type grafana_assume_role", sigv4("'sigV4AuthType':'grafana_assume_role','sigV4AssumeRoleArn':'arn:aws:iam::123456789012:role/grafana'")),
                bad("auth type arn", sigv4("'sigV4AuthType':'arn'"), JD + "/sigV4AuthType"),
                bad("auth type sharedCreds", sigv4("'sigV4AuthType':'sharedCreds'"), JD + "/sigV4AuthType"),
                bad("auth type Keys (case)", sigv4("'sigV4AuthType':'Keys'"), JD + "/sigV4AuthType"),
                bad("auth type as a number", sigv4("'sigV4AuthType':1"), JD + "/sigV4AuthType"),
                ok("auth type placeholder", sigv4("'sigV4AuthType':'$__vault{aws:auth_type}'")),

                // ---- SigV4: region
                ok("region us-east-1", region("us-east-1")),
                ok("region eu-central-2", region("eu-central-2")),
                ok("region ap-southeast-5", region("ap-southeast-5")),
                ok("region il-central-1", region("il-central-1")),
                ok("region GovCloud us-gov-west-1", region("us-gov-west-1")),
                ok("region China cn-north-1", region("cn-north-1")),
                ok("region China cn-northwest-1", region("cn-northwest-1")),
                ok("region ISO us-iso-east-1", region("us-iso-east-1")),
                ok("region ISO-B us-isob-east-1", region("us-isob-east-1")),
                bad("region EU-West-1", region("EU-West-1"), JD + "/sigV4Region"),
                bad("region us-east", region("us-east"), JD + "/sigV4Region"),
                bad("region us-east-1a (an availability zone)", region("us-east-1a"), JD + "/sigV4Region"),
                bad("region with spaces", region(" us-east-1"), JD + "/sigV4Region"),
                ok("region ${REGION}", region("${REGION}")),
                ok("region $__env{REGION}", region("$__env{REGION}")),
                ok("region $REGION", region("$REGION")),
                bad("region $$REGION is an escaped literal", region("$$REGION"), JD + "/sigV4Region"),
                bad("signing without region", v1("{'name':'a','jsonData':{'sigV4Auth':true}}"), JD),
                bad("signing with empty region", v1("{'name':'a','jsonData':{'sigV4Auth':true,'sigV4Region':''}}"), JD + "/sigV4Region"),
                ok("no region needed without signing", v1("{'name':'a','jsonData':{'sigV4Auth':false,'sigV4Region':''}}")),
                ok("no region needed when sigV4Auth is a placeholder", v1("{'name':'a','jsonData':{'sigV4Auth':'$SIGV4'}}")),

                // ---- SigV4: sigV4Auth type
                ok("sigV4Auth placeholder $SIGV4", sigv4Auth("'$SIGV4'")),
                ok("sigV4Auth placeholder ${SIGV4}", sigv4Auth("'${SIGV4}'")),
                ok("sigV4Auth placeholder $__env{SIGV4}", sigv4Auth("'$__env{SIGV4}'")),
                bad("sigV4Auth quoted true", sigv4Auth("'true'"), JD + "/sigV4Auth"),
                bad("sigV4Auth yes", sigv4Auth("'yes'"), JD + "/sigV4Auth"),
                bad("sigV4Auth 1", sigv4Auth("1"), JD + "/sigV4Auth"),
                bad("sigV4Auth null", sigv4Auth("null"), JD + "/sigV4Auth"),
                bad("sigV4Auth text without a placeholder", sigv4Auth("'SIGV4'"), JD + "/sigV4Auth"),

                // ---- SigV4: keys needs both secrets
                bad("keys without secureJsonData", keys(null), DS),
                bad("keys without secret key", keys("{'sigV4AccessKey':'AKIA'}"), SJD),
                bad("keys without access key", keys("{'sigV4SecretKey':'s'}"), SJD),
                bad("keys with an empty secret key", keys("{'sigV4AccessKey':'AKIA','sigV4SecretKey':''}"), SJD + "/sigV4SecretKey"),
                ok("keys with both keys", keys("{'sigV4AccessKey':'$AWS_ACCESS_KEY_ID','sigV4SecretKey':'$AWS_SECRET_ACCESS_KEY'}")),
                ok("keys without signing needs no secrets", v1("{'name':'a','jsonData':{'sigV4Auth':false,'sigV4AuthType':'keys'}}")),

                // ---- SigV4: companions
                ok("ARN aws", arn("arn:aws:iam::123456789012:role/grafana")),
                ok("ARN with a path", arn("arn:aws:iam::123456789012:role/service/grafana-amp")),
                ok("ARN GovCloud", arn("arn:aws-us-gov:iam::123456789012:role/grafana")),
                ok("ARN China", arn("arn:aws-cn:iam::123456789012:role/grafana")),
                ok("ARN ISO-B", arn("arn:aws-iso-b:iam::123456789012:role/grafana")),
                ok("ARN placeholder", arn("${ROLE_ARN}")),
                ok("ARN empty", arn("")),
                bad("ARN with an 11-digit account", arn("arn:aws:iam::12345678901:role/grafana"), JD + "/sigV4AssumeRoleArn"),
                bad("ARN of a user", arn("arn:aws:iam::123456789012:user/grafana"), JD + "/sigV4AssumeRoleArn"),
                bad("ARN without a role name", arn("arn:aws:iam::123456789012:role/"), JD + "/sigV4AssumeRoleArn"),
                bad("ARN of a workspace", arn("arn:aws:aps:us-east-1:123456789012:workspace/ws-1"), JD + "/sigV4AssumeRoleArn"),
                bad("external id, profile and service must be strings", sigv4("'sigV4ExternalId':12345,'sigV4Profile':true,'sigv4Service':1"),
                        JD + "/sigV4ExternalId", JD + "/sigV4Profile", JD + "/sigv4Service"),
                ok("external id, profile and service", sigv4("'sigV4ExternalId':'ext','sigV4Profile':'p','sigv4Service':'aps'")),

                // ---- typed jsonData of the Prometheus plugins
                ok("httpMethod get", prom("'httpMethod':'get'")),
                ok("httpMethod ' POST '", prom("'httpMethod':' POST '")),
                ok("httpMethod Post", prom("'httpMethod':'Post'")),
                ok("httpMethod empty", prom("'httpMethod':''")),
                ok("httpMethod placeholder", prom("'httpMethod':'$METHOD'")),
                bad("httpMethod PUT", prom("'httpMethod':'PUT'"), JD + "/httpMethod"),
                bad("httpMethod GET POST", prom("'httpMethod':'GET POST'"), JD + "/httpMethod"),
                ok("seriesLimit 100", prom("'seriesLimit':100")),
                bad("seriesLimit '100'", prom("'seriesLimit':'100'"), JD + "/seriesLimit"),
                bad("seriesLimit 100.5", prom("'seriesLimit':100.5"), JD + "/seriesLimit"),
                ok("seriesLimit placeholder", prom("'seriesLimit':'${SERIES_LIMIT}'")),
                ok("manageAlerts true", prom("'manageAlerts':true")),
                bad("manageAlerts 'true'", prom("'manageAlerts':'true'"), JD + "/manageAlerts"),
                ok("timeInterval '15s'", prom("'timeInterval':'15s'")),
                bad("timeInterval 15", prom("'timeInterval':15"), JD + "/timeInterval"),
                bad("prometheusVersion 2.4 unquoted", prom("'prometheusVersion':2.4"), JD + "/prometheusVersion"),
                ok("typed values null are ignored", prom("'manageAlerts':null,'seriesLimit':null,'timeInterval':null")),
                ok("all typed Prometheus fields", prom("'httpMethod':'POST','timeInterval':'30s','queryTimeout':'60s',"
                        + "'customQueryParameters':'a=b','prometheusType':'Mimir','prometheusVersion':'2.9.1','cacheLevel':'High',"
                        + "'defaultEditor':'code','incrementalQueryOverlapWindow':'10m','alertmanagerUid':'am','manageAlerts':true,"
                        + "'allowAsRecordingRulesTarget':true,'disableGrafanaCache':false,'queryStatsEnabled':false,"
                        + "'disableMetricsLookup':false,'incrementalQuerying':true,'disableRecordingRules':false,'oauthPassThru':false,"
                        + "'seriesEndpoint':true,'forwardGrafanaUserHeader':false,'seriesLimit':40000,"
                        + "'maxSamplesProcessedWarningThreshold':1e9,'maxSamplesProcessedErrorThreshold':2000000000,"
                        + "'exemplarTraceIdDestinations':[{'name':'traceID','datasourceUid':'tempo'}]")),
                bad("wrong types everywhere", prom("'incrementalQuerying':'yes','disableRecordingRules':0,'queryTimeout':60,"
                        + "'maxSamplesProcessedWarningThreshold':'1e9','forwardGrafanaUserHeader':'true','cacheLevel':['High']"),
                        JD + "/incrementalQuerying", JD + "/disableRecordingRules", JD + "/queryTimeout",
                        JD + "/maxSamplesProcessedWarningThreshold", JD + "/forwardGrafanaUserHeader", JD + "/cacheLevel"),
                bad("exemplarTraceIdDestinations not a list", prom("'exemplarTraceIdDestinations':'tempo'"), JD + "/exemplarTraceIdDestinations"),
                bad("exemplar destination name not a string", prom("'exemplarTraceIdDestinations':[{'name':1}]"),
                        JD + "/exemplarTraceIdDestinations/0/name"),
                bad("typed rules apply to the Amazon plugin", typed("grafana-amazonprometheus-datasource", "'seriesLimit':'100'"), JD + "/seriesLimit"),
                bad("typed rules apply to the Azure plugin", typed("grafana-azureprometheus-datasource", "'manageAlerts':'true'"), JD + "/manageAlerts"),
                ok("typed rules do not apply to other plugins", typed("loki", "'manageAlerts':'true','timeInterval':15,'httpMethod':'PUT'")),
                ok("typed rules do not apply without a type", v1("{'name':'a','jsonData':{'seriesLimit':'100'}}")),
                ok("migration marker true", prom("'prometheus-type-migration':true")),
                bad("migration marker 'true'", prom("'prometheus-type-migration':'true'"), JD + "/prometheus-type-migration"),

                // ---- Azure
                ok("azure msi", azure("{'authType':'msi'}", null)),
                ok("azure currentuser", azure("{'authType':'currentuser','serviceCredentialsEnabled':true,'serviceCredentials':{'authType':'msi'}}", null)),
                ok("azure workloadidentity", azure("{'authType':'workloadidentity'}", null)),
                ok("azure clientsecret", azure("{'authType':'clientsecret','azureCloud':'AzureCloud','tenantId':'t','clientId':'c'}",
                        "{'azureClientSecret':'$__env{AZ_SECRET}'}")),
                ok("azure clientsecret-obo in China", azure("{'authType':'clientsecret-obo','azureCloud':'AzureChinaCloud','tenantId':'t','clientId':'c'}", null)),
                ok("azure clientsecret in US Government", azure("{'authType':'clientsecret','azureCloud':'AzureUSGovernment','tenantId':'t','clientId':'c'}", null)),
                ok("azure custom cloud through a placeholder", azure("{'authType':'clientsecret','azureCloud':'${AZURE_CLOUD}','tenantId':'t','clientId':'c'}", null)),
                ok("azure clientcertificate pem", azure("{'authType':'clientcertificate','azureCloud':'AzureCloud','tenantId':'t','clientId':'c','certificateFormat':'pem'}",
                        "{'clientCertificate':'$__file{/run/cert.pem}','privateKey':'$__file{/run/key.pem}'}")),
                ok("azure clientcertificate pfx", azure("{'authType':'clientcertificate','azureCloud':'AzureCloud','tenantId':'t','clientId':'c','certificateFormat':'pfx'}",
                        "{'clientCertificate':'c','certificatePassword':'p'}")),
                ok("azure ad-password", azure("{'authType':'ad-password','userId':'u','clientId':'c'}", "{'password':'p'}")),
                ok("azure authType placeholder", azure("{'authType':'$AZ_AUTH'}", null)),
                ok("azureCredentials null", azure("null", null)),
                bad("azure authType unknown", azure("{'authType':'managedidentity'}", null), AZ + "/authType"),
                bad("azure authType missing", azure("{'azureCloud':'AzureCloud'}", null), AZ),
                bad("azureCredentials not a map", azure("'msi'", null), AZ),
                bad("azure clientsecret without tenant and client", azure("{'authType':'clientsecret','azureCloud':'AzureCloud'}", null), AZ),
                bad("azure clientsecret-obo without cloud", azure("{'authType':'clientsecret-obo','tenantId':'t','clientId':'c'}", null), AZ),
                bad("azure clientsecret tenantId not a string", azure("{'authType':'clientsecret','azureCloud':'AzureCloud','tenantId':42,'clientId':'c'}", null),
                        AZ + "/tenantId"),
                bad("azureCloud azurecloud (case)", azure("{'authType':'clientsecret','azureCloud':'azurecloud','tenantId':'t','clientId':'c'}", null),
                        AZ + "/azureCloud"),
                bad("azureCloud AzurePublic", azure("{'authType':'clientsecret','azureCloud':'AzurePublic','tenantId':'t','clientId':'c'}", null),
                        AZ + "/azureCloud"),
                bad("azure certificate format der", azure("{'authType':'clientcertificate','azureCloud':'AzureCloud','tenantId':'t','clientId':'c','certificateFormat':'der'}",
                        "{'clientCertificate':'c'}"), AZ + "/certificateFormat"),
                bad("azure clientcertificate without format", azure("{'authType':'clientcertificate','azureCloud':'AzureCloud','tenantId':'t','clientId':'c'}",
                        "{'clientCertificate':'c'}"), AZ),
                bad("azure clientcertificate pem without private key", azure("{'authType':'clientcertificate','azureCloud':'AzureCloud','tenantId':'t','clientId':'c','certificateFormat':'pem'}",
                        "{'clientCertificate':'c','certificatePassword':'p'}"), SJD),
                bad("azure clientcertificate without secrets", azure("{'authType':'clientcertificate','azureCloud':'AzureCloud','tenantId':'t','clientId':'c','certificateFormat':'pfx'}",
                        null), DS),
                bad("azure ad-password without user and password", azure("{'authType':'ad-password','clientId':'c'}", "{}"), AZ, SJD),
                bad("azure serviceCredentialsEnabled 'true'", azure("{'authType':'currentuser','serviceCredentialsEnabled':'true'}", null),
                        AZ + "/serviceCredentialsEnabled"),
                bad("azure nested serviceCredentials checked", azure("{'authType':'currentuser','serviceCredentialsEnabled':true,'serviceCredentials':{'authType':'key'}}", null),
                        AZ + "/serviceCredentials/authType"));
    }

    /** Realistic whole files under src/test/resources/schema-cases: each must pass without any error. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"valid-migrated-v1.json", "valid-legacy-v0.json"})
    void validExampleFile(String file) throws IOException {
        try (InputStream in = SchemaSelfTest.class.getResourceAsStream("/schema-cases/" + file)) {
            assertThat(in).as("resource /schema-cases/%s", file).isNotNull();
            assertThat(schema.validate(JSON.readTree(in))).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ instance builders

    static Arguments ok(String name, String json) {
        return Arguments.of(name, json, Set.of());
    }

    static Arguments bad(String name, String json, String... locations) {
        return Arguments.of(name, json, Set.copyOf(Arrays.asList(locations)));
    }

    /** A v1 file with one data source. */
    static String v1(String dataSource) {
        return "{'apiVersion':1,'datasources':[" + dataSource + "]}";
    }

    /** An AMP data source that signs, in us-east-1, plus the given jsonData fields. */
    static String sigv4(String fields) {
        return v1("{'name':'amp','type':'grafana-amazonprometheus-datasource','jsonData':{'sigV4Auth':true,'sigV4Region':'us-east-1',"
                + fields + "}}");
    }

    static String region(String region) {
        return v1("{'name':'amp','type':'grafana-amazonprometheus-datasource','jsonData':{'sigV4Auth':true,'sigV4Region':'" + region + "'}}");
    }

    static String sigv4Auth(String value) {
        return v1("{'name':'amp','type':'prometheus','jsonData':{'sigV4Auth':" + value + ",'sigV4Region':'us-east-1'}}");
    }

    static String arn(String arn) {
        return sigv4("'sigV4AssumeRoleArn':'" + arn + "'");
    }

    static String keys(String secureJsonData) {
        return v1("{'name':'amp','type':'grafana-amazonprometheus-datasource','jsonData':{'sigV4Auth':true,'sigV4Region':'eu-west-1',"
                + "'sigV4AuthType':'keys'}" + (secureJsonData == null ? "" : ",'secureJsonData':" + secureJsonData) + "}");
    }

    static String prom(String fields) {
        return typed("prometheus", fields);
    }

    static String typed(String type, String fields) {
        return v1("{'name':'p','type':'" + type + "','jsonData':{" + fields + "}}");
    }

    static String azure(String credentials, String secureJsonData) {
        return v1("{'name':'az','type':'grafana-azureprometheus-datasource','jsonData':{'azureCredentials':" + credentials + "}"
                + (secureJsonData == null ? "" : ",'secureJsonData':" + secureJsonData) + "}");
    }
}
