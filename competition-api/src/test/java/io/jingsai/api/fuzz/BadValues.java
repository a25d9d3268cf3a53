package io.jingsai.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.jingsai.api.fuzz.JsonText.Bytes;
import io.jingsai.api.fuzz.JsonText.Raw;

/**
 * Values a field must not accept, derived from its schema: wrong types, numbers and dates out of range, fractions
 * for integers, control characters, lone surrogates, invalid UTF-8, overlong strings, bad enum values and broken
 * patterns. Each carries a kind, so that a report groups the same mistake across fields and endpoints.
 */
final class BadValues {

    /** One bad value and what is wrong with it. {@code mustReject} is false where a server may accept it. */
    record Bad(String kind, Object value, boolean mustReject) {

        Bad(String kind, Object value) {
            this(kind, value, true);
        }

        String shown() {
            if (value instanceof Raw raw) {
                return raw.token();
            }
            if (value instanceof Bytes bytes) {
                return "\"" + bytes.shownAs() + "\"";
            }
            if (value instanceof String text) {
                return "\"" + Printable.of(text, 40) + "\"";
            }
            return Printable.of(new String(JsonText.write(value), StandardCharsets.UTF_8), 60);
        }
    }

    static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";
    static final String FAR_PAST = "-999999999-01-01T00:00:00Z";
    static final byte[] LONE_SURROGATE_UTF8 = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
    static final byte[] TRUNCATED_UTF8 = {'a', (byte) 0xE9, (byte) 0x83};
    private static final String CJK = "郑";

    private BadValues() {
    }

    /** Bad values for a JSON body field with this schema. */
    static List<Bad> forField(ApiDocument document, Map<String, Object> schema) {
        String type = ApiDocument.type(schema);
        List<Bad> bad = new ArrayList<>();
        if (type == null) {
            return bad;
        }
        switch (type) {
            case "string" -> strings(schema, bad);
            case "integer" -> integers(schema, bad);
            case "number" -> numbers(schema, bad);
            case "boolean" -> booleans(bad);
            case "array" -> arrays(document, schema, bad);
            case "object" -> objects(bad);
            default -> {
            }
        }
        return bad;
    }

    private static void strings(Map<String, Object> schema, List<Bad> bad) {
        String format = String.valueOf(schema.get("format"));
        bad.add(new Bad("wrong-type:number-for-string", 12));
        bad.add(new Bad("wrong-type:boolean-for-string", true));
        bad.add(new Bad("wrong-type:object-for-string", Map.of("a", 1)));
        bad.add(new Bad("wrong-type:array-for-string", List.of("a")));
        switch (format) {
            case "date-time" -> dateTimes(bad);
            case "date" -> {
                bad.add(new Bad("date-out-of-range", "+999999999-12-31"));
                bad.add(new Bad("date-invalid", "2024-02-30"));
            }
            case "uuid" -> bad.add(new Bad("uuid-invalid", "not-a-uuid"));
            case "email" -> bad.add(new Bad("pattern-mismatch", "no-at-sign"));
            default -> {
            }
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            bad.add(new Bad("enum-unknown", "NOT_A_VALUE"));
            String first = String.valueOf(values.get(0));
            if (!first.toLowerCase(Locale.ROOT).equals(first)) {
                bad.add(new Bad("enum-lowercase", first.toLowerCase(Locale.ROOT), false));
            }
            bad.add(new Bad("enum-index", 0));
        }
        if (schema.get("pattern") != null) {
            bad.add(new Bad("pattern-mismatch", "!!"));
        }
        texts(schema, bad);
    }

    /** Characters and lengths no text field may take, whatever its format. */
    private static void texts(Map<String, Object> schema, List<Bad> bad) {
        bad.add(new Bad("nul-character", "a\u0000b"));
        bad.add(new Bad("bell-character", "a\u0007b"));
        bad.add(new Bad("escape-character", "\u001b[31mred"));
        bad.add(new Bad("lone-surrogate", "a\ud800b"));
        bad.add(new Bad("lone-low-surrogate", "\udc00"));
        bad.add(new Bad("invalid-utf8", new Bytes(LONE_SURROGATE_UTF8, "<bytes ED A0 80>")));
        bad.add(new Bad("invalid-utf8", new Bytes(TRUNCATED_UTF8, "<bytes 61 E9 83>")));
        int limit = schema.get("maxLength") instanceof Number max ? max.intValue() : 0;
        if (limit > 0) {
            bad.add(new Bad("overlong-string", "x".repeat(limit + 1)));
            bad.add(new Bad("overlong-string-cjk", CJK.repeat(limit + 1)));
        } else {
            bad.add(new Bad("overlong-string", "x".repeat(10_001)));
        }
        bad.add(new Bad("huge-string", CJK.repeat(100_000)));
        if (schema.get("minLength") instanceof Number min && min.intValue() > 0) {
            bad.add(new Bad("empty-string", ""));
            bad.add(new Bad("blank-string", "   "));
        }
    }

