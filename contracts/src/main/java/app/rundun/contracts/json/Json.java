package app.rundun.contracts.json;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The mapper used on the wire and on every topic. Integrators send hand-written JSON, so it refuses
 * what a lenient mapper would silently coerce or pick: unknown fields, duplicate keys, numbers
 * given as strings, fractions where whole numbers are meant, enums given as numbers, nulls for
 * primitives, numbers too large to be finite, and strings that are not well-formed Unicode.
 */
public final class Json {

  private static final JsonMapper MAPPER = build();

  private Json() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }

  private static JsonMapper build() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(StrictValues.module())
        .addModule(WholeSecondInstants.module())
        // Generated accessors instead of reflection: every stored run, command and event passes
        // through this mapper, on the stream thread and on each read.
        .addModule(new BlackbirdModule())
        .withCoercionConfig(
            LogicalType.Textual,
            cfg ->
                cfg.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Integer,
            cfg -> cfg.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Enum,
            cfg -> cfg.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .build();
  }
}
