package io.jingsai.api.security;

import java.util.Optional;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.jingsai.api.security.AccessRules.Rule;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For the rows of {@link AccessRules} whose scope is a programme named in the JSON body (an event's
 * {@code programmeId}): reads the body once, up to the size the JSON reader accepts anyway, notes the programme for
 * {@link ScopedAccess}, and hands the same bytes on to the handler. Only for signed-in callers other than
 * administrators (whose answer does not depend on it); what is not JSON, or names no programme, is left to the
 * handler to refuse.
 */
class BodyScope implements WebFilter {

    static final int MAX_BYTES = 256 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<Rule> rule = AccessRules.ruleFor(request.getMethod(), request.getPath().pathWithinApplication()
                .value()).filter(found -> found.bodyProgrammeField() != null);
        if (rule.isEmpty()) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof CallerAuthentication signedIn
                        && !signedIn.caller().isAdmin() ? signedIn : null)
                .flatMap(signedIn -> DataBufferUtils.join(request.getBody(), MAX_BYTES)
                        .map(BodyScope::bytes)
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            Long programme = programme(body, rule.get().bodyProgrammeField());
                            if (programme != null) {
                                exchange.getAttributes().put(ScopedAccess.BODY_PROGRAMME, programme);
                            }
                            return chain.filter(exchange.mutate().request(replaying(request, exchange, body))
                                    .build()).thenReturn(true);
                        }))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private static Long programme(byte[] body, String field) {
        try {
            JsonNode value = JSON.readTree(body).get(field);
            return value != null && value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static ServerHttpRequest replaying(ServerHttpRequest request, ServerWebExchange exchange, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }
}
