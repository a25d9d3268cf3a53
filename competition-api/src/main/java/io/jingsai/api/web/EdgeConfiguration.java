package io.jingsai.api.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;

/**
 * The edge of the server: what happens to a request before, and instead of, the application. No connection is left
 * waiting.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    NettyServerCustomizer edgeHandlers() {
        ResumeReadingAfterRequest resumeReading = new ResumeReadingAfterRequest();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addAfter(NettyPipeline.HttpTrafficHandler, "jingsai.resumeReading", resumeReading);
            }
        });
    }
}
