package io.jingsai.api.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plausible value for a schema without an example: its required properties, enum's first value, bounds. */
final class Synthesised {

    private Synthesised() {
    }

    static Object value(ApiDocument document, Map<String, Object> schema) {
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = ApiDocument.type(schema);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "object" -> object(document, schema);
            case "array" -> {
                List<Object> list = new ArrayList<>();
                list.add(value(document, document.items(schema)));
                yield list;
            }
            case "integer", "number" -> schema.get("minimum") instanceof Number min ? min : 1;
            case "boolean" -> false;
            case "string" -> string(schema);
            default -> null;
        };
    }

    private static Map<String, Object> object(ApiDocument document, Map<String, Object> schema) {
        Map<String, Object> object = new LinkedHashMap<>();
        var required = ApiDocument.required(schema);
        document.properties(schema).forEach((name, property) -> {
            if (required.contains(name)) {
                object.put(name, value(document, property));
            }
        });
        return object;
    }

    private static String string(Map<String, Object> schema) {
        return switch (String.valueOf(schema.get("format"))) {
            case "date-time" -> "2024-10-12T01:00:00Z";
            case "date" -> "2024-10-12";
            case "uuid" -> "00000000-0000-0000-0000-000000000001";
            case "email" -> "someone@example.cn";
            default -> "a".repeat(Math.max(1, schema.get("minLength") instanceof Number n ? n.intValue() : 1));
        };
    }
}
