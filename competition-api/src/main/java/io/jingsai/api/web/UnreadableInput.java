package io.jingsai.api.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

import io.jingsai.api.shared.BrokenRule;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.InputRules;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Explains input the application could not even read (a JSON body, a query or path parameter) as the field to
 * blame and the rule it broke, in the API's own terms: JSON paths such as {@code scheme.criteria[0].name}, the
 * parameter's name, and rule keys for what the value must be ({@code type.wholeNumber}, {@code type.text},
 * {@code oneOf} with the allowed values), never a Java class. Rejected values are not repeated; an unknown or
 * repeated field is named, since its name is what is wrong.
 */
final class UnreadableInput {

    private static final String DUPLICATE = "Duplicate Object property";
    private static final int LONGEST_SHOWN_NAME = 64;

    private UnreadableInput() {
    }

    /** The field of a JSON body to blame and its rule; null when the body as a whole is unreadable. */
    static FieldProblem jsonField(JacksonException json) {
        String path = jsonPath(json.getPath());
        if (json instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith(DUPLICATE) && read.processor() != null) {
            // The parser stops at the repeated name: its context holds it, the path only its parent.
            String name = shownName(read.processor().streamReadContext().currentName());
            return new FieldProblem(path.isEmpty() ? name : path + "." + name, "field.repeated");
        }
        if (json instanceof UnrecognizedPropertyException unknown) {
            return FieldProblem.of(path, "field.unknown", known(unknown.getKnownPropertyIds()));
        }
        if (json instanceof StrictJson.InputRuleViolation violation) {
            return violation.rule().at(path);
        }
        if (path.isEmpty()) {
            return null;
        }
        if (json instanceof InputCoercionException coercion) {
            return outOfRange(coercion.getTargetType()).at(path);
        }
        if (json instanceof MismatchedInputException mismatch) {
            return expected(mismatch.getTargetType()).at(path);
        }
        return null;
    }

    /** Why a JSON body without a field to blame was refused: the message key and its values. */
    static BrokenRule jsonBody(JacksonException json) {
        if (json instanceof MismatchedInputException) {
            return BrokenRule.of("json.notOneObject");
        }
        return json.getLocation() == null ? BrokenRule.of("json.syntax")
                : BrokenRule.of("json.syntaxAt", json.getLocation().getLineNr(), json.getLocation().getColumnNr());
    }

    /**
     * A query, path or header parameter that is missing or could not be converted; null if none is to blame, as when
     * the body is missing or {@code null} (the body is no field, and its Java parameter name is no name of the API).
     */
    static FieldProblem parameter(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        if (parameter == null || isBody(parameter)) {
            return null;
        }
        String name = parameterName(parameter);
        if (input instanceof MissingRequestValueException) {
            return new FieldProblem(name, "required");
        }
        TypeMismatchException mismatch = find(input, TypeMismatchException.class);
        return mismatch == null ? new FieldProblem(name, "type.other") : expected(mismatch.getRequiredType()).at(name);
    }

    /** Why input without a field to blame was refused: a body that is missing or null, or a malformed request. */
    static BrokenRule unreadable(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        return BrokenRule.of(parameter != null && isBody(parameter) ? "json.notOneObject" : "request.malformed");
    }

    private static boolean isBody(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(RequestBody.class);
    }

    /** What a value of the type looks like on the wire. */
    static BrokenRule expected(Class<?> type) {
        if (type == null) {
            return BrokenRule.of("type.other");
        }
        if (type.isEnum()) {
            return BrokenRule.of("oneOf", Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return BrokenRule.of("type.text");
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return BrokenRule.of("type.wholeNumber");
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return InputRules.decimalRule();
        }
        if (type == Boolean.class || type == boolean.class) {
            return BrokenRule.of("type.boolean");
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return InputRules.dateTimeRule();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return BrokenRule.of("type.list");
        }
        boolean object = Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.");
        return BrokenRule.of(object ? "type.object" : "type.other");
    }

    private static BrokenRule outOfRange(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return BrokenRule.of("number.range", Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return type == Long.class || type == long.class ? BrokenRule.of("number.range", Long.MIN_VALUE, Long.MAX_VALUE)
                : expected(type);
    }

    /** The name the client gives a query, path or header parameter. */
    static String parameterName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        String declared = query != null ? query.name()
                : path != null ? path.name()
                : header != null ? header.name()
                : part != null ? part.name() : "";
        return declared.isEmpty() ? Objects.requireNonNullElse(parameter.getParameterName(), "parameter") : declared;
    }

    private static List<String> known(Collection<Object> names) {
        return names.stream().map(String::valueOf).sorted().toList();
    }

    static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(shownName(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** A field or parameter name from the request, unless it is itself unprintable or very long. */
    static String shownName(String name) {
        return name == null || name.length() > LONGEST_SHOWN_NAME || InputRules.textProblem(name, false).isPresent()
                ? "(unprintable name)" : name;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
