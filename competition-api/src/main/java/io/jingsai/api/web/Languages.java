package io.jingsai.api.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The languages the API speaks: Simplified Chinese, unless {@code Accept-Language} prefers English. The words are
 * the message catalogue {@code messages.properties} (Chinese, also the fallback for every other language) and
 * {@code messages_en.properties}, both UTF-8; see {@link ProblemMessages}.
 */
@Configuration(proxyBeanMethods = false)
class Languages {

    /** The default: the catalogue without a language suffix is Chinese. */
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    /**
     * The application's message source. Every message goes through {@link java.text.MessageFormat}, with or without
     * values, so an apostrophe is always written twice; the JVM's own locale never picks the language.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    /**
     * {@code Accept-Language} with its weights: {@code en}, {@code en-US} or {@code fr, en;q=0.5} give English;
     * {@code zh}, {@code zh-TW}, any other language, none, or a malformed header give Chinese.
     */
    @Bean
    LocaleContextResolver localeContextResolver() {
        AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
        resolver.setSupportedLocales(List.of(CHINESE, Locale.CHINESE, ENGLISH));
        resolver.setDefaultLocale(CHINESE);
        return resolver;
    }
}
