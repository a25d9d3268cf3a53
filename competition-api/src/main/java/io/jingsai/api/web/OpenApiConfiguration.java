package io.jingsai.api.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document at {@code /v3/api-docs}: API info and HTTP Basic here; what every operation does the same way
 * (problem responses, versions, paging, downloads) in {@link OpenApiConventions}; Bean Validation rules as schema
 * bounds in {@link ConstraintSchemas}. Controllers document only what is theirs: operation id, summary and
 * description, and their success status. {@code OpenApiDocumentTests} checks the document against the server.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";

    @Bean
    OpenAPI jingsaiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Jingsai API")
                        .description("Labor and skills competitions: registry, judging, results and live boards. "
                                + "Errors are RFC 9457 problem+json. Every resource has a version: responses carry "
                                + "it as ETag, PUT and DELETE must send it back in If-Match.")
                        .version("v1")
                        .license(new License().name("Apache-2.0")))
                // Relative: the API is served where the document is, whatever host or proxy the reader came through.
                .addServersItem(new Server().url("/").description("this server"))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer openApiConventions() {
        return new OpenApiConventions();
    }

    @Bean
    ModelConverter constraintSchemas() {
        return new ConstraintSchemas();
    }
}
