package io.jingsai.api.security;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.web.IdempotentAnswers;
import io.jingsai.api.web.ProblemDetailsExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Cross-origin requests: allowed from the configured dashboard origins ({@code jingsai.security.cors-origins}) only,
 * refused with a 403 problem from any other (a browser sends {@code Origin} on every cross-site request, preflight,
 * fetch or form post alike; same-origin requests and scripts are not concerned). The refusal is also what stops a
 * browser from replaying cached HTTP Basic credentials on a cross-site form post.
 */
class CrossOriginGuard implements WebFilter {

    private final ProblemDetailsExceptionHandler problems;
    private final List<String> origins;

    CrossOriginGuard(ProblemDetailsExceptionHandler problems, List<String> origins) {
        this.problems = problems;
        this.origins = origins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (CorsUtils.isCorsRequest(exchange.getRequest())
                && !origins.contains(exchange.getRequest().getHeaders().getOrigin())) {
            return problems.handle(exchange, AccessRefusedException.forbidden("access.crossOrigin"));
        }
        return chain.filter(exchange);
    }

    /** What the allowed origins may do: the API's methods and headers, no cookies (there are none). */
    CorsConfigurationSource corsConfiguration() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH, HttpHeaders.ACCEPT_LANGUAGE, "Idempotency-Key", "Last-Event-ID"));
        cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.CONTENT_LANGUAGE,
                HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE, IdempotentAnswers.REPLAYED));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
