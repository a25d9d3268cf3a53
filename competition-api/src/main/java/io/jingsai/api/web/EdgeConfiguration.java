package io.jingsai.api.web;

import java.time.Duration;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.MethodNotAllowedException;

import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;

/**
 * The edge of the server: what happens to a request before, and instead of, the application. Every refusal here is
 * problem+json like the application's own errors, and no connection is left waiting.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /** The methods the API uses; others (TRACE, PROPFIND, ...) are refused with 405 before any handler runs. */
    static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    @Bean
    NettyServerCustomizer edgeHandlers(ProblemDetailsExceptionHandler problems,
                                       @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxRequestLine,
                                       @Value("${jingsai.web.stalled-stream-patience:15s}") Duration patience) {
        EdgeProblems bodies = new EdgeProblems(problems, maxRequestLine);
        ResumeReadingAfterRequest resumeReading = new ResumeReadingAfterRequest();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, "jingsai.undecodableRequests",
                        new UndecodableRequests(bodies));
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, "jingsai.bareErrorProblems",
                        new BareErrorProblems(bodies));
                pipeline.addAfter(NettyPipeline.HttpTrafficHandler, "jingsai.resumeReading", resumeReading);
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, "jingsai.stalledEventStreams",
                        new StalledEventStreams(patience));
            }
        });
    }

    /** Spring Security's strict firewall (encoded '/', '.', '%', NUL, ';', '\', '//' are refused), on our methods. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHttpMethods(METHODS);
        return firewall;
    }

    /** What the firewall refuses goes through the one error path, instead of an empty 400. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemDetailsExceptionHandler problems) {
        return (exchange, rejected) -> {
            HttpMethod method = exchange.getRequest().getMethod();
            return problems.handle(exchange, METHODS.contains(method)
                    ? rejected : new MethodNotAllowedException(method, METHODS));
        };
    }
}
