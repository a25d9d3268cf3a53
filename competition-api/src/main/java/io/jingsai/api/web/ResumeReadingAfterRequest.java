package io.jingsai.api.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.channel.ChannelOperations;

/**
 * Asks a kept-alive connection for its next request once a request has fully arrived and none is in progress.
 *
 * <p>Reactor Netty reads a connection only on demand, and 1.3.6 can forget to ask again: a request that arrives before
 * the previous one has ended is queued (with its last part); when that queued request is answered at once, without
 * any I/O (a 400 for a bad {@code sort}, a 404), it ends while its last part is still queued, the queue then drains
 * with no read requested, and the connection waits until the client closes it. That window opens whenever the
 * previous response was written from another thread than the connection's, as every answer that read the database
 * is. Fixed upstream in Reactor Netty 1.3.8 (reactor-netty#4347, #4361); this handler can go with the upgrade.
 *
 * <p>Placed right after Reactor Netty's {@code HttpTrafficHandler}, it sees every last part that handler passes on,
 * queued or not. Asking for a read that is already pending, or on a connection with nothing to read, costs nothing.
 */
@ChannelHandler.Sharable
final class ResumeReadingAfterRequest extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        boolean requestComplete = msg instanceof LastHttpContent;
        ctx.fireChannelRead(msg);
        if (requestComplete && ctx.channel().isActive() && ChannelOperations.get(ctx.channel()) == null) {
            ctx.read();
        }
    }
}
