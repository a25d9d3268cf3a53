package io.jingsai.api.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of the app's own OpenAPI document the fuzzer needs: operations with their parameters and request
 * bodies, and schemas with {@code $ref}, {@code allOf} and {@code oneOf}/{@code anyOf} resolved. Operations are
 * sorted by path and method, so that what is generated from them does not depend on the order the document lists
 * them in.
 */
final class ApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    private final Map<String, Object> document;
    private final List<Operation> operations;

    @SuppressWarnings("unchecked")
    ApiDocument(byte[] json) {
        this.document = JsonMapper.builder().build().readValue(json, Map.class);
        this.operations = readOperations();
    }

    List<Operation> operations() {
        return operations;
    }

    record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    /** One operation; {@code bodies} maps each request media type to its (resolved) schema. */
    record Operation(String method, String path, List<Parameter> parameters,
                     Map<String, Map<String, Object>> bodies) {

        String label() {
            return method + " " + path;
        }

        boolean hasJsonBody() {
            return bodies.keySet().stream().anyMatch(type -> type.toLowerCase(Locale.ROOT).contains("json"));
        }

        Map<String, Object> jsonBody() {
            return bodies.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("json"))
                    .map(Map.Entry::getValue).findFirst().orElse(Map.of());
        }

        boolean isUpload() {
            return bodies.containsKey("multipart/form-data");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Operation> readOperations() {
        List<Operation> found = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> {
            Map<String, Object> pathItem = (Map<String, Object>) item;
            List<Object> shared = (List<Object>) pathItem.getOrDefault("parameters", List.of());
            pathItem.forEach((method, value) -> {
                if (METHODS.contains(method)) {
                    found.add(operation(method.toUpperCase(Locale.ROOT), path, (Map<String, Object>) value, shared));
                }
            });
        });
        found.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return List.copyOf(found);
    }

    @SuppressWarnings("unchecked")
    private Operation operation(String method, String path, Map<String, Object> operation, List<Object> shared) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        List<Object> declared = new ArrayList<>(shared);
        declared.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
        for (Object raw : declared) {
            Map<String, Object> parameter = resolve((Map<String, Object>) raw);
            String name = (String) parameter.get("name");
            String in = (String) parameter.get("in");
            parameters.put(in + ":" + name, new Parameter(name, in, Boolean.TRUE.equals(parameter.get("required")),
                    resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of()))));
        }
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        Object requestBody = operation.get("requestBody");
        if (requestBody instanceof Map<?, ?> body) {
            Map<String, Object> resolvedBody = resolve((Map<String, Object>) body);
            Map<String, Object> content = (Map<String, Object>) resolvedBody.getOrDefault("content", Map.of());
            content.forEach((type, media) -> bodies.put(type,
                    resolve((Map<String, Object>) ((Map<String, Object>) media).getOrDefault("schema", Map.of()))));
        }
        return new Operation(method, path, List.copyOf(parameters.values()), bodies);
    }

    /** Follows {@code $ref}s (document-local only) until a schema, parameter or body without one. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        for (int depth = 0; current.get("$ref") instanceof String ref && depth < 20; depth++) {
            Object target = document;
            for (String part : ref.substring(ref.indexOf('#') + 2).split("/")) {
                target = ((Map<String, Object>) target).get(part.replace("~1", "/").replace("~0", "~"));
            }
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) target);
            current.forEach((key, value) -> {
                if (!key.equals("$ref")) {
                    merged.put(key, value);
                }
            });
            current = merged;
        }
        return flatten(current);
    }

    /** {@code allOf} merged into one schema; {@code oneOf}/{@code anyOf} replaced by their first choice. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> flatten(Map<String, Object> schema) {
        if (schema.get("allOf") instanceof List<?> parts) {
            Map<String, Object> merged = new LinkedHashMap<>(schema);
            merged.remove("allOf");
            Map<String, Object> properties = new LinkedHashMap<>();
            List<Object> required = new ArrayList<>();
            for (Object part : parts) {
                Map<String, Object> resolved = resolve((Map<String, Object>) part);
                resolved.forEach(merged::putIfAbsent);
                properties.putAll((Map<String, Object>) resolved.getOrDefault("properties", Map.of()));
                required.addAll((List<Object>) resolved.getOrDefault("required", List.of()));
            }
            properties.putAll((Map<String, Object>) schema.getOrDefault("properties", Map.of()));
            required.addAll((List<Object>) schema.getOrDefault("required", List.of()));
            merged.put("properties", properties);
            merged.put("required", required);
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.get(choice) instanceof List<?> options && !options.isEmpty()) {
                Map<String, Object> first = new LinkedHashMap<>(schema);
                first.remove(choice);
                first.putAll(resolve((Map<String, Object>) options.get(0)));
                return first;
            }
        }
        return schema;
    }

    /** The schema's type, with OpenAPI 3.1 type lists ({@code ["string", "null"]}) reduced to the non-null one. */
    static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse(null);
        }
        if (type == null && schema.containsKey("properties")) {
            return "object";
        }
        if (type == null && schema.containsKey("items")) {
            return "array";
        }
        return (String) type;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> properties(Map<String, Object> objectSchema) {
        Map<String, Map<String, Object>> properties = new java.util.TreeMap<>();
        ((Map<String, Object>) objectSchema.getOrDefault("properties", Map.of()))
                .forEach((name, schema) -> properties.put(name, resolve((Map<String, Object>) schema)));
        return properties;
    }

    @SuppressWarnings("unchecked")
    static Set<String> required(Map<String, Object> objectSchema) {
        return Set.copyOf(((List<Object>) objectSchema.getOrDefault("required", List.of())).stream()
                .map(String::valueOf).toList());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> items(Map<String, Object> arraySchema) {
        return resolve((Map<String, Object>) arraySchema.getOrDefault("items", Map.of()));
    }
}
