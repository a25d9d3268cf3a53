package io.jingsai.api.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document: API info, HTTP Basic, and the error responses every endpoint can give, so that each
 * operation documents its problem+json bodies without repeating annotations on every handler.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String BASIC = "basic";

    @Bean
    OpenAPI jingsaiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Jingsai API")
                        .description("Labor and skills competitions: registry, judging, results and live boards. "
                                + "Errors are RFC 9457 problem+json.")
                        .version("v1")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer standardErrorResponses() {
        return openApi -> {
            // Added here, after springdoc has built the components from the controllers, so it is not replaced.
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) -> addErrors(path, method, operation));
                }
            });
        };
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        boolean publicRead = method == PathItem.HttpMethod.GET
                && (path.startsWith("/api/reference/") || path.startsWith("/api/public/"));
        add(operation, "400", "Invalid input: every field and the rule it broke are listed in errors");
        if (!publicRead) {
            add(operation, "401", "Not signed in");
            add(operation, "403", "Signed in, but not allowed");
        }
        if (path.contains("{")) {
            add(operation, "404", "No such resource");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE) {
            add(operation, "409", "Conflicts with existing data (duplicate, or still referenced)");
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            add(operation, "412", "If-Match names a version that is no longer current");
            add(operation, "428", "If-Match is missing");
        }
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.setProperties(Map.of("field", new StringSchema().example("creditCode"),
                "rule", new StringSchema().example("creditCode.checkCharacter")
                        .description("stable, language-free key of the broken rule"),
                "message", new StringSchema().example("第 18 位（校验码）应为 L")
                        .description("the rule in the language of Accept-Language (Chinese unless English is asked for)")));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(Map.of(
                "type", new StringSchema().example("about:blank"),
                "title", new StringSchema().example("请求无效"),
                "status", new IntegerSchema().example(400),
                "detail", new StringSchema().example("creditCode：第 18 位（校验码）应为 L"),
                "instance", new StringSchema().example("/api/enterprises"),
                "errors", new ArraySchema().items(error)));
        return problem.description("RFC 9457 problem details");
    }
}
