package io.jingsai.api.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.jingsai.api.shared.IdempotencyKey;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * What every operation does the same way, added to the document once instead of annotated on each handler:
 * <ul>
 *   <li>the problem+json errors (400, 401/403 unless public, 404 on paths with ids, 409, 413/415 for bodies, 503);</li>
 *   <li>versions: a response whose body has a {@code version} carries it as {@code ETag}; such a GET answers 304 to
 *       a matching {@code If-None-Match}; PUT and DELETE require {@code If-Match} (428 without it, 412 if stale),
 *       as {@link ETags} enforces; 201 and 202 carry a {@code Location};</li>
 *   <li>paging ({@code page} ≥ 0, {@code size} 1–{@value PageQuery#MAX_SIZE}) and sorting, as {@link PageQuery}
 *       checks them;</li>
 *   <li>downloads: a {@code byte[]} body is always a spreadsheet (templates and exports), sent in each
 *       {@link SheetFormat} with its media type, chosen by {@code format};</li>
 *   <li>JSON Schema 2020-12 spelling (the document is OpenAPI 3.1): swagger-core marks {@code @Positive} with the
 *       3.0 boolean {@code exclusiveMinimum}, which 3.1 drops, so "greater than 0" would read as "0 or more"; and
 *       {@code @Pattern} must match the whole value, where a schema pattern matches anywhere, so patterns are
 *       anchored.</li>
 * </ul>
 */
final class OpenApiConventions implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String MULTIPART = "multipart/form-data";
    private static final String VERSION_TAG = "a version as a strong entity tag, such as \"3\"";

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas != null) {
            schemas.values().forEach(OpenApiConventions::spellFor31);
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> {
                    downloads(operation);
                    versions(method, operation, schemas);
                    paging(operation);
                    errors(path, method, operation);
                });
            }
        });
    }

    // --- versions ------------------------------------------------------------------------------------------------

    private static void versions(HttpMethod method, Operation operation, Map<String, Schema> schemas) {
        if (method == HttpMethod.PUT || method == HttpMethod.DELETE) {
            requireIfMatch(operation);
        }
        boolean versioned = false;
        for (Map.Entry<String, ApiResponse> entry : new ArrayList<>(operation.getResponses().entrySet())) {
            String status = entry.getKey();
            ApiResponse response = entry.getValue();
            if (status.startsWith("2") && isVersioned(response, schemas)) {
                response.addHeaderObject("ETag", new Header().schema(new StringSchema())
                        .description("the version of what the body shows, " + VERSION_TAG
                                + "; send it back in If-Match to change or remove it"));
                versioned = true;
            }
            if (status.equals("201") || status.equals("202")) {
                response.addHeaderObject("Location", new Header().description("where the new resource is")
                        .required(true).schema(new StringSchema().format("uri-reference")));
            }
        }
        if (versioned && method == HttpMethod.GET && !operation.getResponses().containsKey("304")) {
            operation.addParametersItem(new Parameter().in("header").name("If-None-Match").required(false)
                    .description("the ETag you hold: 304 without a body if it is still current")
                    .schema(new StringSchema().example("\"3\"")));
            operation.getResponses().addApiResponse("304", new ApiResponse()
                    .description("Not modified: the If-None-Match version is still current")
                    .addHeaderObject("ETag", new Header().description("the current version")
                            .schema(new StringSchema())));
        }
    }

    private static void requireIfMatch(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                .filter(parameter -> "header".equals(parameter.getIn())
                        && "If-Match".equalsIgnoreCase(parameter.getName()))
                .forEach(parameter -> parameter.required(true)
                        .description("the ETag of the version you read, " + VERSION_TAG
                                + "; 428 without it, 412 if someone changed it since")
                        .schema(new StringSchema().example("\"3\"")));
    }

    private static boolean isVersioned(ApiResponse response, Map<String, Schema> schemas) {
        if (response.getContent() == null || response.getContent().get(JSON) == null || schemas == null) {
            return false;
        }
        String ref = response.getContent().get(JSON).getSchema() == null ? null
                : response.getContent().get(JSON).getSchema().get$ref();
        Schema<?> body = ref == null ? null : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        return body != null && body.getProperties() != null && body.getProperties().containsKey("version");
    }

    // --- paging and downloads ------------------------------------------------------------------------------------

    /** Parameter schemas may be shared between parameters, so each is replaced, never changed in place. */
    private static void paging(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
                continue;
            }
            Object preset = parameter.getSchema().getDefault();
            switch (parameter.getName()) {
                case "page" -> parameter.description("page number, from 0")
                        .schema(withDefault(new IntegerSchema().minimum(BigDecimal.ZERO), preset));
                case "size" -> parameter.description("items per page")
                        .schema(withDefault(new IntegerSchema().minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(PageQuery.MAX_SIZE)), preset));
                case "sort" -> parameter.description("field or field,asc|desc; several joined by ';' "
                                + "(the operation's description lists the fields); the id always ends the order")
                        .schema(new StringSchema().example("name,desc"));
                default -> {
                }
            }
        }
    }

    private static Schema<?> withDefault(Schema<?> schema, Object preset) {
        schema.setDefault(preset);
        return schema;
    }

    private static void downloads(Operation operation) {
        ApiResponse ok = operation.getResponses().get("200");
        boolean bytes = ok != null && ok.getContent() != null && ok.getContent().values().stream()
                .anyMatch(media -> media.getSchema() != null && "byte".equals(media.getSchema().getFormat()));
        if (!bytes) {
            return;
        }
        Content files = new Content();
        for (SheetFormat format : SheetFormat.values()) {
            files.addMediaType(format.mediaType(), new MediaType().schema(new StringSchema().format("binary")));
        }
        ok.content(files).addHeaderObject("Content-Disposition", new Header()
                .description("attachment, with the file name").schema(new StringSchema()));
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(parameter -> "format".equals(parameter.getName()))
                    .forEach(parameter -> parameter.description("file format, which sets the media type of the answer")
                            .schema(withDefault(new StringSchema()
                                    ._enum(Stream.of(SheetFormat.values()).map(SheetFormat::extension).toList()),
                                    parameter.getSchema().getDefault())));
        }
    }

    // --- errors --------------------------------------------------------------------------------------------------

    private static void errors(String path, HttpMethod method, Operation operation) {
        boolean publicRead = method == HttpMethod.GET
                && (path.startsWith("/api/reference/") || path.startsWith("/api/public/"));
        add(operation, "400", "Invalid input: every field and the rule it broke are listed in errors");
        if (!publicRead) {
            add(operation, "401", "Not signed in");
            add(operation, "403", "Signed in, but not allowed");
        }
        if (path.contains("{")) {
            add(operation, "404", "No such resource");
        }
        boolean upload = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey(MULTIPART);
        // An import reports duplicates in its job, row by row: only records written one at a time conflict.
        if (!upload && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.DELETE)) {
            add(operation, "409", "Conflicts with existing data (duplicate, or still referenced)");
        }
        if (takesHeader(operation, IdempotencyKey.HEADER)) {
            add(operation, "422", "The Idempotency-Key was used before for another request");
        }
        if (method == HttpMethod.PUT || method == HttpMethod.DELETE) {
            add(operation, "412", "If-Match names a version that is no longer current");
            add(operation, "428", "If-Match is missing");
        }
        if (upload) {
            add(operation, "413", "The file is larger than the upload limit");
            add(operation, "415", "Not a multipart upload, or the file is not .csv or .xlsx");
        } else if (operation.getRequestBody() != null) {
            add(operation, "415", "The body is not application/json");
        }
        add(operation, "503", "No database connection could be had in time; retry after the Retry-After seconds");
    }

    private static boolean takesHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.setProperties(Map.of("field", new StringSchema().example("creditCode"),
                "rule", new StringSchema().description("a stable, language-free key; match on this")
                        .example("creditCode.checkCharacter"),
                "message", new StringSchema().description("the rule in the language of Accept-Language")
                        .example("第 18 位（校验码）应为 L")));
        error.setRequired(List.of("field", "rule"));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(Map.of(
                "type", new StringSchema().example("about:blank"),
                "title", new StringSchema().example("Invalid request"),
                "status", new IntegerSchema().example(400),
                "detail", new StringSchema().example("creditCode: check character must be L, was 8"),
                "instance", new StringSchema().example("/api/enterprises"),
                "errors", new ArraySchema().items(error)));
        problem.setRequired(List.of("title", "status"));
        return problem.description("RFC 9457 problem details");
    }

    // --- OpenAPI 3.1 spelling ------------------------------------------------------------------------------------

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void spellFor31(Schema schema) {
        if (schema == null) {
            return;
        }
        if (Boolean.TRUE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimumValue(schema.getMinimum());
            schema.setMinimum(null);
        }
        if (Boolean.TRUE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximumValue(schema.getMaximum());
            schema.setMaximum(null);
        }
        schema.setExclusiveMinimum(null);
        schema.setExclusiveMaximum(null);
        if (schema.getPattern() != null && !schema.getPattern().startsWith("^")) {
            schema.setPattern("^(?:" + schema.getPattern() + ")$");
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinItems())) {
            schema.setMinItems(null);
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(OpenApiConventions::spellFor31);
        }
        spellFor31(schema.getItems());
    }
}
