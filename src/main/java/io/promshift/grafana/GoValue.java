package io.promshift.grafana;

import io.promshift.syntax.YamlNode;

/**
 * A value as Grafana 9.4+ sees it after go-yaml v3 decodes a provisioning file into {@code interface{}}:
 * a string, bool, int, float, null, map (merge keys applied) or list. Each value remembers the node it
 * was read from, so a finding or an edit can point at the exact characters; a value that reached its place
 * through an alias or a merge key remembers the anchored node it came from.
 */
public sealed interface GoValue
    permits GoValue.GoString, GoValue.GoBool, GoValue.GoInt, GoValue.GoFloat, GoValue.GoNull, GoMap, GoList {

  /** The node this value was read from. */
  YamlNode node();

  /** The plain Java form: String, Boolean, Long/BigInteger, Double, null, LinkedHashMap, ArrayList. */
  Object toPlain();

  /** A short name of the Go kind, for messages: string, bool, int, float, null, map, list. */
  String kindName();

  /**
   * Whether this is the boolean true, as Grafana's checks test it (a plain type assertion: {@code "true"},
   * {@code yes} and {@code 1} are not).
   */
  default boolean isTrue() {
    return this instanceof GoBool bool && bool.value();
  }

  /**
   * A string. {@code yaml11BoolWord} is set when it was written as a plain {@code yes/no/on/off/y/n} word:
   * a YAML 1.1 reader would have made it a boolean, Grafana 9.4+ does not.
   */
  record GoString(String value, YamlNode node, boolean yaml11BoolWord) implements GoValue {
    @Override
    public Object toPlain() {
      return value;
    }

    @Override
    public String kindName() {
      return "string";
    }
  }

  record GoBool(boolean value, YamlNode node) implements GoValue {
    @Override
    public Object toPlain() {
      return value;
    }

    @Override
    public String kindName() {
      return "bool";
    }
  }

  /** An int: a {@link Long} within int64, a {@link java.math.BigInteger} for larger uint64 values. */
  record GoInt(Number value, YamlNode node) implements GoValue {
    @Override
    public Object toPlain() {
      return value;
    }

    @Override
    public String kindName() {
      return "int";
    }
  }

  record GoFloat(double value, YamlNode node) implements GoValue {
    @Override
    public Object toPlain() {
      return value;
    }

    @Override
    public String kindName() {
      return "float";
    }
  }

  record GoNull(YamlNode node) implements GoValue {
    @Override
    public Object toPlain() {
      return null;
    }

    @Override
    public String kindName() {
      return "null";
    }
  }
}
