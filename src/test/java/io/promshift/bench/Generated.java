package io.promshift.bench;

import java.util.Locale;

/** Realistic provisioning files of any size: AMP, Azure and plain sources, comments, anchors, flow maps. */
public final class Generated {
  private Generated() {}

  /** A file of about {@code targetBytes}, with as many data sources as fit (about 400 bytes each). */
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

            """, i));
        case 1 -> out.append(String.format(Locale.ROOT, """
              - name: AMP merged %1$d
                uid: ampm-%1$d
                type: "prometheus"
                url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-%1$08d/
                jsonData: {<<: *aws, timeInterval: 30s}
            """, i));
        case 2 -> out.append(String.format(Locale.ROOT, """
              - name: Azure %1$d
                uid: az-%1$d
                type: prometheus
                url: https://prom-%1$d.westeurope.prometheus.monitor.azure.com
                jsonData:
                  azureCredentials:
                    authType: msi
            """, i));
        default -> out.append(String.format(Locale.ROOT, """
              - name: Prometheus %1$d
                uid: prom-%1$d
                type: prometheus
                url: http://prometheus-%1$d:9090
                jsonData:
                  httpMethod: POST
            """, i));
      }
      i++;
    }
    return out.toString();
  }
}
