package io.jingsai.api.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jingsai.api.shared.BrokenRule;
import io.jingsai.api.shared.InputRules;
import io.jingsai.api.shared.MultilineText;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read exactly as documented, or refused with the field named (see
 * {@link ProblemDetailsExceptionHandler}): nothing is guessed, coerced or silently dropped.
 * <ul>
 *   <li>an unknown field is an error (a typo such as {@code quota} must not fall back to a default), and so is a
 *       field given twice;</li>
 *   <li>a text field takes a JSON string only (no {@code 5} or {@code true}), and every text field (and text in
 *       a list field) obeys {@link InputRules#textProblem}: no control characters, line breaks only where
 *       {@link MultilineText} allows them, no half surrogate pairs;</li>
 *   <li>a whole-number field (ids, money in fen, counts) takes a whole JSON number only: {@code 1.5}, {@code 1e2},
 *       {@code " 12 "} or {@code "١"} are refused, not truncated or parsed;</li>
 *   <li>a decimal field takes a JSON number within {@link InputRules#decimalProblem}; a boolean takes
 *       {@code true}/{@code false}; an enum takes one of its names, never an ordinal;</li>
 *   <li>a date-time takes an ISO 8601 string with an offset within {@link InputRules#dateTimeProblem}; never an
 *       epoch number.</li>
 * </ul>
 * The same mapper reads the JSON columns the application wrote, which obey the same rules.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("jingsai-input-rules")
                        .addDeserializer(String.class, new RuledText(RuledText.Lines.UNCHECKED))
                        .addDeserializer(BigDecimal.class, new RuledDecimal())
                        .addDeserializer(Instant.class, new RuledDateTime()));
    }

    /** A value that broke one of the input rules; the error handler reports the rule for the value's field. */
    static final class InputRuleViolation extends MismatchedInputException {

        private final transient BrokenRule rule;

        InputRuleViolation(JsonParser parser, BrokenRule rule, Class<?> targetType) {
            super(parser, rule.key(), targetType);
            this.rule = rule;
        }

        BrokenRule rule() {
            return rule;
        }
    }

    private static <T> T obeying(JsonParser parser, T value, Optional<BrokenRule> problem, Class<?> type) {
        if (problem.isPresent()) {
            throw new InputRuleViolation(parser, problem.get(), type);
        }
        return value;
    }

    /**
     * Strings as Jackson reads them, then checked by the text rule if they are a field of an object (or an element
     * of a list field), which every text of a request body is; multiline where the field says so. Strings without
     * a field, such as the values of an untyped map, are read as they are.
     */
    static final class RuledText extends StringDeserializer {

        private final Lines lines;

        RuledText(Lines lines) {
            this.lines = lines;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            Lines wanted = property == null ? Lines.UNCHECKED
                    : property.getAnnotation(MultilineText.class) != null ? Lines.SEVERAL : Lines.ONE;
            return wanted == lines ? this : new RuledText(wanted);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            return text == null || lines == Lines.UNCHECKED ? text
                    : obeying(parser, text, InputRules.textProblem(text, lines == Lines.SEVERAL), String.class);
        }

        enum Lines { UNCHECKED, ONE, SEVERAL }
    }

    /** Decimals as Jackson reads them (JSON numbers only), then checked by the decimal rule. */
    static final class RuledDecimal extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            BigDecimal number = super.deserialize(parser, context);
            return number == null ? null
                    : obeying(parser, number, InputRules.decimalProblem(number), BigDecimal.class);
        }
    }

    /** ISO 8601 date-times with an offset ({@code Z} or {@code +08:00}), within the date-time rule. */
    static final class RuledDateTime extends StdScalarDeserializer<Instant> {

        RuledDateTime() {
            super(Instant.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new InputRuleViolation(parser, InputRules.dateTimeRule(), Instant.class);
            }
            Instant instant = parse(parser.getString());
            if (instant == null) {
                throw new InputRuleViolation(parser, InputRules.dateTimeRule(), Instant.class);
            }
            return obeying(parser, instant, InputRules.dateTimeProblem(instant), Instant.class);
        }

        /** The instant, or null when the text is no ISO 8601 date-time with an offset. */
        private static Instant parse(String text) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
