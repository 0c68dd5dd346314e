package app.rundun.contracts.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Rundun's times are whole seconds in UTC, {@code 2026-05-22T08:31:00Z}, and every stored run and
 * every read carries several. The general ISO 8601 formatter was a fifth of a point read's work
 * (profiled), so that one form is read and written directly; every other form goes to Jackson's
 * own, unchanged.
 */
final class WholeSecondInstants {

  private static final int LENGTH = "2026-05-22T08:31:00Z".length();

  private WholeSecondInstants() {}

  static SimpleModule module() {
    return new SimpleModule("rundun-whole-second-instants")
        .addSerializer(Instant.class, new Writer())
        .addDeserializer(Instant.class, new Reader());
  }

  /** The instant the text names, or null when it is not exactly the whole-second form. */
  static Instant parse(String text) {
    if (text.length() != LENGTH
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    return Instant.ofEpochSecond(
        LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC));
  }

  /** The whole-second form, or null for an instant with a fraction or outside years 0–9999. */
  static String format(Instant at) {
    if (at.getNano() != 0) {
      return null;
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > 9999) {
      return null;
    }
    char[] out = new char[LENGTH];
    put(out, 0, time.getYear(), 4);
    out[4] = '-';
    put(out, 5, time.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, time.getDayOfMonth(), 2);
    out[10] = 'T';
    put(out, 11, time.getHour(), 2);
    out[13] = ':';
    put(out, 14, time.getMinute(), 2);
    out[16] = ':';
    put(out, 17, time.getSecond(), 2);
    out[19] = 'Z';
    return new String(out);
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static void put(char[] out, int from, int value, int count) {
    for (int i = from + count - 1; i >= from; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static final class Writer extends ValueSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
      String text = format(value);
      if (text == null) {
        InstantSerializer.INSTANCE.serialize(value, gen, ctxt);
      } else {
        gen.writeString(text);
      }
    }
  }

  private static final class Reader extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        Instant fast = parse(p.getString());
        if (fast != null) {
          return fast;
        }
      }
      return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
  }
}
