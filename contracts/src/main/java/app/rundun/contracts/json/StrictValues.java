package app.rundun.contracts.json;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Values a parser would take but nothing downstream can carry faithfully are refused where they are
 * read: numbers too large to be finite (which would become {@code Infinity}) and strings that are
 * not well-formed Unicode (a lone UTF-16 surrogate, sent as a {@code \\uD800} escape). Applied to
 * plain values and to the JSON trees answers are kept as.
 */
final class StrictValues {

  private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);

  private StrictValues() {}

  static SimpleModule module() {
    return new SimpleModule("rundun-strict-values")
        .addDeserializer(String.class, new WellFormedString())
        .addDeserializer(BigDecimal.class, new FiniteDecimal())
        .addDeserializer(Double.class, new FiniteDouble())
        .addDeserializer(double.class, new FiniteDouble())
        .addDeserializer(JsonNode.class, new CheckedTree());
  }

  private static final class WellFormedString extends ValueDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      return wellFormed(p, p.getString());
    }
  }

  private static final class FiniteDecimal extends ValueDeserializer<BigDecimal> {
    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.currentToken().isNumeric()) {
        return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
      }
      BigDecimal value = p.getDecimalValue();
      if (value.abs().compareTo(LARGEST) > 0) {
        throw InvalidFormatException.from(p, "not a finite number", value, BigDecimal.class);
      }
      return value;
    }
  }

  private static final class FiniteDouble extends ValueDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.currentToken().isNumeric()) {
        return (Double) ctxt.handleUnexpectedToken(Double.class, p);
      }
      double value = p.getDoubleValue();
      if (!Double.isFinite(value)) {
        throw InvalidFormatException.from(p, "not a finite number", value, Double.class);
      }
      return value;
    }
  }

  /** A JSON tree, walked once for what the plain values refuse. */
  private static final class CheckedTree extends ValueDeserializer<JsonNode> {
    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) {
      @SuppressWarnings("unchecked")
      ValueDeserializer<JsonNode> trees =
          (ValueDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);
      JsonNode tree = trees.deserialize(p, ctxt);
      check(p, tree);
      return tree;
    }

    @Override
    public JsonNode getNullValue(DeserializationContext ctxt) {
      return tools.jackson.databind.node.NullNode.getInstance();
    }

    private static void check(JsonParser p, JsonNode node) {
      if (node.isString()) {
        wellFormed(p, node.asString());
      } else if (node.isDouble() || node.isFloat()) {
        if (!Double.isFinite(node.doubleValue())) {
          throw InvalidFormatException.from(
              p, "not a finite number", node.doubleValue(), Double.class);
        }
      } else if (node.isObject()) {
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          wellFormed(p, member.getKey());
          check(p, member.getValue());
        }
      } else if (node.isArray()) {
        for (JsonNode element : node) {
          check(p, element);
        }
      }
    }
  }

  private static String wellFormed(JsonParser p, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw InvalidFormatException.from(
            p, "not well-formed Unicode (a lone surrogate)", value, String.class);
      }
    }
    return value;
  }
}
