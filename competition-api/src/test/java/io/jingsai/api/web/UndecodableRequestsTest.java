package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/** Requests the codec could not decode are answered here, in their turn, and the connection then closes. */
class UndecodableRequestsTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new UndecodableRequests(BareErrorProblemsTest.edgeProblems()));

    @Test
    void aRequestLineTooLongIsAnsweredAtOnceWith414AndTheConnectionCloses() {
        channel.writeInbound(undecodable(new TooLongHttpLineException("An HTTP line is larger than 4096 bytes.")));

        FullHttpResponse sent = channel.readOutbound();
        assertThat(sent.status()).isEqualTo(HttpResponseStatus.REQUEST_URI_TOO_LONG);
        assertThat(sent.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        assertThat(sent.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(HttpUtil.getContentLength(sent)).isEqualTo(sent.content().readableBytes());
        assertThat(body(sent)).contains("\"status\":414").contains("4096 bytes");
        assertThat((Object) channel.readInbound()).as("passed on to the application").isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void eachDecodingFailureHasItsStatusAndDetail() {
        assertThat(refusal(undecodable(new TooLongHttpHeaderException("too large")))).contains("\"status\":431");
        assertThat(refusal(undecodable(new IllegalArgumentException("invalid header"))))
                .contains("\"status\":400").contains("malformed");
        assertThat(refusal(new DefaultHttpRequest(HttpVersion.valueOf("HTTP/2.0"), HttpMethod.GET, "/api/x")))
                .contains("\"status\":400").contains("malformed");
    }

    @Test
    void theRefusalWaitsForTheResponseStillOwedToAnEarlierRequest() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/first"),
                LastHttpContent.EMPTY_LAST_CONTENT);
        channel.writeInbound(undecodable(new TooLongHttpLineException("too long")));
        assertThat((Object) channel.readOutbound()).as("nothing written before the first answer").isNull();

        HttpResponse first = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE), first);
        assertThat((Object) channel.readOutbound()).isInstanceOf(HttpResponse.class);
        assertThat((Object) channel.readOutbound()).isSameAs(first);
        assertThat((Object) channel.readOutbound()).as("refused before the first answer ended").isNull();
        channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat((Object) channel.readOutbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        FullHttpResponse refusal = channel.readOutbound();
        assertThat(refusal.status()).isEqualTo(HttpResponseStatus.REQUEST_URI_TOO_LONG);
        refusal.release();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void nothingAfterARefusedRequestReachesTheApplication() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/first"));
        channel.writeInbound(undecodable(new TooLongHttpLineException("too long")));
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/third"));

        assertThat(((HttpRequest) channel.readInbound()).uri()).isEqualTo("/api/first");
        assertThat((Object) channel.readInbound()).isNull();
    }

    private String refusal(HttpRequest request) {
        EmbeddedChannel fresh = new EmbeddedChannel(new UndecodableRequests(BareErrorProblemsTest.edgeProblems()));
        fresh.writeInbound(request);
        return body(fresh.readOutbound());
    }

    /** What Netty's decoder hands on when it cannot read a request: a placeholder carrying the failure. */
    private static HttpRequest undecodable(Exception cause) {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET,
                "/bad-request");
        request.setDecoderResult(DecoderResult.failure(cause));
        return request;
    }

    private static String body(FullHttpResponse response) {
        try {
            return response.content().toString(StandardCharsets.UTF_8);
        } finally {
            response.release();
        }
    }
}