    private static void dateTimes(List<Bad> bad) {
        bad.add(new Bad("date-out-of-range", FAR_FUTURE));
        bad.add(new Bad("date-far-past", FAR_PAST));
        bad.add(new Bad("date-far-past", "-4714-11-23T00:00:00Z"));
        bad.add(new Bad("date-as-epoch-number", 1_700_000_000L));
        bad.add(new Bad("date-as-epoch-number", new Raw("1.7E9")));
        bad.add(new Bad("date-as-epoch-string", "1700000000"));
        bad.add(new Bad("date-invalid", "2024-02-30T25:61:00Z"));
        bad.add(new Bad("date-invalid", ""));
    }

    private static void integers(Map<String, Object> schema, List<Bad> bad) {
        boolean int32 = "int32".equals(schema.get("format"));
        bad.add(new Bad("fraction-for-integer", new Raw("1.5")));
        bad.add(new Bad("fraction-for-integer", new Raw("0.9")));
        bad.add(new Bad("wrong-type:string-for-integer", "12"));
        bad.add(new Bad("wrong-type:string-for-integer", " 12 "));
        bad.add(new Bad("wrong-type:string-for-integer", "\u0661"));
        bad.add(new Bad("wrong-type:boolean-for-integer", true));
        bad.add(new Bad("wrong-type:object-for-integer", Map.of()));
        bad.add(new Bad("number-out-of-range", new Raw("1e309")));
        bad.add(new Bad("number-out-of-range", new Raw("9223372036854775808")));
        bad.add(new Bad("number-out-of-range", new Raw("-9223372036854775809")));
        bad.add(new Bad("number-exponent", new Raw("1e2"), false));
        if (int32) {
            bad.add(new Bad("number-out-of-range", new Raw("2147483648")));
        }
        bounds(schema, bad);
    }

    private static void numbers(Map<String, Object> schema, List<Bad> bad) {
        bad.add(new Bad("number-out-of-range", new Raw("1e309")));
        bad.add(new Bad("number-out-of-range", new Raw("-1e309")));
        bad.add(new Bad("number-underflow", new Raw("1e-400")));
        bad.add(new Bad("number-too-precise", new Raw("0." + "1".repeat(1200))));
        bad.add(new Bad("not-a-number", new Raw("NaN")));
        bad.add(new Bad("wrong-type:string-for-number", "NaN"));
        bad.add(new Bad("wrong-type:string-for-number", "0.5"));
        bad.add(new Bad("wrong-type:boolean-for-number", false));
        bounds(schema, bad);
    }

    /** Just outside documented bounds; a negative where none is documented (ids, amounts, counts, weights). */
    private static void bounds(Map<String, Object> schema, List<Bad> bad) {
        boolean hasMinimum = false;
        if (schema.get("minimum") instanceof Number min) {
            hasMinimum = true;
            bad.add(new Bad("below-minimum", new Raw(minus(min))));
        }
        if (schema.get("exclusiveMinimum") instanceof Number min) {
            hasMinimum = true;
            bad.add(new Bad("below-minimum", new Raw(String.valueOf(min))));
        }
        if (schema.get("maximum") instanceof Number max) {
            bad.add(new Bad("above-maximum", new Raw(plus(max))));
        }
        if (!hasMinimum || ((Number) schema.getOrDefault("minimum", 0)).doubleValue() >= 0) {
            bad.add(new Bad("negative", new Raw("-1"), hasMinimum));
        }
    }

    private static String minus(Number bound) {
        return bound instanceof Double || bound instanceof Float || bound instanceof java.math.BigDecimal
                ? new java.math.BigDecimal(bound.toString()).subtract(new java.math.BigDecimal("0.001")).toPlainString()
                : String.valueOf(bound.longValue() - 1);
    }

    private static String plus(Number bound) {
        return bound instanceof Double || bound instanceof Float || bound instanceof java.math.BigDecimal
                ? new java.math.BigDecimal(bound.toString()).add(new java.math.BigDecimal("0.001")).toPlainString()
                : String.valueOf(bound.longValue() + 1);
    }

