package io.jingsai.api.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.jingsai.api.shared.FieldProblem;

/**
 * Words every error in the client's language, once, in the one error path: problem titles (by status), details
 * and each field problem's message, from the message catalogue and the values each message names.
 *
 * <p>Values are written as the API writes them, whatever the language: numbers in plain digits ({@code 12345},
 * never {@code 12,345}), enum constants by name, lists joined with the language's separator, and nested keys
 * (such as a kind of resource) in the same language.
 */
@Component
public class ProblemMessages {

    private static final Logger log = LoggerFactory.getLogger(ProblemMessages.class);

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The language of the answer to this request: English if {@code Accept-Language} prefers it, else Chinese. */
    public static Locale language(ServerWebExchange exchange) {
        return language(exchange.getLocaleContext().getLocale());
    }

    /** The language of the answer for the locale a controller was given (from {@code Accept-Language}). */
    public static Locale language(Locale requested) {
        return requested != null && requested.getLanguage().equals(Languages.ENGLISH.getLanguage())
                ? Languages.ENGLISH : Languages.CHINESE;
    }

    /** The problems with their rules worded. */
    public List<FieldProblem> worded(List<FieldProblem> problems, Locale language) {
        return problems.stream().map(problem -> problem.worded(text(language, problem.rule(), problem.arguments())))
                .toList();
    }

    String title(HttpStatusCode status, Locale language) {
        return find(language, "title." + status.value(), List.of()).orElseGet(() -> text(language, "title.other"));
    }

    /** The detail for a status when nothing more specific is known. */
    String statusDetail(HttpStatusCode status, Locale language) {
        return find(language, "detail." + status.value(), List.of()).orElseGet(() -> text(language, "detail.other"));
    }

    String text(Locale language, String key, Object... arguments) {
        return text(language, key, Arrays.asList(arguments));
    }

    String text(Locale language, MessageSourceResolvable message) {
        Object[] arguments = message.getArguments();
        return text(language, message.getCodes() == null ? "" : message.getCodes()[0],
                arguments == null ? List.of() : Arrays.asList(arguments));
    }

    /**
     * The message of {@code key}; a key missing from the catalogue is a bug, logged, and shown as it is rather than
     * failing the error response.
     */
    String text(Locale language, String key, List<?> arguments) {
        return find(language, key, arguments).orElseGet(() -> {
            log.warn("No message for key '{}' in the catalogue", key);
            return key;
        });
    }

    /** The message of {@code key}, or empty if the catalogue has none. */
    Optional<String> find(Locale language, String key, List<?> arguments) {
        Object[] values = arguments.stream().map(argument -> value(argument, language)).toArray();
        return Optional.ofNullable(messages.getMessage(key, values, null, language));
    }

    private String value(Object argument, Locale language) {
        if (argument instanceof MessageSourceResolvable nested) {
            return text(language, nested);
        }
        if (argument instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (argument instanceof Collection<?> values) {
            return values.stream().map(value -> value(value, language))
                    .collect(Collectors.joining(text(language, "list.separator")));
        }
        if (argument instanceof Enum<?> constant) {
            return constant.name();
        }
        return String.valueOf(argument);
    }
}
