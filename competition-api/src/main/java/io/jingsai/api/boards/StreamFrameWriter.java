package io.jingsai.api.boards;

import java.util.List;
import java.util.Map;

import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a stream of {@link StreamFrame}s as {@code text/event-stream}: each frame's bytes, shared and not copied, as
 * soon as it comes (a flush per frame, as Spring's own server-sent event writer does).
 */
final class StreamFrameWriter implements HttpMessageWriter<StreamFrame> {

    private static final List<MediaType> TYPES = List.of(MediaType.TEXT_EVENT_STREAM);

    @Override
    public List<MediaType> getWritableMediaTypes() {
        return TYPES;
    }

    @Override
    public boolean canWrite(ResolvableType elementType, MediaType mediaType) {
        return StreamFrame.class.isAssignableFrom(elementType.toClass())
                && (mediaType == null || MediaType.TEXT_EVENT_STREAM.isCompatibleWith(mediaType));
    }

    @Override
    public Mono<Void> write(Publisher<? extends StreamFrame> frames, ResolvableType elementType,
                            MediaType mediaType, ReactiveHttpOutputMessage message, Map<String, Object> hints) {
        message.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
        DataBufferFactory buffers = message.bufferFactory();
        return message.writeAndFlushWith(Flux.from(frames).map(frame -> Mono.just(buffers.wrap(frame.bytes()))));
    }
}
