package io.promshift.bench;

import java.util.Locale;

/** Realistic provisioning files of any size: AMP, Azure and plain sources, comments, anchors, flow maps. */
public final class Generated {
  private Generated() {}

  /** A file of about {@code targetBytes}, with as many data sources as fit (about 420 bytes each). */
  public static String file(long targetBytes) {
    StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE, targetBytes + 4096));
    out.append("# generated for promshift benchmarks\napiVersion: 1\n\nx-aws: &aws\n  sigV4Auth: true\n"
        + "  sigV4AuthType: default\n  sigV4Region: eu-west-1\n\ndatasources:\n");
    int i = 0;
    while (out.length() < targetBytes) {
      switch (i % 4) {
        case 0 -> out.append(String.format(Locale.ROOT, """
              # AMP workspace %1$d
              - name: AMP %1$d
                uid: amp-%1$d
                type: prometheus
                url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-%1$08d/
                jsonData:
                  sigV4Auth: true
                  sigV4AuthType: default
                  sigV4Region: eu-west-1 # Ireland
                  httpMethod: POST
                  timeInterval: 30s
                  queryTimeout: 120s
                  exemplarTraceIdDestinations:
                    - name: trace_id
                      datasourceUid: tempo-%1$d
                editable: false

            """, i));
        case 1 -> out.append(String.format(Locale.ROOT, """
              # owner: team-%1$d, on call: #observability-%1$d, runbook: https://wiki.example.com/ds/%1$d
              - name: AMP merged %1$d
                uid: ampm-%1$d
                type: "prometheus"
                url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-%1$08d/
                # shares the AWS settings through a merge key
                jsonData: {<<: *aws, timeInterval: 30s, queryTimeout: 60s, httpMethod: POST, manageAlerts: false}
                secureJsonData:
                  httpHeaderValue1: $__env{TENANT_%1$d}
            """, i));
        case 2 -> out.append(String.format(Locale.ROOT, """
              # owner: team-%1$d, on call: #observability-%1$d, runbook: https://wiki.example.com/ds/%1$d
              - name: Azure %1$d
                uid: az-%1$d
                type: prometheus
                url: https://prom-%1$d.westeurope.prometheus.monitor.azure.com
                jsonData:
                  azureCredentials:
                    authType: msi
                  timeInterval: 1m
                  httpMethod: POST
                  customQueryParameters: "max_source_resolution=5m"
            """, i));
        default -> out.append(String.format(Locale.ROOT, """
              # owner: team-%1$d, on call: #observability-%1$d, runbook: https://wiki.example.com/ds/%1$d
              - name: Prometheus %1$d
                uid: prom-%1$d
                type: prometheus
                url: http://prometheus-%1$d:9090
                isDefault: false
                jsonData:
                  httpMethod: POST
                  prometheusType: Prometheus
                  prometheusVersion: 2.53.0
                  cacheLevel: Medium
            """, i));
      }
      i++;
    }
    return out.toString();
  }
}