    private static void booleans(List<Bad> bad) {
        bad.add(new Bad("wrong-type:string-for-boolean", "true"));
        bad.add(new Bad("wrong-type:number-for-boolean", 1));
        bad.add(new Bad("wrong-type:string-for-boolean", "yes"));
    }

    private static void arrays(ApiDocument document, Map<String, Object> schema, List<Bad> bad) {
        bad.add(new Bad("wrong-type:object-for-array", Map.of()));
        bad.add(new Bad("wrong-type:string-for-array", "a"));
        bad.add(new Bad("null-element", java.util.Collections.singletonList(null)));
        Map<String, Object> items = document.items(schema);
        List<Bad> elements = new ArrayList<>();
        String itemType = ApiDocument.type(items);
        if ("integer".equals(itemType) || "number".equals(itemType)) {
            elements.add(new Bad("wrong-type:string-element", List.of("a")));
            elements.add(new Bad("fraction-element", List.of(new Raw("1.5"))));
        } else if ("string".equals(itemType)) {
            elements.add(new Bad("nul-character-element", List.of("a\u0000b")));
            elements.add(new Bad("wrong-type:number-element", List.of(7)));
        } else if ("object".equals(itemType)) {
            elements.add(new Bad("wrong-type:string-element", List.of("a")));
        }
        bad.addAll(elements);
        if (schema.get("maxItems") instanceof Number max) {
            Object element = "object".equals(itemType) ? Map.of() : "string".equals(itemType) ? "a" : 1;
            bad.add(new Bad("too-many-items", java.util.Collections.nCopies(max.intValue() + 1, element)));
        }
        if (schema.get("minItems") instanceof Number min && min.intValue() > 0) {
            bad.add(new Bad("too-few-items", List.of()));
        }
    }

    private static void objects(List<Bad> bad) {
        bad.add(new Bad("wrong-type:string-for-object", "a"));
        bad.add(new Bad("wrong-type:array-for-object", List.of()));
        bad.add(new Bad("wrong-type:number-for-object", 1));
    }

    /**
     * Bad texts for a query or path parameter ({@code in}), percent-encoded as they go in the target; kinds start
     * with {@code path-param:} or {@code query-param:}, as servers often treat the two differently.
     */
    static List<Bad> forParameter(String in, Map<String, Object> schema) {
        List<Bad> bad = new ArrayList<>();
        String type = ApiDocument.type(schema);
        if ("integer".equals(type) || "number".equals(type)) {
            bad.add(new Bad(in + "-param:not-a-number", "abc"));
            bad.add(new Bad(in + "-param:fraction-for-integer", "1.5"));
            bad.add(new Bad(in + "-param:number-out-of-range", "99999999999999999999"));
            bad.add(new Bad(in + "-param:number-out-of-range", "2147483648"));
            bad.add(new Bad(in + "-param:negative", "-1"));
            bad.add(new Bad(in + "-param:exponent", "1e3"));
            bad.add(new Bad(in + "-param:padded-number", "%201"));
            bad.add(new Bad(in + "-param:arabic-indic-digit", "%D9%A1"));
            bad.add(new Bad(in + "-param:empty", ""));
        } else if ("boolean".equals(type)) {
            bad.add(new Bad(in + "-param:not-a-boolean", "maybe"));
        } else {
            if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
                bad.add(new Bad(in + "-param:enum-unknown", "NOT_A_VALUE"));
                bad.add(new Bad(in + "-param:enum-lowercase", String.valueOf(values.get(0)).toLowerCase(Locale.ROOT),
                        false));
            }
            if ("uuid".equals(schema.get("format"))) {
                bad.add(new Bad(in + "-param:uuid-invalid", "not-a-uuid"));
                bad.add(new Bad(in + "-param:uuid-invalid", "00000000-0000-0000-0000-00000000000g"));
            }
            bad.add(new Bad(in + "-param:overlong", "x".repeat(300)));
            bad.add(new Bad(in + "-param:path-traversal", "..%2F..%2Fetc"));
        }
        bad.add(new Bad(in + "-param:nul-character", "a%00b"));
        bad.add(new Bad(in + "-param:bell-character", "a%07b"));
        bad.add(new Bad(in + "-param:invalid-utf8", "%ED%A0%80"));
        bad.add(new Bad(in + "-param:invalid-utf8", "%E9%83"));
        return bad;
    }
}
