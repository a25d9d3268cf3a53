package io.jingsai.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import io.jingsai.api.fuzz.ApiDocument.Operation;
import io.jingsai.api.fuzz.ApiDocument.Parameter;
import io.jingsai.api.fuzz.BadValues.Bad;
import io.jingsai.api.fuzz.FuzzRequest.Header;
import io.jingsai.api.fuzz.JsonText.Raw;

/**
 * Bad requests for one operation, generated from its parameters and request body schema: every parameter and every
 * body field (nested ones included) gets the bad values of its type, and the body as a whole gets broken JSON,
 * unknown and duplicate keys and wrong content types. Candidates are grouped by kind and drawn round-robin across
 * kinds with the seeded random, so that a capped sample still covers every kind the operation allows.
 */
final class DocumentCases {

    private static final String JSON = "application/json";
    /** Values for list parameters the document describes only as strings or unbounded integers. */
    private static final Map<String, List<String>> PARAMETER_HINTS = Map.of(
            "sort", List.of("%2C", "%2C%2C", "%3B", "name%2Cup", "no-such-field", "name%2Casc%2Cdesc", "name%00",
                    "%20"),
            "size", List.of("0", "201", "1000000"),
            "page", List.of("2147483647"));

    private final ApiDocument document;
    private final Fixtures fixtures;
    private final Operation operation;
    private final Map<String, List<Supplier<FuzzRequest>>> byKind = new LinkedHashMap<>();

    private DocumentCases(ApiDocument document, Fixtures fixtures, Operation operation) {
        this.document = document;
        this.fixtures = fixtures;
        this.operation = operation;
    }

    /** The operation's target with fixtures for its path parameters and nothing wrong with it. */
    static String baseTarget(ApiDocument document, Fixtures fixtures, Operation operation) {
        return new DocumentCases(document, fixtures, operation).target(Map.of(), "");
    }

    /** At most {@code cap} requests for the operation, the same ones for the same seed and document. */
    static List<FuzzRequest> generate(ApiDocument document, Fixtures fixtures, Operation operation, Random random,
                                      int cap) {
        DocumentCases cases = new DocumentCases(document, fixtures, operation);
        cases.parameters();
        cases.versions();
        if (operation.hasJsonBody()) {
            cases.wholeBodies();
            cases.fields(List.of(), operation.jsonBody(), cases.baseBody(), true);
            cases.unknownAndDuplicateKeys();
        } else if (operation.isUpload()) {
            cases.add("content-type:json-for-multipart", () -> cases.request("content-type:json-for-multipart", "{} as application/json",
                            cases.target(Map.of(), ""), List.of(new Header("Content-Type", JSON)),
                            "{}".getBytes(StandardCharsets.UTF_8), true));
        }
        return cases.draw(random, cap);
    }

    private List<FuzzRequest> draw(Random random, int cap) {
        List<List<Supplier<FuzzRequest>>> groups = new ArrayList<>();
        byKind.values().forEach(group -> {
            List<Supplier<FuzzRequest>> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            groups.add(shuffled);
        });
        Collections.shuffle(groups, random);
        List<FuzzRequest> drawn = new ArrayList<>();
        for (int round = 0; drawn.size() < cap; round++) {
            boolean any = false;
            for (List<Supplier<FuzzRequest>> group : groups) {
                if (round < group.size() && drawn.size() < cap) {
                    drawn.add(group.get(round).get());
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return drawn;
    }

    private void add(String kind, Supplier<FuzzRequest> request) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(request);
    }

    // --- parameters -------------------------------------------------------------------------------------------

    private void parameters() {
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                pathParameter(parameter);
            } else if (parameter.in().equals("query")) {
                queryParameter(parameter);
            }
        }
        String unknown = "zzUnknown=1";
        add("query:unknown-parameter", () -> bodyRequest("query:unknown-parameter", unknown,
                target(Map.of(), unknown), true));
        String tooLong = "q=" + "x".repeat(5_000);
        add("query:url-over-4kb", () -> bodyRequest("query:url-over-4kb", "q=x…(5000)",
                target(Map.of(), tooLong), true));
    }

    private void pathParameter(Parameter parameter) {
        for (Bad bad : BadValues.forParameter("path", parameter.schema())) {
            String text = String.valueOf(bad.value());
            String detail = "path " + parameter.name() + "=" + Printable.of(text, 40);
            add(bad.kind(), () -> bodyRequest(bad.kind(), detail,
                    target(Map.of(parameter.name(), text), ""), bad.mustReject()));
        }
        if ("integer".equals(ApiDocument.type(parameter.schema()))) {
            String detail = "path " + parameter.name() + "=" + Fixtures.MISSING_ID + " (no such resource)";
            add("path-param:no-such-resource", () -> bodyRequest("path-param:no-such-resource", detail,
                    target(Map.of(parameter.name(), String.valueOf(Fixtures.MISSING_ID)), ""), true));
        }
    }

