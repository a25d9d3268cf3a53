package io.jingsai.api.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A change is refused before it is made when its answer could not be sent. Every write of the API (POST, PUT, PATCH,
 * DELETE under {@code /api/}) answers JSON or nothing; Spring picks the answer's media type only after the handler
 * ran, so without this check {@code Accept: application/xml} got a 406 for a record that had been written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class JsonAnswersOnlyFilter implements WebFilter {

    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isWrite(exchange) && !acceptsJson(exchange)) {
            return Mono.error(new NotAcceptableStatusException(ANSWERS));
        }
        return chain.filter(exchange);
    }

    private static boolean isWrite(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        return exchange.getRequest().getPath().value().startsWith("/api/")
                && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE);
    }

    private static boolean acceptsJson(ServerWebExchange exchange) {
        List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
        return accepted.isEmpty() || accepted.stream()
                .anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
    }
}
