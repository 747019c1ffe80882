package org.camrin.support.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.YearMonthDeserializer;

/**
 * Rejects dates, times and durations that Java can parse but the platform cannot store: a year
 * such as +999999999 passes {@code java.time} and then overflows MongoDB's date type in a query
 * model, which stops that model's processor for good. Every JSON date must lie within the years
 * 1900 to 2199 and every duration within 100 years.
 */
public class RequestBoundsModule extends SimpleModule {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    static final Duration LONGEST = Duration.ofDays(36_525);

    private static final String RANGE = "between 1900-01-01 and 2199-12-31";

    public RequestBoundsModule() {
        super("camrin-request-bounds");
        addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                date -> !date.isBefore(EARLIEST) && !date.isAfter(LATEST), "a date " + RANGE));
        addDeserializer(YearMonth.class, new Bounded<>(YearMonth.class, YearMonthDeserializer.INSTANCE,
                month -> !month.atDay(1).isBefore(EARLIEST) && !month.atEndOfMonth().isAfter(LATEST),
                "a month between 1900-01 and 2199-12"));
        addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT,
                instant -> !instant.isBefore(EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC))
                        && instant.isBefore(LATEST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                "a time " + RANGE));
        addDeserializer(Duration.class, new Bounded<>(Duration.class, DurationDeserializer.INSTANCE,
                duration -> duration.abs().compareTo(LONGEST) <= 0, "a duration of at most 100 years"));
    }

    /** Parses with Jackson's own deserializer, then checks the value against a bound. */
    private static final class Bounded<T> extends StdDeserializer<T> {

        private final JsonDeserializer<T> parser;
        private final java.util.function.Predicate<T> allowed;
        private final String expected;

        Bounded(Class<T> type, JsonDeserializer<T> parser, java.util.function.Predicate<T> allowed, String expected) {
            super(type);
            this.parser = parser;
            this.allowed = allowed;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
            T value = parser.deserialize(json, context);
            if (value != null && !allowed.test(value)) {
                InvalidInputException invalid = new InvalidInputException(path(json.getParsingContext()),
                        "'" + value + "' is out of range: send " + expected + ".");
                throw JsonMappingException.from(json, invalid.getMessage(), invalid);
            }
            return value;
        }

        /** Returns the JSON path of the value being read, such as {@code steps[0].target}. */
        private static String path(JsonStreamContext context) {
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
                if (level.inArray()) {
                    path.insert(0, "[" + level.getCurrentIndex() + "]");
                } else if (level.getCurrentName() != null) {
                    path.insert(0, "." + level.getCurrentName());
                }
            }
            String result = path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
            return result.isEmpty() ? "body" : result;
        }
    }
}
