package io.jingsai.api.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageReader;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.http.HttpStatus;

import reactor.core.publisher.Flux;

/** Frames written by {@link StreamFrameWriter} are read back by Spring's own server-sent event reader as sent. */
class StreamFrameTest {

    @Test
    void framesReadBackAsTheEventsAndCommentsTheyAre() {
        List<StreamFrame> frames = List.of(StreamFrame.comment("stars 7"),
                StreamFrame.event("abc.12", "change", "{\"name\":\"郑州 选手\",\"total\":\"98.5\"}"),
                StreamFrame.comment("heartbeat"));
        MockServerHttpResponse written = new MockServerHttpResponse();
        new StreamFrameWriter().write(Flux.fromIterable(frames), ResolvableType.forClass(StreamFrame.class),
                MediaType.TEXT_EVENT_STREAM, written, java.util.Map.of()).block(Duration.ofSeconds(5));

        assertThat(written.getHeaders().getContentType()).isEqualTo(MediaType.TEXT_EVENT_STREAM);
        String wire = written.getBodyAsString().block(Duration.ofSeconds(5));
        MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
        response.setBody(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(wire.getBytes(StandardCharsets.UTF_8))));
        List<Object> read = new ServerSentEventHttpMessageReader().read(
                        ResolvableType.forClassWithGenerics(ServerSentEvent.class, String.class), response,
                        java.util.Map.of())
                .collectList().block(Duration.ofSeconds(5));

        assertThat(read).hasSize(3);
        ServerSentEvent<?> opening = (ServerSentEvent<?>) read.get(0);
        ServerSentEvent<?> change = (ServerSentEvent<?>) read.get(1);
        assertThat(opening.comment()).isEqualTo("stars 7");
        assertThat(change.id()).isEqualTo("abc.12");
        assertThat(change.event()).isEqualTo("change");
        assertThat(change.data()).isEqualTo(frames.get(1).data());
        assertThat(((ServerSentEvent<?>) read.get(2)).comment()).isEqualTo("heartbeat");
    }

    @Test
    void aFrameIsOneLineOrRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> StreamFrame.event("1", "change", "{\n}"))
                .withMessageContaining("data");
        assertThatIllegalArgumentException().isThrownBy(() -> StreamFrame.comment("a\rb"))
                .withMessageContaining("comment");
    }

    @Test
    void onlyFramesAreWrittenAndOnlyAsAnEventStream() {
        StreamFrameWriter writer = new StreamFrameWriter();
        assertThat(writer.canWrite(ResolvableType.forClass(StreamFrame.class), MediaType.TEXT_EVENT_STREAM)).isTrue();
        assertThat(writer.canWrite(ResolvableType.forClass(StreamFrame.class), MediaType.APPLICATION_JSON)).isFalse();
        assertThat(writer.canWrite(ResolvableType.forClass(String.class), MediaType.TEXT_EVENT_STREAM)).isFalse();
        assertThat(writer.canWrite(ResolvableType.forClass(DataBuffer.class), null)).isFalse();
    }
}
