package vn.baovetreem.common.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import vn.baovetreem.common.persistence.JdbcRows;
import vn.baovetreem.common.text.Texts;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * JSON bodies are read as the contract types them, with no guessing: a string field takes only a
 * JSON string, a number field only a JSON number (no {@code "12"}, no {@code 1.9} for a whole
 * number), a boolean only {@code true}/{@code false}, a date only an ISO string inside
 * {@link #EARLIEST}..{@link #LATEST} (never an epoch number), and no text the registry cannot store.
 * Every refusal is a {@link MismatchedInputException} that knows the field, so it answers 400
 * {@code INVALID_VALUE} (or {@code INVALID_TEXT}) naming it.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The first and last day any date or timestamp of the API may name (the contract says so too). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** How the contract words the range, for problem messages. */
    public static final String RANGE = "between " + EARLIEST + " and " + LATEST;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    /** Last, so these deserializers replace those of the Java time module that Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (LogicalType scalar : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("cp-strict-json");
        strict.addDeserializer(String.class, new Text());
        strict.addDeserializer(LocalDate.class, new Temporal<>(LocalDate.class, StrictJson::date));
        strict.addDeserializer(OffsetDateTime.class, new Temporal<>(OffsetDateTime.class, StrictJson::timestamp));
        strict.addDeserializer(Instant.class, new Temporal<>(Instant.class, s -> timestamp(s).map(OffsetDateTime::toInstant)));
        mapper.registerModule(strict);
    }

    /** {@code text} as a date, when it is one as {@code YYYY-MM-DD} in the API's range: the rule of bodies and queries alike. */
    public static Optional<LocalDate> date(String text) {
        return parse(text, ISO_DATE, LocalDate::parse, day -> day);
    }

    /**
     * {@code text} as an RFC 3339 timestamp with its offset, in the API's range, to the microsecond
     * as the database keeps it: a record's answer to a change then says what any later read says.
     */
    public static Optional<OffsetDateTime> timestamp(String text) {
        return parse(text, RFC_3339, s -> {
            OffsetDateTime t = OffsetDateTime.parse(s);
            return OffsetDateTime.ofInstant(JdbcRows.microseconds(t.toInstant()), t.getOffset());
        }, OffsetDateTime::toLocalDate);
    }

    private static <T> Optional<T> parse(String text, Pattern shape, Function<String, T> parse, Function<T, LocalDate> day) {
        if (!shape.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            T value = parse.apply(text);
            LocalDate on = day.apply(value);
            return on.isBefore(EARLIEST) || on.isAfter(LATEST) ? Optional.empty() : Optional.of(value);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A JSON string the registry can store; anything else is refused. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            int bad = Texts.firstUnstorable(text);
            if (bad >= 0) {
                throw new UnstorableText(p, Texts.unstorableReason(text, bad));
            }
            return text;
        }
    }

    /** A date or timestamp given as an ISO string in the API's range. */
    static final class Temporal<T> extends StdScalarDeserializer<T> {

        private final Function<String, Optional<T>> read;

        Temporal(Class<T> type, Function<String, Optional<T>> read) {
            super(type);
            this.read = read;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            // The message is not shown: the problem says what the field expects.
            return read.apply(text).orElseThrow(() -> ctxt.weirdStringException(text, handledType(), "not in the accepted format or range"));
        }
    }

    /** A JSON string holding a character the registry cannot store; the message says which kind. */
    public static final class UnstorableText extends MismatchedInputException {
        UnstorableText(JsonParser p, String reason) {
            super(p, reason, String.class);
        }

        /** Why the text was refused, without the text. */
        public String reason() {
            return getOriginalMessage();
        }
    }
}
