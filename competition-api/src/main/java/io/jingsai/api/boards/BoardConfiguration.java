package io.jingsai.api.boards;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BoardSettings.class)
class BoardConfiguration {

    /** The boards' streams go out as frames encoded once for all their subscribers. */
    @Bean
    CodecCustomizer streamFrames() {
        return codecs -> codecs.customCodecs().register(new StreamFrameWriter());
    }
}
