package io.jingsai.api.web;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Stops producing a response body as soon as its write has ended, however it ended.
 *
 * <p>Why: when a client disconnects while a streamed body (a {@code Flux} from the database, and later server-sent
 * events) is being written, the server's write fails, but Spring's {@code ChannelSendOperator} only reports that
 * failure downstream: the body's own subscription, which already delivered its first element, is neither cancelled
 * nor asked for more. A database query behind it then waits for demand for ever and keeps its pooled connection
 * (reproduced: {@code GET /api/reference/aspects} under 50 clients that close mid-request lost 17 of 20 connections
 * in three 3-second bursts). Here the body is cut off when its write fails or is cancelled, which cancels the query
 * and returns its connection. A write that completes is left alone: the body has been consumed (or, in the test
 * client's in-memory exchange, is still being read by the client).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AbandonedResponseFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange.mutate().response(new BodyStoppingResponse(exchange.getResponse())).build());
    }

    private static final class BodyStoppingResponse extends ServerHttpResponseDecorator {

        BodyStoppingResponse(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (body instanceof Mono) {
                return super.writeWith(body); // resolved before the write starts: nothing is left waiting
            }
            Sinks.Empty<Void> writeAbandoned = Sinks.empty();
            return super.writeWith(Flux.from(body).takeUntilOther(writeAbandoned.asMono()))
                    .doOnError(failure -> writeAbandoned.tryEmitEmpty())
                    .doOnCancel(writeAbandoned::tryEmitEmpty);
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            Sinks.Empty<Void> writeAbandoned = Sinks.empty();
            return super.writeAndFlushWith(Flux.from(body).takeUntilOther(writeAbandoned.asMono()))
                    .doOnError(failure -> writeAbandoned.tryEmitEmpty())
                    .doOnCancel(writeAbandoned::tryEmitEmpty);
        }
    }
}
