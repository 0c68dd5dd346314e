package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One step of a template. Every step has an id, a title, whether it is required, the photos and
 * location it takes, and the settings of its type; the step knows which answers it accepts.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = NumberStep.class, name = "number"),
  @JsonSubTypes.Type(value = TextStep.class, name = "text"),
  @JsonSubTypes.Type(value = BooleanStep.class, name = "boolean"),
  @JsonSubTypes.Type(value = SingleChoiceStep.class, name = "single_choice"),
  @JsonSubTypes.Type(value = MultiChoiceStep.class, name = "multi_choice"),
  @JsonSubTypes.Type(value = DateStep.class, name = "date"),
  @JsonSubTypes.Type(value = TimeStep.class, name = "time"),
  @JsonSubTypes.Type(value = RatingStep.class, name = "rating"),
  @JsonSubTypes.Type(value = BarcodeStep.class, name = "barcode"),
  @JsonSubTypes.Type(value = PhotoStep.class, name = "photo"),
  @JsonSubTypes.Type(value = SignatureStep.class, name = "signature"),
  @JsonSubTypes.Type(value = InstructionStep.class, name = "instruction")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Step
    permits NumberStep,
        TextStep,
        BooleanStep,
        SingleChoiceStep,
        MultiChoiceStep,
        DateStep,
        TimeStep,
        RatingStep,
        BarcodeStep,
        PhotoStep,
        SignatureStep,
        InstructionStep {

  Pattern STEP_ID = Pattern.compile("s-[A-Za-z0-9_-]{1,60}");
  int MAX_TITLE = 200;
  int MAX_DESCRIPTION = 2000;

  String id();

  String title();

  String description();

  Boolean required();

  PhotoRule photos();

  GeoRule geo();

  /** When the step is shown; null for always. A hidden step is neither asked nor required. */
  Condition showIf();

  /** Whether the step takes an answer and counts in a run's progress. */
  @JsonIgnore
  default boolean answerable() {
    return true;
  }

  /** Checks the settings of the step's type; the common fields are checked by the caller. */
  void validateSettings(String param);

  /** Checks an answer's value against the step's type and settings. */
  void checkValue(JsonNode value, String param);

  default void validateDefinition(String param) {
    if (id() == null || !STEP_ID.matcher(id()).matches()) {
      throw ApiException.invalid(
          param + ".id", "A step id is s- followed by 1 to 60 letters, digits, - or _.");
    }
    if (title() == null || title().isBlank() || title().length() > MAX_TITLE) {
      throw ApiException.invalid(
          param + ".title",
          "Step " + id() + " needs a title of 1 to " + MAX_TITLE + " characters.");
    }
    if (description() != null && description().length() > MAX_DESCRIPTION) {
      throw ApiException.invalid(
          param + ".description",
          "Step " + id() + " has a description over " + MAX_DESCRIPTION + " characters.");
    }
    PhotoRule photos = photos();
    if (photos.min() < 0 || photos.max() < photos.min() || photos.max() > PhotoRule.MAX_PHOTOS) {
      throw ApiException.invalid(
          param + ".photos",
          "Step " + id() + " needs 0 <= photos.min <= photos.max <= " + PhotoRule.MAX_PHOTOS + ".");
    }
    validateSettings(param);
  }

  /** Checks a whole answer, naming the step in any refusal. */
  default void checkAnswer(JsonNode value, int photoCount, boolean hasGeo) {
    String param = "steps." + id();
    if (!answerable()) {
      throw ApiException.invalid(param, "Step " + id() + " is an instruction and takes no answer.");
    }
    checkValue(value, param + ".value");
    if (photoCount < photos().min() || photoCount > photos().max()) {
      throw ApiException.invalid(
          param + ".photos",
          "Step "
              + id()
              + " takes "
              + (photos().min() == photos().max()
                  ? String.valueOf(photos().min())
                  : photos().min() + " to " + photos().max())
              + " photos; the answer has "
              + photoCount
              + ".");
    }
    if (geo() == GeoRule.REQUIRED && !hasGeo) {
      throw ApiException.invalid(param + ".geo", "Step " + id() + " requires a location.");
    }
    if (geo() == GeoRule.OFF && hasGeo) {
      throw ApiException.invalid(param + ".geo", "Step " + id() + " does not take a location.");
    }
  }

  /** The defaults of the common fields, shared by every step type. */
  final class Defaults {
    private Defaults() {}

    static boolean required(Boolean required) {
      return required == null || required;
    }

    static PhotoRule photos(PhotoRule photos) {
      return photos == null ? PhotoRule.NONE : photos;
    }

    static GeoRule geo(GeoRule geo) {
      return geo == null ? GeoRule.OFF : geo;
    }

    static void expectNull(JsonNode value, String param, String id) {
      if (value != null && !value.isNull()) {
        throw ApiException.invalid(param, "Step " + id + " takes photos, not a value: send null.");
      }
    }

    static String text(JsonNode value, String param, String id, String what) {
      if (value == null || !value.isString()) {
        throw ApiException.invalid(param, "Step " + id + " expects " + what + ".");
      }
      return value.asString();
    }
  }
}
