package io.promshift.grafana;

import java.util.Map;

/**
 * The Go type a value is decoded into, as far as go-yaml v3's decoding depends on it: which values it decodes at all
 * (a struct never decodes the value of a key that is not one of its fields), how it decodes a mapping's keys (into Go
 * strings for a struct and a {@code map[string]...}; into Go values for an {@code interface{}} that holds a map with
 * keys of other kinds), and what it looks into.
 */
public sealed interface GoType {
  /**
   * {@code interface{}}: a mapping whose keys are all strings becomes a {@code map[string]interface{}}, any other a
   * {@code map[interface{}]interface{}} keyed by the keys' values ({@code 1} and {@code 01} are one key there).
   */
  GoType ANY = new Any();

  /**
   * A Go scalar (string, int, bool) or one of Grafana's value types that read a string first: a scalar is resolved (a
   * tag its text does not fit is refused); a map or a list is a type error, which go-yaml reports without looking into
   * it (beyond a map's duplicate keys).
   */
  GoType SCALAR = new Scalar();

  /** See {@link #ANY}. */
  record Any() implements GoType {}

  /** See {@link #SCALAR}. */
  record Scalar() implements GoType {}

  /** {@code map[string]V}: keys decoded into Go strings (a null key is dropped with its value, never decoded). */
  record StringMap(GoType values) implements GoType {}

  /** {@code []T}. */
  record ListOf(GoType items) implements GoType {}

  /**
   * A struct: its fields by key; the value of any other key is never decoded.
   *
   * @param name what the struct is, for messages ("a data source")
   */
  record Struct(String name, Map<String, GoType> fields) implements GoType {
    public Struct {
      fields = Map.copyOf(fields);
    }
  }

  /**
   * A field go-yaml finds but cannot set (an unexported embedded struct): any value but null makes the decoder panic.
   *
   * @param why what the field is, for the message
   */
  record Unsettable(String why) implements GoType {}
}
