package io.promshift.rules;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON document read into Jackson's tree with the streaming parser alone. The tree is what
 * {@code JsonMapper.readTree} gives (integers as the smallest of int, long and BigInteger that holds them, other
 * numbers as doubles, a repeated key's last value), without building a mapper: that loads about a thousand
 * classes, a tenth of a second of a short run, to read one schema.
 */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  static JsonNode read(InputStream in) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("an empty JSON document");
      }
      JsonNode tree = value(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException("more than one JSON value at " + parser.currentLocation());
      }
      return tree;
    } catch (tools.jackson.core.JacksonException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.stringNode(parser.getString());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IllegalStateException("unexpected JSON token " + token + " at " + parser.currentLocation());
    };
  }
}
