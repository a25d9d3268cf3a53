package io.jingsai.api.web;

import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Gives a problem+json body to every error response that would leave the server without one. Spring's errors already
 * have theirs (they all go through {@link ProblemDetailsExceptionHandler}); what is answered below Spring has none:
 * Spring's adapter refusing a request target that is no URI (raw non-ASCII characters, a broken escape such as
 * {@code %zz}) before any of the application runs. (Requests the codec cannot decode never get this far: see
 * {@link UndecodableRequests}.)
 *
 * <p>Sits between the HTTP codec and Reactor Netty's {@code HttpTrafficHandler}, so it sees every request as it
 * arrives and every response as it leaves, in the same order (HTTP/1.1 answers in order, pipelined or not). One
 * instance per connection.
 */
final class BareErrorProblems extends ChannelDuplexHandler {

    private final EdgeProblems problems;
    /** Requests not answered yet, oldest first. */
    private final Queue<HttpRequest> unanswered = new ArrayDeque<>();
    /** The body owed to the last part of a response whose head was already rewritten, if any. */
    private byte[] owedBody;

    BareErrorProblems(EdgeProblems problems) {
        this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            unanswered.add(request);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        Object out = msg;
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            out = answered(ctx, response, unanswered.poll());
        } else if (owedBody != null && msg instanceof LastHttpContent last) {
            out = new DefaultLastHttpContent(ctx.alloc().buffer(owedBody.length).writeBytes(owedBody));
            owedBody = null;
            last.release();
        }
        ctx.write(out, promise);
    }

    private HttpResponse answered(ChannelHandlerContext ctx, HttpResponse response, HttpRequest request) {
        boolean head = request != null && HttpMethod.HEAD.equals(request.method());
        if (!isBareError(response, head)) {
            return response;
        }
        byte[] body = problems.forBareError(response.status().code());
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, EdgeProblems.CONTENT_TYPE)
                .remove(HttpHeaderNames.TRANSFER_ENCODING);
        HttpUtil.setContentLength(response, body.length);
        if (head) {
            return response;
        }
        if (response instanceof FullHttpResponse full) {
            ByteBuf content = ctx.alloc().buffer(body.length).writeBytes(body);
            FullHttpResponse withBody = full.replace(content);
            full.release();
            return withBody;
        }
        owedBody = body;
        return response;
    }

    /**
     * An error whose sender wrote no body: every body the application writes has a content type. The answer to a
     * HEAD request never has a body, but it gets the headers the body would have had.
     */
    private static boolean isBareError(HttpResponse response, boolean head) {
        return response.status().code() >= 400
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                && (head || !HttpUtil.isTransferEncodingChunked(response)
                        && HttpUtil.getContentLength(response, 0L) == 0L);
    }
}
