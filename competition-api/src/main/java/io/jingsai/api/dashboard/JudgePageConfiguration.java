package io.jingsai.api.dashboard;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The judges' marking page and the chief judge's desk (docs/judge-page.md): a page at {@code /judge} and its scripts
 * and styles under {@code /judge/}, plain files from {@code classpath:judge/} with no build step. The files are for
 * anyone: they hold nothing but code; every call the page makes is checked by the API with the judge's token.
 */
@Configuration(proxyBeanMethods = false)
class JudgePageConfiguration {

    private static final Resource PAGE = new ClassPathResource("judge/index.html");

    @Bean
    RouterFunction<ServerResponse> judgePage() {
        return route(GET("/judge").or(HEAD("/judge")), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", DashboardConfiguration.CONTENT_SECURITY_POLICY)
                .bodyValue(PAGE))
                .and(RouterFunctions.resources("/judge/**", new ClassPathResource("judge/")));
    }
}
