package io.jingsai.api.web;

import static io.jingsai.api.web.ApiDocument.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Request bodies that a schema of the document rules out, each breaking one documented rule of one field of an
 * example (leaving out a required field, going one past a bound, a value outside an enum or pattern), so that a test
 * can check that the server refuses exactly what the document says it refuses, naming that field.
 */
final class SchemaViolations {

    /** One broken rule: the field as the server names it, where it sits in the body, and the value put there. */
    record Violation(String field, List<Object> location, Object value, String rule) {

        private static final Object ABSENT = new Object();

        /** A copy of {@code example} with this violation. */
        Map<String, Object> applyTo(Map<String, Object> example) {
            Map<String, Object> body = map(ApiDocument.copy(example));
            Object parent = body;
            for (Object step : location.subList(0, location.size() - 1)) {
                parent = step instanceof Integer index ? ((List<?>) parent).get(index) : map(parent).get(step);
            }
            Object last = location.get(location.size() - 1);
            if (last instanceof Integer index) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) parent;
                list.set(index, value);
            } else if (value == ABSENT) {
                map(parent).remove(last);
            } else {
                map(parent).put((String) last, value);
            }
            return body;
        }

        @Override
        public String toString() {
            return field + " (" + rule + ")";
        }
    }

    private final ApiDocument document;

    SchemaViolations(ApiDocument document) {
        this.document = document;
    }

    /** Every single-rule violation of {@code schema} that can be made from {@code example}. */
    List<Violation> of(Map<String, Object> schema, Map<String, Object> example) {
        List<Violation> violations = new ArrayList<>();
        object("", List.of(), schema, example, violations);
        return violations;
    }

    private void object(String prefix, List<Object> location, Map<String, Object> schema, Map<String, Object> value,
                        List<Violation> out) {
        if (schema.get("properties") == null) {
            return;
        }
        List<?> required = schema.get("required") instanceof List<?> list ? list : List.of();
        map(schema.get("properties")).forEach((name, property) -> {
            String field = prefix.isEmpty() ? name : prefix + "." + name;
            List<Object> at = append(location, name);
            if (required.contains(name) && value.containsKey(name)) {
                out.add(new Violation(field, at, Violation.ABSENT, "required"));
            }
            values(field, at, document.resolve(property), value.get(name), out);
        });
    }

    private void values(String field, List<Object> at, Map<String, Object> schema, Object current,
                        List<Violation> out) {
        if (schema.get("enum") != null) {
            out.add(new Violation(field, at, "NOT_ONE_OF_THEM", "enum"));
        }
        switch (String.valueOf(schema.get("type"))) {
            case "string" -> strings(field, at, schema, out);
            case "integer", "number" -> numbers(field, at, schema, out);
            case "array" -> arrays(field, at, schema, current, out);
            case "object" -> {
                if (current instanceof Map<?, ?> nested) {
                    object(field, at, schema, map(nested), out);
                }
            }
            default -> {
            }
        }
    }

    private static void strings(String field, List<Object> at, Map<String, Object> schema, List<Violation> out) {
        if (schema.get("maxLength") instanceof Number max) {
            out.add(new Violation(field, at, "a".repeat(max.intValue() + 1), "maxLength " + max));
        }
        if (schema.get("minLength") instanceof Number min && min.intValue() >= 1) {
            out.add(new Violation(field, at, "", "minLength " + min));
        }
        if (schema.get("pattern") != null) {
            out.add(new Violation(field, at, "!", "pattern"));
        }
        if ("email".equals(schema.get("format"))) {
            out.add(new Violation(field, at, "not-an-email", "format email"));
        }
        if ("date-time".equals(schema.get("format"))) {
            out.add(new Violation(field, at, "not-a-date-time", "format date-time"));
        }
    }

    private static void numbers(String field, List<Object> at, Map<String, Object> schema, List<Violation> out) {
        bound(schema, "exclusiveMinimum", BigDecimal.ZERO, field, at, out);
        bound(schema, "minimum", BigDecimal.ONE.negate(), field, at, out);
        bound(schema, "maximum", BigDecimal.ONE, field, at, out);
        bound(schema, "exclusiveMaximum", BigDecimal.ZERO, field, at, out);
    }

    private static void bound(Map<String, Object> schema, String keyword, BigDecimal beyond, String field,
                              List<Object> at, List<Violation> out) {
        if (schema.get(keyword) instanceof Number bound) {
            out.add(new Violation(field, at, new BigDecimal(bound.toString()).add(beyond), keyword + " " + bound));
        }
    }

    private void arrays(String field, List<Object> at, Map<String, Object> schema, Object current,
                        List<Violation> out) {
        List<?> items = current instanceof List<?> list ? list : List.of();
        if (schema.get("minItems") instanceof Number min && min.intValue() >= 1) {
            out.add(new Violation(field, at, List.of(), "minItems " + min));
        }
        if (items.isEmpty()) {
            return;
        }
        Object first = items.get(0);
        if (schema.get("maxItems") instanceof Number max) {
            // Numbers are made distinct, so that only the count is wrong.
            List<Object> tooMany = first instanceof Number
                    ? new ArrayList<>(IntStream.rangeClosed(1, max.intValue() + 1).boxed().toList())
                    : new ArrayList<>(Collections.nCopies(max.intValue() + 1, first));
            out.add(new Violation(field, at, tooMany, "maxItems " + max));
        }
        if (Boolean.TRUE.equals(schema.get("uniqueItems"))) {
            out.add(new Violation(field, at, new ArrayList<>(List.of(first, first)), "uniqueItems"));
        }
        values(field + "[0]", append(at, 0), document.resolve(schema.get("items")), first, out);
    }

    private static List<Object> append(List<Object> location, Object step) {
        List<Object> longer = new ArrayList<>(location);
        longer.add(step);
        return longer;
    }
}
