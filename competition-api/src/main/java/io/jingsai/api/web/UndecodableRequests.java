package io.jingsai.api.web;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers each request the HTTP codec could not decode, itself: 414 for a request line over the limit, 431 for
 * headers over theirs, 400 for anything else malformed or a version other than HTTP/1.x. The answer is a problem,
 * says {@code Connection: close}, and waits only for the responses still owed to earlier requests on the connection,
 * as HTTP/1.1 requires; then the connection closes, since the codec discards whatever follows a request it could not
 * read.
 *
 * <p>Why not leave these to Reactor Netty: 1.3.6 hands such a request's answer to the exchange still bound to the
 * connection. When the request arrives right after an answer written from another thread (any answer that read the
 * database), that exchange has already ended, the answer is never written, and the client waits until it gives up.
 *
 * <p>Sits right after the HTTP codec. One instance per connection.
 */
final class UndecodableRequests extends ChannelDuplexHandler {

    /** How long a refused client may go on sending before the connection closes anyway. */
    private static final long LINGER_SECONDS = 2;

    private final EdgeProblems problems;
    /** Requests passed on whose final response has not ended yet. */
    private int responsesOwed;
    private boolean finalResponseStarted;
    /** The status of the refusal waiting for {@link #responsesOwed} to reach zero, or 0. */
    private int refusalOwed;
    /** Set once a request was refused: nothing after it is passed on. */
    private boolean refused;

    UndecodableRequests(EdgeProblems problems) {
        this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            int status = refusal(request);
            if (status != 0) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, status);
                return;
            }
            responsesOwed++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            finalResponseStarted = true;
        }
        boolean responseEnds = finalResponseStarted && msg instanceof LastHttpContent;
        ctx.write(msg, promise);
        if (responseEnds) {
            finalResponseStarted = false;
            responsesOwed--;
            if (responsesOwed == 0 && refusalOwed != 0) {
                send(ctx, refusalOwed);
            }
        }
    }

    /** The status that refuses this request, or 0 when it is a request the application can be given. */
    private static int refusal(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return HttpResponseStatus.REQUEST_URI_TOO_LONG.code();
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.code();
            }
            return HttpResponseStatus.BAD_REQUEST.code();
        }
        return request.protocolVersion().majorVersion() == 1 ? 0 : HttpResponseStatus.BAD_REQUEST.code();
    }

    private void refuse(ChannelHandlerContext ctx, int status) {
        refused = true;
        if (responsesOwed == 0) {
            send(ctx, status);
        } else {
            refusalOwed = status;
        }
    }

    private void send(ChannelHandlerContext ctx, int status) {
        refusalOwed = 0;
        byte[] body = problems.forUndecodable(status);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, EdgeProblems.CONTENT_TYPE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(response, body.length);
        ctx.writeAndFlush(response).addListener(written -> closeGently(ctx.channel()));
    }

    /**
     * Stops sending and reads, for the codec to discard, what the client may still be sending, until it closes or
     * {@link #LINGER_SECONDS} pass: closing with unread input resets the connection, and the client could lose the
     * answer it has not read yet.
     */
    private static void closeGently(Channel channel) {
        if (channel instanceof DuplexChannel duplex && channel.isActive()) {
            duplex.shutdownOutput();
            channel.config().setAutoRead(true);
            channel.eventLoop().schedule(() -> channel.close(), LINGER_SECONDS, TimeUnit.SECONDS);
        } else {
            channel.close();
        }
    }
}
