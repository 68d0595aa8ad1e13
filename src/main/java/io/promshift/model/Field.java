package io.promshift.model;

/**
 * The data source fields Grafana reads, with their keys in apiVersion 1 files and in legacy version-0
 * files (snake_case; version 0 has no {@code uid}).
 */
public enum Field {
  NAME("name", "name", GoKind.STRING),
  TYPE("type", "type", GoKind.STRING),
  UID("uid", null, GoKind.STRING),
  ORG_ID("orgId", "org_id", GoKind.INT64),
  ORG_NAME("orgName", "org_name", GoKind.STRING),
  ACCESS("access", "access", GoKind.STRING),
  URL("url", "url", GoKind.STRING),
  USER("user", "user", GoKind.STRING),
  DATABASE("database", "database", GoKind.STRING),
  BASIC_AUTH("basicAuth", "basic_auth", GoKind.BOOL),
  BASIC_AUTH_USER("basicAuthUser", "basic_auth_user", GoKind.STRING),
  WITH_CREDENTIALS("withCredentials", "with_credentials", GoKind.BOOL),
  IS_DEFAULT("isDefault", "is_default", GoKind.BOOL),
  EDITABLE("editable", "editable", GoKind.BOOL),
  VERSION("version", "version", GoKind.INT),
  JSON_DATA("jsonData", "json_data", GoKind.JSON),
  SECURE_JSON_DATA("secureJsonData", "secure_json_data", GoKind.SECURE),
  CORRELATIONS("correlations", "correlations", GoKind.CORRELATIONS);

  /**
   * What Grafana's struct holds a field in ({@code types.go}): a string, bool, int or int64 (apiVersion 1: one of
   * Grafana's value types, which read a string first), jsonData's map of any values, secureJsonData's map of
   * strings, or correlations' list.
   */
  public enum GoKind { STRING, BOOL, INT, INT64, JSON, SECURE, CORRELATIONS }

  private final String key;
  private final String legacyKey;
  private final GoKind goKind;

  Field(String key, String legacyKey, GoKind goKind) {
    this.key = key;
    this.legacyKey = legacyKey;
    this.goKind = goKind;
  }

  public GoKind goKind() {
    return goKind;
  }

  /** The key in an apiVersion 1 file. */
  public String key() {
    return key;
  }

  /** The key in a version-0 file, or null when version 0 has no such field. */
  public String legacyKey() {
    return legacyKey;
  }

  public String key(boolean legacy) {
    return legacy ? legacyKey : key;
  }
}
