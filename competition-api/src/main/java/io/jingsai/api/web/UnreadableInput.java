package io.jingsai.api.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

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
 * parameter's name, and types as "a whole number" or "text", never a Java class. Rejected values are not repeated;
 * an unknown or repeated field is named, since its name is what is wrong.
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
            return new FieldProblem(path.isEmpty() ? name : path + "." + name, "is given more than once");
        }
        if (json instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path,
                    "is not a field here; the fields are " + known(unknown.getKnownPropertyIds()));
        }
        if (json instanceof StrictJson.InputRuleViolation violation) {
            return new FieldProblem(path, violation.rule());
        }
        if (path.isEmpty()) {
            return null;
        }
        if (json instanceof InputCoercionException coercion) {
            return new FieldProblem(path, outOfRange(coercion.getTargetType()));
        }
        if (json instanceof MismatchedInputException mismatch) {
            return new FieldProblem(path, expected(mismatch.getTargetType()));
        }
        return null;
    }

    /** Why a JSON body without a field to blame was refused. */
    static String jsonBody(JacksonException json) {
        if (json instanceof MismatchedInputException) {
            return "the request body must be one JSON object";
        }
        return json.getLocation() == null ? "the request body is not valid JSON"
                : "the request body is not valid JSON (line %d, column %d)".formatted(
                        json.getLocation().getLineNr(), json.getLocation().getColumnNr());
    }

    /** A query, path or header parameter that is missing or could not be converted; null if none is to blame. */
    static FieldProblem parameter(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        if (parameter == null) {
            return null;
        }
        String name = parameterName(parameter);
        if (input instanceof MissingRequestValueException) {
            return new FieldProblem(name, "is required");
        }
        TypeMismatchException mismatch = find(input, TypeMismatchException.class);
        return new FieldProblem(name,
                mismatch == null ? "is missing or malformed" : expected(mismatch.getRequiredType()));
    }

    /** What a value of the type looks like on the wire. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be text (a JSON string)";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be a whole number, written in digits 0-9 only";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return InputRules.decimalRule();
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return InputRules.dateTimeRule();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "must be an object"
                : "has the wrong type or format";
    }

    private static String outOfRange(Class<?> type) {
        boolean isInt = type == Integer.class || type == int.class;
        return isInt ? "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : type == Long.class || type == long.class
                ? "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : expected(type);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        String declared = query != null ? query.name()
                : path != null ? path.name()
                : header != null ? header.name() : "";
        return declared.isEmpty() ? Objects.requireNonNullElse(parameter.getParameterName(), "parameter") : declared;
    }

    private static String known(Collection<Object> names) {
        return names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
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