    private void queryParameter(Parameter parameter) {
        List<Bad> bad = new ArrayList<>(BadValues.forParameter("query", parameter.schema()));
        PARAMETER_HINTS.getOrDefault(parameter.name(), List.of())
                .forEach(value -> bad.add(new Bad("query-param:" + parameter.name() + "-invalid", value)));
        for (Bad value : bad) {
            String query = parameter.name() + "=" + value.value();
            String detail = "query " + Printable.of(query, 60);
            add(value.kind(), () -> bodyRequest(value.kind(), detail, target(Map.of(), query),
                    value.mustReject()));
        }
        String twice = parameter.name() + "=" + baseQueryValue(parameter) + "&" + parameter.name() + "=x";
        add("query:repeated-parameter", () -> bodyRequest("query:repeated-parameter",
                "query " + twice, target(Map.of(), twice), false));
    }

    private String baseQueryValue(Parameter parameter) {
        String hinted = fixtures.parameterValue(parameter.name());
        if (hinted != null) {
            return hinted;
        }
        if (parameter.schema().get("enum") instanceof List<?> values && !values.isEmpty()) {
            return String.valueOf(values.get(0));
        }
        if (parameter.schema().get("default") != null) {
            return String.valueOf(parameter.schema().get("default"));
        }
        return "integer".equals(ApiDocument.type(parameter.schema())) ? "1" : "a";
    }

