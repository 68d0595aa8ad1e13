package io.promshift.embed;

/**
 * How a definition reaches Grafana, which decides how soon a stale {@code type: prometheus} flips a migrated row back
 * (embedded-shapes §1.5). Grafana migrates rows only at start-up, right after provisioning.
 */
public enum Delivery {
  /** A provisioning file read at start: the file re-applies its type at each start, the migration moves it again. */
  FILE_AT_START("F1", "file at start"),
  /** F1 plus the k8s-sidecar's reload on change: a reload sets the file's type and it stays until the next start. */
  SIDECAR_RELOAD("F2", "file and sidecar reload"),
  /**
   * grafana-operator pushes through the HTTP API: every resync (5–10 minutes, operator ≤ 5.18), on every change
   * (≥ 5.19), and again after a restart without a persistent database.
   */
  OPERATOR_PUSH("F3/F4", "operator push (every resync up to v5.18; on change from v5.19)"),
  /** A Terraform-based provider (Crossplane provider-grafana) corrects drift through the HTTP API at every poll. */
  PROVIDER_POLL("F4", "provider poll (every 10 minutes by default)"),
  /** A unit the user declared: promshift does not know how it is delivered. */
  UNKNOWN("?", "unknown");

  private final String id;
  private final String description;

  Delivery(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The class's short name in the research notes (F1…F5). */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }
}
