package io.promshift.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Whether a document is valid under the schema, and nothing more: the fast answer for the common case, a file the
 * schema accepts. The schema library (networknt) compiles the whole schema before it judges a first file, which
 * with the Jackson mapper it needs is a tenth to a fifth of a second of a one-file {@code validate}; this walks the
 * schema document itself, keyword by keyword, and knows only the keywords the schema uses. When it says "not
 * valid", {@link SchemaCheck} asks the schema library, whose errors become the findings, so the messages stay
 * the library's; when it says "valid", nothing else is asked. That makes its one duty soundness: it must never
 * call valid what the library refuses. {@link SchemaCheck} asserts the two agree on every document whenever Java
 * assertions are on (every test run), and {@code SchemaVerdictTest} compares them over mutated documents.
 *
 * <p>A schema keyword it does not know makes construction fail: a new keyword in the schema is a change here
 * first, never a keyword silently skipped. Immutable and thread-safe.
 */
final class SchemaVerdict {
  /** Keywords that describe or annotate and judge nothing. */
  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title",
      "description", "markdownDescription", "examples", "default", "deprecated", "readOnly", "writeOnly");

  /** The keywords judged below; a subschema with any other keyword is refused when the verdict is built. */
  private static final Set<String> KEYWORDS = Set.of("$ref", "type", "const", "enum", "properties", "required",
      "additionalProperties", "items", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "pattern",
      "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");

  private final JsonNode root;
  private final Map<String, JsonNode> refs = new HashMap<>();
  /** Each {@code pattern} keyword's test, by the identity of the schema node that holds it. */
  private final Map<JsonNode, Predicate<String>> patterns = new IdentityHashMap<>();

  /**
   * @param root the schema document
   * @param regex how the schema's patterns are tested (the same factory the schema library is given)
   * @throws IllegalStateException for a keyword or a reference this class does not judge
   */
  SchemaVerdict(JsonNode root, java.util.function.Function<String, Predicate<String>> regex) {
    this.root = root;
    prepare(root, "", regex);
  }

  /**
   * True only when the schema accepts {@code instance}; false when it may not, and for a document holding a number
   * the library handles in its own way (one beyond 64-bit range, or not finite), which it is left to judge.
   */
  boolean valid(JsonNode instance) {
    return ordinaryNumbers(instance) && valid(root, instance);
  }

  private static boolean ordinaryNumbers(JsonNode node) {
    if (node.isContainer()) {
      for (JsonNode child : node) {
        if (!ordinaryNumbers(child)) {
          return false;
        }
      }
      return true;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong();
    }
    return !node.isNumber() || node.isBigDecimal() || Double.isFinite(node.doubleValue());
  }

  private void prepare(JsonNode schema, String at, java.util.function.Function<String, Predicate<String>> regex) {
    if (schema.isBoolean()) {
      return;
    }
    if (!schema.isObject()) {
      throw new IllegalStateException("a subschema that is no object at " + at);
    }
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      String keyword = entry.getKey();
      JsonNode value = entry.getValue();
      String here = at + "/" + keyword;
      if (!KEYWORDS.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
        throw new IllegalStateException("the schema keyword '" + keyword + "' at " + here
            + " is not judged by SchemaVerdict: teach it the keyword (or the schema library alone would judge it)");
      }
      switch (keyword) {
        case "$defs", "properties" -> value.properties().forEach(e -> prepare(e.getValue(), here + "/" + e.getKey(), regex));
        case "additionalProperties", "items", "not", "if", "then", "else" -> prepare(value, here, regex);
        case "allOf", "anyOf", "oneOf" -> {
          for (int i = 0; i < value.size(); i++) {
            prepare(value.get(i), here + "/" + i, regex);
          }
        }
        case "$ref" -> {
          String ref = value.asString();
          JsonNode target = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
          if (target == null || target.isMissingNode()) {
            throw new IllegalStateException("the reference " + ref + " at " + here + " is not within the schema");
          }
          refs.put(ref, target);
        }
        case "pattern" -> patterns.put(schema, regex.apply(value.asString()));
        default -> { }
      }
    }
  }

  private boolean valid(JsonNode schema, JsonNode instance) {
    if (schema.isBoolean()) {
      return schema.booleanValue();
    }
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      if (!holds(schema, entry.getKey(), entry.getValue(), instance)) {
        return false;
      }
    }
    return true;
  }

  private boolean holds(JsonNode schema, String keyword, JsonNode value, JsonNode instance) {
    return switch (keyword) {
      case "$ref" -> valid(refs.get(value.asString()), instance);
      case "type" -> typed(value, instance);
      case "const" -> same(value, instance);
      case "enum" -> {
        for (JsonNode allowed : value) {
          if (same(allowed, instance)) {
            yield true;
          }
        }
        yield false;
      }
      case "properties" -> {
        if (!instance.isObject()) {
          yield true;
        }
        for (Map.Entry<String, JsonNode> property : value.properties()) {
          JsonNode member = instance.get(property.getKey());
          if (member != null && !valid(property.getValue(), member)) {
            yield false;
          }
        }
        yield true;
      }
      case "required" -> {
        if (!instance.isObject()) {
          yield true;
        }
        for (JsonNode name : value) {
          if (!instance.has(name.asString())) {
            yield false;
          }
        }
        yield true;
      }
      case "additionalProperties" -> {
        if (!instance.isObject()) {
          yield true;
        }
        JsonNode declared = schema.get("properties");
        for (Iterator<String> names = instance.propertyNames().iterator(); names.hasNext(); ) {
          String name = names.next();
          if ((declared == null || !declared.has(name)) && !valid(value, instance.get(name))) {
            yield false;
          }
        }
        yield true;
      }
      case "items" -> {
        if (!instance.isArray()) {
          yield true;
        }
        for (JsonNode item : instance) {
          if (!valid(value, item)) {
            yield false;
          }
        }
        yield true;
      }
      case "allOf" -> {
        for (JsonNode branch : value) {
          if (!valid(branch, instance)) {
            yield false;
          }
        }
        yield true;
      }
      case "anyOf" -> {
        for (JsonNode branch : value) {
          if (valid(branch, instance)) {
            yield true;
          }
        }
        yield false;
      }
      case "oneOf" -> {
        int matched = 0;
        for (JsonNode branch : value) {
          if (valid(branch, instance)) {
            matched++;
          }
        }
        yield matched == 1;
      }
      case "not" -> !valid(value, instance);
      case "if" -> {
        JsonNode branch = valid(value, instance) ? schema.get("then") : schema.get("else");
        yield branch == null || valid(branch, instance);
      }
      case "then", "else" -> true; // judged with their "if"; alone they judge nothing
      case "pattern" -> !instance.isString() || patterns.get(schema).test(instance.asString());
      case "minLength" -> !instance.isString() || length(instance) >= value.asInt();
      case "maxLength" -> !instance.isString() || length(instance) <= value.asInt();
      case "minimum" -> !instance.isNumber() || compare(instance, value) >= 0;
      case "maximum" -> !instance.isNumber() || compare(instance, value) <= 0;
      case "exclusiveMinimum" -> !instance.isNumber() || compare(instance, value) > 0;
      case "exclusiveMaximum" -> !instance.isNumber() || compare(instance, value) < 0;
      default -> true; // an annotation (construction refused every other keyword)
    };
  }

  private static boolean typed(JsonNode type, JsonNode instance) {
    if (type.isArray()) {
      for (JsonNode one : type) {
        if (typed(one, instance)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asString()) {
      case "object" -> instance.isObject();
      case "array" -> instance.isArray();
      case "string" -> instance.isString();
      case "boolean" -> instance.isBoolean();
      case "null" -> instance.isNull();
      case "number" -> instance.isNumber();
      // JSON Schema's integer is a number without a fraction, 1.0 included
      case "integer" -> instance.isIntegralNumber()
          || (instance.isNumber() && instance.decimalValue().stripTrailingZeros().scale() <= 0);
      default -> throw new IllegalStateException("unknown type " + type);
    };
  }

  /** JSON equality: numbers by value (1 is 1.0), everything else structurally. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return compare(a, b) == 0;
    }
    return a.equals(b);
  }

  private static int compare(JsonNode a, JsonNode b) {
    return decimal(a).compareTo(decimal(b));
  }

  private static BigDecimal decimal(JsonNode number) {
    return number.isIntegralNumber() ? new BigDecimal(number.bigIntegerValue()) : number.decimalValue();
  }

  private static int length(JsonNode text) {
    String s = text.asString();
    return s.codePointCount(0, s.length());
  }
}