    /** If-Match on changes: missing, malformed, weak, a list, and versions that cannot exist. */
    private void versions() {
        boolean hasIfMatch = operation.parameters().stream()
                .anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase("If-Match"));
        if (!hasIfMatch) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("if-match:missing", null);
        values.put("if-match:malformed", "garbage");
        values.put("if-match:unquoted-text", "abc");
        values.put("if-match:star", "*");
        values.put("if-match:out-of-range", "\"99999999999999999999\"");
        values.put("if-match:negative", "\"-1\"");
        values.put("if-match:empty-quotes", "\"\"");
        if (operation.method().equals("PUT")) {
            values.put("if-match:weak-current", "W/\"" + FuzzRequest.CURRENT_VERSION + "\"");
            values.put("if-match:list", "\"" + FuzzRequest.CURRENT_VERSION + "\", \"" + FuzzRequest.CURRENT_VERSION
                    + "\"");
        }
        values.forEach((kind, value) -> {
            String detail = "If-Match: " + value;
            add(kind, () -> {
                FuzzRequest base = bodyRequest(kind, detail, target(Map.of(), ""), true);
                List<Header> headers = new ArrayList<>(base.headers().stream()
                        .filter(h -> !h.name().equals("If-Match")).toList());
                if (value != null) {
                    headers.add(new Header("If-Match", value));
                }
                return new FuzzRequest(base.operation(), kind, detail, base.method(), base.target(), headers,
                        base.body(), true, false, base.resource(), !kind.equals("if-match:list"));
            });
        });
    }

    // --- bodies -----------------------------------------------------------------------------------------------

    private Object baseBody() {
        Map<String, Object> schema = operation.jsonBody();
        Object example = schema.get("example");
        if (example == null) {
            example = Synthesised.value(document, schema);
        }
        return fixtures.adapt(example, true);
    }

    private void wholeBodies() {
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("body:empty", "");
        broken.put("body:malformed-json", "{");
        broken.put("body:json-null", "null");
        broken.put("body:json-array", "[]");
        broken.put("body:json-string", "\"text\"");
        broken.put("body:json-number", "1");
        broken.put("body:empty-object", "{}");
        broken.put("body:raw-control-character", "{\"name\": \"a\u0001b\"}");
        broken.put("body:single-quotes", "{'name': 'a'}");
        broken.put("body:comment", "/* c */ {}");
        broken.put("body:deep-nesting", "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        broken.put("body:many-digits", "{\"a\": " + "9".repeat(5_000) + "}");
        broken.forEach((kind, text) -> add(kind, () -> request(kind,
                Printable.of(text, 40), target(Map.of(), ""), jsonHeaders(),
                text.getBytes(StandardCharsets.UTF_8), true)));
        add("body:trailing-garbage", () -> {
            byte[] valid = JsonText.write(baseBody());
            byte[] body = java.util.Arrays.copyOf(valid, valid.length + 2);
            body[valid.length] = ' ';
            body[valid.length + 1] = 'x';
            return request("body:trailing-garbage", "valid body + \"x\"", target(Map.of(), ""), jsonHeaders(), body,
                    true);
        });
        add("body:two-documents", () -> {
            String valid = new String(JsonText.write(baseBody()), StandardCharsets.UTF_8);
            return request("body:two-documents", "valid body twice", target(Map.of(), ""), jsonHeaders(),
                    (valid + valid).getBytes(StandardCharsets.UTF_8), true);
        });
        contentTypes();
    }

    private void contentTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("content-type:missing", null);
        types.put("content-type:text-plain", "text/plain");
        types.put("content-type:xml", "application/xml");
        types.put("content-type:form", "application/x-www-form-urlencoded");
        types.put("content-type:multipart-without-boundary", "multipart/form-data");
        types.put("content-type:unknown-charset", "application/json; charset=no-such-charset");
        types.put("content-type:malformed", "application/");
        types.forEach((kind, type) -> add(kind, () -> {
            List<Header> headers = new ArrayList<>(versionHeader());
            if (type != null) {
                headers.add(new Header("Content-Type", type));
            }
            return request(kind, "Content-Type: " + type, target(Map.of(), ""), headers,
                    JsonText.write(baseBody()), true);
        }));
        add("accept:xml", () -> {
            List<Header> headers = new ArrayList<>(jsonHeaders());
            headers.add(new Header("Accept", "application/xml"));
            return request("accept:xml", "Accept: application/xml", target(Map.of(), ""), headers,
                    JsonText.write(baseBody()), false);
        });
    }

    /** Walks the body and its schema; each field present in either gets its bad values, null and absence. */
    @SuppressWarnings("unchecked")
    private void fields(List<Object> path, Map<String, Object> schema, Object value, boolean topLevel) {
        String type = ApiDocument.type(schema);
        if ("object".equals(type)) {
            Map<String, Object> present = value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            var required = ApiDocument.required(schema);
            document.properties(schema).forEach((name, propertySchema) -> {
                List<Object> fieldPath = append(path, name);
                field(fieldPath, propertySchema, required.contains(name));
                if (present.containsKey(name)) {
                    fields(fieldPath, propertySchema, present.get(name), false);
                }
            });
        } else if ("array".equals(type) && value instanceof List<?> list && !list.isEmpty()) {
            Map<String, Object> items = document.items(schema);
            List<Object> elementPath = append(path, 0);
            String itemType = ApiDocument.type(items);
            if (!"object".equals(itemType) && !"array".equals(itemType)) {
                field(elementPath, items, false);
            }
            fields(elementPath, items, list.get(0), false);
        }
    }

    private void field(List<Object> path, Map<String, Object> schema, boolean required) {
        String name = pathText(path);
        for (Bad bad : BadValues.forField(document, schema)) {
            String detail = name + " = " + bad.shown();
            add(bad.kind(), () -> mutated(bad.kind(), detail, path, bad.value(), bad.mustReject()));
        }
        if (required) {
            add("required-field-null", () -> mutated("required-field-null", name + " = null", path,
                    new Raw("null"), true));
            add("required-field-missing", () -> {
                Object body = JsonText.copy(baseBody());
                remove(body, path);
                return jsonRequest("required-field-missing", name + " missing", body, true);
            });
        }
    }

    private void unknownAndDuplicateKeys() {
        add("unknown-field", () -> {
            Object body = JsonText.copy(baseBody());
            if (body instanceof Map<?, ?>) {
                set(body, List.of("zzUnknown"), 1);
            }
            return jsonRequest("unknown-field", "zzUnknown = 1", body, true);
        });
        Object sample = baseBody();
        if (!(sample instanceof Map<?, ?> top) || top.isEmpty()) {
            return;
        }
        for (Object key : top.keySet()) {
            String name = String.valueOf(key);
            if (name.length() > 3) {
                String typo = name.substring(0, name.length() - 1);
                add("unknown-field:typo", () -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = (Map<String, Object>) JsonText.copy(baseBody());
                    body.put(typo, body.remove(name));
                    return jsonRequest("unknown-field:typo", name + " sent as " + typo, body, true);
                });
            }
            add("duplicate-key", () -> jsonRequest("duplicate-key",
                    name + " twice, same value", duplicated(name, null), true));
            add("duplicate-key:bad-first", () -> jsonRequest(
                    "duplicate-key:bad-first", name + " first NUL, then valid", duplicated(name, "a\u0000b"), true));
        }
        nestedUnknownField(sample);
    }

    /** An unknown key inside the first nested object of the body, if there is one. */
    @SuppressWarnings("unchecked")
    private void nestedUnknownField(Object sample) {
        for (Map.Entry<String, Object> entry : ((Map<String, Object>) sample).entrySet()) {
            Object nested = entry.getValue();
            List<Object> path = new ArrayList<>(List.of(entry.getKey()));
            if (nested instanceof List<?> list && !list.isEmpty()) {
                nested = list.get(0);
                path.add(0);
            }
            if (nested instanceof Map<?, ?>) {
                List<Object> unknownPath = append(path, "zzUnknown");
                String detail = pathText(unknownPath) + " = 1";
                add("unknown-field:nested", () -> mutated("unknown-field:nested", detail, unknownPath, 1,
                        true));
                return;
            }
        }
    }

    /** The base body with {@code key} written twice: first {@code first} (or its own value), then its own value. */
    @SuppressWarnings("unchecked")
    private JsonText.Entries duplicated(String key, Object first) {
        Map<String, Object> body = (Map<String, Object>) JsonText.copy(baseBody());
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        body.forEach((name, value) -> {
            Object shown = value == null ? new Raw("null") : value;
            if (name.equals(key)) {
                entries.add(Map.entry(name, first == null ? shown : first));
            }
            entries.add(Map.entry(name, shown));
        });
        return new JsonText.Entries(entries);
    }

    private FuzzRequest mutated(String kind, String detail, List<Object> path, Object value, boolean mustReject) {
        Object body = JsonText.copy(baseBody());
        set(body, path, value);
        return jsonRequest(kind, detail, body, mustReject);
    }

    // --- building requests ------------------------------------------------------------------------------------

    private FuzzRequest jsonRequest(String kind, String detail, Object body, boolean mustReject) {
        return request(kind, detail, target(Map.of(), ""), jsonHeaders(), JsonText.write(body), mustReject);
    }

    /** The operation's normal body (if it has one) sent to a mutated target. */
    private FuzzRequest bodyRequest(String kind, String detail, String target, boolean mustReject) {
        if (operation.hasJsonBody()) {
            return request(kind, detail, target, jsonHeaders(), JsonText.write(baseBody()), mustReject);
        }
        if (operation.isUpload()) {
            Multipart upload = Multipart.csv("enterprises.csv", Multipart.EMPTY_CSV);
            List<Header> headers = new ArrayList<>(versionHeader());
            headers.add(new Header("Content-Type", upload.contentType()));
            return request(kind, detail, target, headers, upload.body(), mustReject);
        }
        return request(kind, detail, target, versionHeader(), null, mustReject);
    }

    private FuzzRequest request(String kind, String detail, String target, List<Header> headers, byte[] body,
                                boolean mustReject) {
        return new FuzzRequest(operation.label(), kind, detail, operation.method(), target, headers, body, true,
                false, resource(), mustReject);
    }

    private List<Header> jsonHeaders() {
        List<Header> headers = new ArrayList<>(versionHeader());
        headers.add(new Header("Content-Type", JSON));
        return headers;
    }

    /** PUT sends the resource's current version, so that a bad body is judged on its own; DELETE a stale one. */
    private List<Header> versionHeader() {
        boolean hasIfMatch = operation.parameters().stream()
                .anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase("If-Match"));
        if (!hasIfMatch) {
            return List.of();
        }
        return List.of(new Header("If-Match", operation.method().equals("PUT")
                ? "\"" + FuzzRequest.CURRENT_VERSION + "\"" : "\"999999\""));
    }

    private String resource() {
        return target(Map.of(), "");
    }

    /** The path with fixtures for its parameters except those overridden, plus the required query and {@code query}. */
    String target(Map<String, String> overrides, String query) {
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                String value = overrides.containsKey(parameter.name()) ? overrides.get(parameter.name())
                        : fixtures.pathValue(operation.path(), parameter.name());
                path = path.replace("{" + parameter.name() + "}", value == null ? "1" : value);
            }
        }
        List<String> queries = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && parameter.required()) {
                queries.add(parameter.name() + "=" + baseQueryValue(parameter));
            }
        }
        if (!query.isEmpty()) {
            queries.add(query);
        }
        return queries.isEmpty() ? path : path + "?" + String.join("&", queries);
    }

    // --- paths in bodies --------------------------------------------------------------------------------------

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static String pathText(List<Object> path) {
        StringBuilder text = new StringBuilder("body");
        for (Object step : path) {
            text.append(step instanceof Integer index ? "[" + index + "]" : "." + step);
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static void set(Object body, List<Object> path, Object value) {
        Object parent = body;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = step(parent, path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put((String) last, value);
        } else if (parent instanceof List<?> list && last instanceof Integer index && index < list.size()) {
            ((List<Object>) list).set(index, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object body, List<Object> path) {
        Object parent = body;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = step(parent, path.get(i));
        }
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).remove(path.get(path.size() - 1));
        }
    }

    private static Object step(Object container, Object key) {
        if (container instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (container instanceof List<?> list && key instanceof Integer index && index < list.size()) {
            return list.get(index);
        }
        return null;
    }
}
