package io.promshift.bench;

import io.promshift.embed.SourceFile;
import io.promshift.embed.SourceReader;
import io.promshift.embed.UnitSettings;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * Locating embedded units is one parse per file and linear in its size: the two shapes of embedded-shapes §3.16 (a
 * 240 KB six-document Kubernetes stream with a large JSON dashboard string, a 45 KB kube-prometheus-stack values file
 * with 840 comment lines), each also at 2× and 4× its size, against SnakeYAML Engine's bare event parse of the same
 * text. Run with {@code .ci/bench}; prints a Markdown table for the README.
 */
public final class EmbeddedBench {
  private static final SourceReader READER = new SourceReader(new ProvisioningReader(ReadSettings.DEFAULTS),
      UnitSettings.AUTO);
  private static final Migrator FORWARD = new Migrator(READER, MigrationOptions.forward().build());

  public static void main(String[] args) {
    for (int warm = 0; warm < 20; warm++) { // one warm JVM for every row, so the first row is not the slowest
      READER.read(SourceText.of("warm.yaml", stream(240 * 1024)));
      FORWARD.migrate(SourceText.of("warm.yaml", values(1)));
    }
    System.out.println("| input | KB | units | locate (median) | bare Engine parse | locate / parse | migrate (median) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (int scale : new int[] {1, 2, 4}) {
      row("six-document stream ×" + scale, stream(240 * 1024 * scale));
    }
    for (int scale : new int[] {1, 2, 4}) {
      row("values, 840 comment lines ×" + scale, values(scale));
    }
  }

  private static void row(String label, String text) {
    SourceText source = SourceText.of("bench.yaml", text);
    int[] units = new int[1];
    double locate = Timing.median(() -> {
      SourceFile file = READER.read(source);
      units[0] = file.units().size();
    }, 25);
    LoadSettings settings = LoadSettings.builder().setParseComments(true).setCodePointLimit(Integer.MAX_VALUE)
        .setBufferSize(Math.max(1024, source.longestLine() + 1)).build();
    double parse = Timing.median(() -> {
      for (Event ignored : new Parse(settings).parseString(text)) {
        // consume
      }
    }, 25);
    double migrate = Timing.median(() -> FORWARD.migrate(source), 25);
    System.out.printf("| %s | %d | %d | %.1f ms | %.1f ms | %.1f× | %.1f ms |%n", label, text.length() / 1024, units[0],
        locate * 1000, parse * 1000, locate / parse, migrate * 1000);
  }

  /** A Secret, a ConfigMap holding a dashboard as one long multi-line double-quoted JSON string, two
   * GrafanaDatasources, a Deployment and a HelmRelease with kube-prometheus-stack values; padded to {@code size}. */
  static String stream(int size) {
    StringBuilder dashboard = new StringBuilder("{\\\"panels\\\": [");
    int panels = 0;
    while (dashboard.length() < size - 6_000) {
      dashboard.append(panels == 0 ? "" : ",\n      ").append("{\\\"id\\\": ").append(panels)
          .append(", \\\"type\\\": \\\"timeseries\\\", \\\"datasource\\\": {\\\"type\\\": \\\"prometheus\\\"},"
              + " \\\"targets\\\": [{\\\"expr\\\": \\\"rate(http_requests_total[5m])\\\"}]}");
      panels++;
    }
    dashboard.append("]}");
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: grafana-credentials
        stringData:
          token: not-a-real-token
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: dashboards
          labels:
            grafana_dashboard: "1"
        data:
          overview.json: "%s"
        ---
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          instanceSelector:
            matchLabels:
              dashboards: grafana
          datasource:
            name: AMP
            type: prometheus
            access: proxy
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
            jsonData:
              sigV4Auth: true
              sigV4AuthType: ec2_iam_role
              sigV4Region: eu-west-1
        ---
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: loki
        spec:
          datasource:
            name: Loki
            type: loki
            url: http://loki:3100
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: grafana
        spec:
          template:
            spec:
              containers:
                - name: grafana
                  image: grafana/grafana:13.0.0
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: kube-prometheus-stack
        spec:
          values:
            grafana:
              additionalDataSources:
                - name: AMP Frankfurt
                  type: prometheus
                  url: https://aps-workspaces.eu-central-1.amazonaws.com/workspaces/ws-2
                  jsonData:
                    sigV4Auth: true
                    sigV4Region: eu-central-1
        """.formatted(dashboard);
  }

  /** kube-prometheus-stack values of about 45 KB with 840 comment lines, repeated {@code scale} times under keys. */
  static String values(int scale) {
    StringBuilder out = new StringBuilder();
    for (int s = 0; s < scale; s++) {
      out.append("release").append(s).append(":\n");
      for (int section = 0; section < 40; section++) {
        out.append("  section").append(section).append(":\n");
        for (int c = 0; c < 21; c++) {
          out.append("    ## option ").append(c).append(": what it does, when to set it\n");
        }
        out.append("    enabled: true\n    replicas: 2\n    image:\n      repository: quay.io/prometheus/thing\n")
            .append("      tag: v2.54.1\n");
      }
      out.append("  grafana:\n    additionalDataSources:\n");
      for (int ds = 0; ds < 4; ds++) {
        out.append("      - name: AMP ").append(ds).append("\n        type: prometheus\n")
            .append("        url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-").append(ds)
            .append("\n        jsonData:\n          sigV4Auth: true\n          sigV4Region: eu-west-1\n");
      }
    }
    return out.toString();
  }
}
