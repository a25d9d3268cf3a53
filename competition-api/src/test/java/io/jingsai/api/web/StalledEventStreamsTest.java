package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** An event stream whose client stopped reading is closed after the patience; nothing else is. */
class StalledEventStreamsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final EmbeddedChannel channel = new EmbeddedChannel(new StalledEventStreams(PATIENCE));

    {
        channel.freezeTime(); // only advanceTimeBy moves the event loop's clock
    }

    @Test
    void aStreamUnableToTakeMoreForThePatienceIsClosed() {
        channel.writeOutbound(response("text/event-stream"));
        stall(true);
        channel.advanceTimeBy(PATIENCE.toMillis() - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("before the patience runs out").isTrue();

        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aStreamThatTakesMoreAgainInTimeStaysOpenAndHasTheWholePatienceNextTime() {
        channel.writeOutbound(response("text/event-stream;charset=UTF-8"));
        stall(true);
        channel.advanceTimeBy(PATIENCE.toMillis() - 1, TimeUnit.MILLISECONDS);
        stall(false);
        stall(true);
        channel.advanceTimeBy(PATIENCE.toMillis() - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void otherResponsesAreNeverClosedForReadingSlowly() {
        channel.writeOutbound(response("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        stall(true);
        channel.advanceTimeBy(PATIENCE.toMillis() * 10, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
    }

    /** Full buffers, as a client that does not read leaves them, or room again. */
    private void stall(boolean stalled) {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, !stalled);
        channel.runPendingTasks(); // Netty tells the pipeline of a change in writability from its event loop
        assertThat(channel.isWritable()).isEqualTo(!stalled);
    }

    private static HttpResponse response(String contentType) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        return response;
    }
}
