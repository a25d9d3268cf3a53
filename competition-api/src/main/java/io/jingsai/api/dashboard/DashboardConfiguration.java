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
 * The public dashboard (docs/dashboard.md): a page at the root and its scripts and styles under {@code /dashboard/},
 * plain files from {@code classpath:dashboard/} with no build step; Apache ECharts comes from its WebJar
 * ({@code /webjars/echarts/}); files shared with the judges' page are under {@code /shared/}. Everything here is for
 * anyone, like the boards it shows.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    /**
     * The page's own policy, stricter than the API's (security.SecurityConfiguration writes that one only where a
     * response has none): scripts, styles and connections from this server only, no inline style either.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'none'";

    private static final Resource PAGE = new ClassPathResource("dashboard/index.html");

    @Bean
    RouterFunction<ServerResponse> dashboard() {
        return route(GET("/").or(HEAD("/")), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .bodyValue(PAGE))
                .and(RouterFunctions.resources("/dashboard/**", new ClassPathResource("dashboard/")));
    }

    /**
     * What the pages share (the dashboard and the judges' page, {@link JudgePageConfiguration}), under
     * {@code /shared/} from {@code classpath:shared/}: the language mechanism each page gives its own words to. Code
     * only, for anyone, like the pages.
     */
    @Bean
    RouterFunction<ServerResponse> sharedPageFiles() {
        return RouterFunctions.resources("/shared/**", new ClassPathResource("shared/"));
    }
}
