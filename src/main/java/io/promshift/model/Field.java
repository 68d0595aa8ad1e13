package io.promshift.model;

/**
 * The data source fields Grafana reads, with their keys in apiVersion 1 files and in legacy version-0
 * files (snake_case; version 0 has no {@code uid}).
 */
public enum Field {
  NAME("name", "name"),
  TYPE("type", "type"),
  UID("uid", null),
  ORG_ID("orgId", "org_id"),
  ACCESS("access", "access"),
  URL("url", "url"),
  USER("user", "user"),
  DATABASE("database", "database"),
  BASIC_AUTH("basicAuth", "basic_auth"),
  BASIC_AUTH_USER("basicAuthUser", "basic_auth_user"),
  WITH_CREDENTIALS("withCredentials", "with_credentials"),
  IS_DEFAULT("isDefault", "is_default"),
  EDITABLE("editable", "editable"),
  VERSION("version", "version"),
  JSON_DATA("jsonData", "json_data"),
  SECURE_JSON_DATA("secureJsonData", "secure_json_data"),
  CORRELATIONS("correlations", "correlations");

  private final String key;
  private final String legacyKey;

  Field(String key, String legacyKey) {
    this.key = key;
    this.legacyKey = legacyKey;
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
