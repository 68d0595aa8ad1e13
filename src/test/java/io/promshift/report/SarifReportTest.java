package io.promshift.report;

import static io.promshift.report.ReportFixtures.FINDINGS;
import static io.promshift.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.rules.Code;
import io.promshift.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SarifReportTest {
  private static final List<Code> TWO_RULES = List.of(Code.SIGV4_REGION_MISSING, Code.UID_INVALID);

  @Test
  void rulesDescribedOnceAndOneResultPerFinding() {
    assertThat(render(new SarifReport(TWO_RULES, "1.2.3"), FINDINGS.subList(0, 2), 2)).isEqualTo("""
        {
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "version": "2.1.0",
          "runs": [
            {
              "tool": {
                "driver": {
                  "name": "promshift",
                  "version": "1.2.3",
                  "semanticVersion": "1.2.3",
                  "informationUri": "https://github.com/promshift/promshift",
                  "rules": [
                    {
                      "id": "sigv4-region-missing",
                      "shortDescription": {
                        "text": "%1$s"
                      },
                      "fullDescription": {
                        "text": "%2$s"
                      },
                      "help": {
                        "text": "%2$s"
                      },
                      "helpUri": "https://github.com/promshift/promshift/blob/main/README.md#validation",
                      "defaultConfiguration": {
                        "level": "error"
                      }
                    },
                    {
                      "id": "uid-invalid",
                      "shortDescription": {
                        "text": "%3$s"
                      },
                      "fullDescription": {
                        "text": "%4$s"
                      },
                      "help": {
                        "text": "%4$s"
                      },
                      "helpUri": "https://github.com/promshift/promshift/blob/main/README.md#validation",
                      "defaultConfiguration": {
                        "level": "warning"
                      }
                    }
                  ]
                }
              },
              "columnKind": "unicodeCodePoints",
              "results": [
                {
                  "ruleId": "sigv4-region-missing",
                  "ruleIndex": 0,
                  "level": "error",
                  "message": {
                    "text": "sigV4Auth is true but sigV4Region is empty: signing fails"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "samples/invalid/empty-region.yaml"
                        },
                        "region": {
                          "startLine": 13,
                          "startColumn": 20
                        }
                      }
                    }
                  ],
                  "properties": {
                    "pointer": "/datasources/0/jsonData/sigV4Region",
                    "fix": "add sigV4Region: ap-south-1",
                    "fixable": false
                  }
                },
                {
                  "ruleId": "uid-invalid",
                  "ruleIndex": 1,
                  "level": "warning",
                  "message": {
                    "text": "uid \\"a b\\" holds characters other than a-z A-Z 0-9 - _:\\nGrafana logs a warning"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "dir%%20with%%20space/%%C3%%BC.yaml"
                        },
                        "region": {
                          "startLine": 4,
                          "startColumn": 7
                        }
                      }
                    }
                  ],
                  "properties": {
                    "pointer": "/datasources/1/uid",
                    "fix": "use at most 40 of a-z A-Z 0-9 - _, e.g. a-b",
                    "fixable": false
                  }
                }
              ]
            }
          ]
        }
        """.formatted(json(Code.SIGV4_REGION_MISSING.title()), json(Code.SIGV4_REGION_MISSING.help()),
            json(Code.UID_INVALID.title()), json(Code.UID_INVALID.help())));
  }

  @Test
  void aFindingInsideAnEmbeddedUnitNamesItsPathAsALogicalLocationAndAProperty() {
    JsonNode result = JsonMapper.builder().build().readTree(render(new SarifReport(TWO_RULES, null),
        List.of(ReportFixtures.IN_UNIT), 1)).get("runs").get(0).get("results").get(0);
    assertThat(result.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asString())
        .isEqualTo("grafana.additionalDataSources[0].jsonData.sigV4Auth");
    assertThat(result.get("properties").get("path").asString())
        .isEqualTo("grafana.additionalDataSources[0].jsonData.sigV4Auth");
    assertThat(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
        .isEqualTo(9);
  }

  @Test
  void theRealCatalogIsDescribedOnceAndEveryResultPointsAtItsRule() {
    JsonNode sarif = JsonMapper.builder().build().readTree(render(FindingsReport.sarif(), FINDINGS, 2));
    JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
    assertThat(rules.size()).isEqualTo(Code.rules().size());
    for (JsonNode result : sarif.at("/runs/0/results")) {
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString()).isEqualTo(result.get("ruleId").asString());
      assertThat(result.get("level").asString()).isIn("error", "warning", "note");
    }
    assertThat(sarif.at("/runs/0/results/2/level").asString()).isEqualTo("note");
  }

  @Test
  void absolutePathsBecomeFileUris() {
    assertThat(SarifReport.uri("/tmp/a b.yaml")).isEqualTo("file:///tmp/a%20b.yaml");
    assertThat(SarifReport.uri("a\\b.yaml")).isEqualTo("a/b.yaml");
  }

  /** A string as it appears inside a JSON string literal. */
  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Test
  void theToolsVersionComesFromTheBuildEvenWithoutAJarManifest() {
    assertThat(SarifReport.toolVersion()).as("filled in by the build from the project's version")
        .isNotBlank().doesNotContain("${");
    JsonNode driver = JsonMapper.builder().build().readTree(render(FindingsReport.sarif(), List.of(), 0))
        .at("/runs/0/tool/driver");
    assertThat(driver.get("version").asString()).isEqualTo(SarifReport.toolVersion());
    assertThat(driver.get("semanticVersion").asString()).isEqualTo(SarifReport.toolVersion());
    assertThat(driver.get("rules")).allSatisfy(rule -> assertThat(rule.get("helpUri").asString())
        .isEqualTo("https://github.com/promshift/promshift/blob/main/README.md#validation"));
  }
}
