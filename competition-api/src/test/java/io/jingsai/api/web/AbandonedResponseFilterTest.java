package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The body of a response whose write ended is never left waiting. The server's write is modelled on Spring's
 * {@code ChannelSendOperator} when the client has gone: it takes the first element, fails, and reports the failure
 * downstream only, leaving the body's subscription open. Without the filter the body stays subscribed for ever (the
 * database query behind it holds its connection); with it the body is cancelled.
 */
class AbandonedResponseFilterTest {

    private final AbandonedResponseFilter filter = new AbandonedResponseFilter();

    @Test
    void aStreamedBodyIsCancelledWhenItsWriteFails() {
        AtomicBoolean bodyCancelled = new AtomicBoolean();
        Flux<DataBuffer> body = Flux.<DataBuffer>never()
                .startWith(buffer("[")) // the first row arrived; the rest would wait for demand
                .doOnCancel(() -> bodyCancelled.set(true));

        StepVerifier.create(filter.filter(exchangeWhoseClientHasGone(), exchange ->
                        exchange.getResponse().writeWith(body)))
                .expectError(IOException.class)
                .verify(Duration.ofSeconds(5));

        assertThat(bodyCancelled).as("the body's subscription was cancelled").isTrue();
    }

    @Test
    void aStreamedBodyIsCancelledWhenItsWriteIsCancelled() {
        AtomicBoolean bodyCancelled = new AtomicBoolean();
        Flux<DataBuffer> body = Flux.<DataBuffer>never().doOnCancel(() -> bodyCancelled.set(true));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

        StepVerifier.create(filter.filter(exchange, e -> e.getResponse().writeWith(body)))
                .thenAwait(Duration.ofMillis(50))
                .thenCancel()
                .verify(Duration.ofSeconds(5));

        assertThat(bodyCancelled).isTrue();
    }

    @Test
    void aWholeBodyIsWrittenUnchanged() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

        StepVerifier.create(filter.filter(exchange, e -> e.getResponse().writeWith(
                        Flux.just(buffer("[1,"), buffer("2]")))))
                .verifyComplete();

        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo("[1,2]");
    }

    private static ServerWebExchange exchangeWhoseClientHasGone() {
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(new MockServerHttpResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return Mono.create(completion -> body.subscribe(new org.reactivestreams.Subscriber<DataBuffer>() {
                    @Override
                    public void onSubscribe(org.reactivestreams.Subscription subscription) {
                        subscription.request(1);
                    }

                    @Override
                    public void onNext(DataBuffer first) {
                        completion.error(new IOException("Connection reset by peer"));
                    }

                    @Override
                    public void onError(Throwable error) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
            }
        };
        return MockServerWebExchange.builder(MockServerHttpRequest.get("/")).build().mutate().response(response)
                .build();
    }

    private static DataBuffer buffer(String text) {
        return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes());
    }
}
