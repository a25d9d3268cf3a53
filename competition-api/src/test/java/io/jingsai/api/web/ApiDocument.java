package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.TestClients;

/** The app's own OpenAPI document, as anyone reads it from {@code /v3/api-docs}, with the lookups the tests need. */
final class ApiDocument {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String MULTIPART = "multipart/form-data";

    private final Map<String, Object> document;

    private ApiDocument(Map<String, Object> document) {
        this.document = document;
    }

    static ApiDocument read(WebTestClient web) {
        Map<String, Object> document = map(TestClients.documentReader(web).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        return new ApiDocument(document);
    }

    /** One operation of the document: a method on a path. */
    record Operation(String path, String method, Map<String, Object> spec) {

        String id() {
            return (String) spec.get("operationId");
        }

        Map<String, Object> responses() {
            return map(spec.get("responses"));
        }

        Map<String, Object> response(String status) {
            return map(responses().get(status));
        }

        /** The one success status the operation documents (2xx). */
        String success() {
            List<String> successes = responses().keySet().stream().filter(status -> status.startsWith("2")).toList();
            assertThat(successes).as("%s documents exactly one success status", this).hasSize(1);
            return successes.get(0);
        }

        /** Media types of a documented response's body; empty for a response without a body. */
        Set<String> mediaTypes(String status) {
            Map<String, Object> response = response(status);
            return response == null || response.get("content") == null ? Set.of()
                    : new TreeSet<>(map(response.get("content")).keySet());
        }

        boolean documentsHeader(String status, String header) {
            Map<String, Object> response = response(status);
            return response != null && response.get("headers") != null
                    && map(response.get("headers")).containsKey(header);
        }

        List<Map<String, Object>> parameters() {
            List<Map<String, Object>> parameters = new ArrayList<>();
            if (spec.get("parameters") instanceof List<?> list) {
                list.forEach(parameter -> parameters.add(map(parameter)));
            }
            return parameters;
        }

        Optional<Map<String, Object>> parameter(String in, String name) {
            return parameters().stream()
                    .filter(parameter -> in.equals(parameter.get("in"))
                            && name.equalsIgnoreCase((String) parameter.get("name")))
                    .findFirst();
        }

        /** The media types of the request body, empty without one. */
        Set<String> requestMediaTypes() {
            Map<String, Object> body = map(spec.get("requestBody"));
            return body == null ? Set.of() : map(body.get("content")).keySet();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + id() + ")";
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, spec) ->
                operations.add(new Operation(path, method, map(spec)))));
        return operations;
    }

    Operation operation(String operationId) {
        return operations().stream().filter(operation -> operationId.equals(operation.id())).findFirst()
                .orElseThrow(() -> new AssertionError("the document has no operation " + operationId));
    }

    Map<String, Object> schemas() {
        return map(map(document.get("components")).get("schemas"));
    }

    /** A schema itself, following a {@code $ref} to the components. */
    Map<String, Object> resolve(Object schema) {
        Map<String, Object> found = map(schema);
        while (found != null && found.get("$ref") instanceof String ref) {
            found = map(schemas().get(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        return found;
    }

    /** The schema of an operation's JSON request body, resolved. */
    Map<String, Object> requestSchema(Operation operation) {
        Map<String, Object> body = map(operation.spec().get("requestBody"));
        return resolve(map(map(map(body.get("content")).get(JSON)).get("schema")));
    }

    /** A fresh copy of the example of an operation's JSON request body, to send or to change. */
    Map<String, Object> example(Operation operation) {
        Object example = requestSchema(operation).get("example");
        assertThat(example).as("%s has an example request body", operation).isInstanceOf(Map.class);
        return map(copy(example));
    }

    Map<String, Object> raw() {
        return document;
    }

    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, copy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(ApiDocument::copy).toList());
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
