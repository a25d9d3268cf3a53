package io.jingsai.api.web;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Closes an event stream whose client has stopped reading: once the connection has been unable to take more
 * ({@linkplain io.netty.channel.Channel#isWritable() not writable}: the socket's buffers and Netty's are full) for
 * {@code patience} without a break. A public board has thousands of subscribers, and one that hangs on without reading
 * holds a megabyte or more of buffers and gets nothing anyway; a live client that was only slow reconnects (an
 * {@code EventSource} does so by itself) and resumes with its last event id. Other responses are left alone: a slow
 * download is not stalled until it is done.
 *
 * <p>One instance per connection, anywhere in the pipeline after the HTTP codec.
 */
final class StalledEventStreams extends ChannelDuplexHandler {

    private final Duration patience;
    private boolean streaming;
    private ScheduledFuture<?> closing;

    StalledEventStreams(Duration patience) {
        this.patience = patience;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
            streaming = type != null && type.startsWith("text/event-stream");
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            cancel();
        } else if (streaming && closing == null) {
            closing = ctx.executor().schedule(() -> {
                if (!ctx.channel().isWritable()) {
                    ctx.close();
                }
            }, patience.toMillis(), TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void cancel() {
        if (closing != null) {
            closing.cancel(false);
            closing = null;
        }
    }
}
