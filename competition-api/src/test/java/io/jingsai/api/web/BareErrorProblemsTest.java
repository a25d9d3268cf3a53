package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.unit.DataSize;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/** The problem bodies given to error responses written below Spring, in each shape Netty writes a response. */
class BareErrorProblemsTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new BareErrorProblems(edgeProblems()));

    /** The problem bodies as the application renders them, with a request line limit of 4 KB. */
    static EdgeProblems edgeProblems() {
        return new EdgeProblems(
                new ProblemDetailsExceptionHandler(ServerCodecConfigurer.create(), new ProblemMessages(catalogue())),
                DataSize.ofKilobytes(4));
    }

    private static ResourceBundleMessageSource catalogue() {
        ResourceBundleMessageSource catalogue = new ResourceBundleMessageSource();
        catalogue.setBasename("messages");
        catalogue.setDefaultEncoding("UTF-8");
        catalogue.setFallbackToSystemLocale(false);
        return catalogue;
    }

    @Test
    void aBareErrorSentInPartsGetsItsBodyInTheLastPart() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/x?q=%zz"));
        channel.writeOutbound(bare(HttpResponseStatus.BAD_REQUEST), LastHttpContent.EMPTY_LAST_CONTENT);

        HttpResponse head = channel.readOutbound();
        HttpContent last = channel.readOutbound();
        String body = last.content().toString(StandardCharsets.UTF_8);
        assertThat(last).isInstanceOf(LastHttpContent.class);
        assertThat(head.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(HttpUtil.getContentLength(head)).isEqualTo(last.content().readableBytes());
        assertThat(body).contains("\"status\":400").contains("not a valid URI");
        last.release();
    }

    @Test
    void aBareErrorSentWholeGetsItsBody() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/x"));
        FullHttpResponse tooMany = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.TOO_MANY_REQUESTS);
        HttpUtil.setContentLength(tooMany, 0);
        channel.writeOutbound(tooMany);

        FullHttpResponse sent = channel.readOutbound();
        assertThat(sent.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(HttpUtil.getContentLength(sent)).isEqualTo(sent.content().readableBytes());
        assertThat(sent.content().toString(StandardCharsets.UTF_8)).contains("\"status\":429")
                .contains("refused before it reached the application");
        sent.release();
    }

    @Test
    void theAnswerToAHeadRequestGetsTheHeadersButNoBody() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/api/x?q=%zz"));
        HttpResponse bare = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
        HttpUtil.setTransferEncodingChunked(bare, true);
        channel.writeOutbound(bare, LastHttpContent.EMPTY_LAST_CONTENT);

        HttpResponse head = channel.readOutbound();
        LastHttpContent last = channel.readOutbound();
        assertThat(head.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(HttpUtil.isTransferEncodingChunked(head)).isFalse();
        assertThat(last.content().readableBytes()).isZero();
    }

    @Test
    void responsesAreMatchedToTheirRequestsInOrder() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/first"));
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/second?q=%zz"));
        channel.writeOutbound(bare(HttpResponseStatus.BAD_REQUEST), LastHttpContent.EMPTY_LAST_CONTENT,
                bare(HttpResponseStatus.BAD_REQUEST), LastHttpContent.EMPTY_LAST_CONTENT);

        channel.readOutbound();
        assertThat(((LastHttpContent) channel.readOutbound()).content().readableBytes()).isZero();
        channel.readOutbound();
        LastHttpContent second = channel.readOutbound();
        assertThat(second.content().readableBytes()).isPositive();
        second.release();
    }

    @Test
    void responsesThatHaveABodyLeaveUnchanged() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/x"));
        FullHttpResponse problem = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
        problem.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
        HttpUtil.setContentLength(problem, 2);
        channel.writeOutbound(problem);

        FullHttpResponse sent = channel.readOutbound();
        assertThat(sent).isSameAs(problem);
        sent.release();
    }

    private static HttpResponse bare(HttpResponseStatus status) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        HttpUtil.setContentLength(response, 0);
        return response;
    }
}
