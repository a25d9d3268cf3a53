package io.jingsai.api.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.BrokenRule;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExplainedException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.UnprocessableRequestException;
import io.jingsai.api.shared.VersionRequiredException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * The one place where errors become responses: every failure, from a controller, a filter or the framework, is
 * rendered as RFC 9457 {@code application/problem+json}. Bodies carry a title, a detail a user can act on and, for
 * invalid input, an {@code errors} list of {@code {field, rule, message}}; never class names, stack traces or
 * rejected values. Titles, details and messages are worded once, here, in the language {@code Accept-Language} asks
 * for (Chinese by default, English on request; see {@link ProblemMessages}); fields and rule keys are the same in
 * every language.
 *
 * <p>Runs before Spring Boot's default error handler so nothing falls through to an HTML or plain JSON error page.
 */
@Component
@Order(-2)
public class ProblemDetailsExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    private final ServerResponse.Context context;
    private final ProblemMessages messages;

    ProblemDetailsExceptionHandler(ServerCodecConfigurer codecs, ProblemMessages messages) {
        this.messages = messages;
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Locale language = ProblemMessages.language(exchange);
        ProblemDetail problem = toProblem(error, language);
        if (!(error instanceof ServerExchangeRejectedException)) {
            // The path alone: the full request URI would echo the client's Host header into the body. Not when the
            // path itself was refused: rejected input is never echoed.
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> addErrorHeaders(error, headers, language))
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    ProblemDetail toProblem(Throwable error, Locale language) {
        if (error instanceof WebExchangeBindException binding) {
            return invalid(ConstraintRules.of(binding), language);
        }
        if (error instanceof HandlerMethodValidationException validation) {
            return invalid(ConstraintRules.of(validation), language);
        }
        if (error instanceof RejectedRequestException rejected) {
            return invalid(rejected.problems(), language);
        }
        if (error instanceof NotFoundException notFound) {
            return explained(HttpStatus.NOT_FOUND, notFound, language);
        }
        if (error instanceof ConflictException conflict) {
            ProblemDetail problem = explained(HttpStatus.CONFLICT, conflict, language);
            return conflict.reasons().isEmpty() ? problem
                    : withErrors(problem, messages.worded(conflict.reasons(), language));
        }
        if (error instanceof StaleVersionException stale) {
            return explained(HttpStatus.PRECONDITION_FAILED, stale, language);
        }
        if (error instanceof VersionRequiredException required) {
            return explained(HttpStatus.PRECONDITION_REQUIRED, required, language);
        }
        if (error instanceof AccessRefusedException refused) {
            ProblemDetail problem = explained(HttpStatus.valueOf(refused.status()), refused, language);
            return refused.reasons().isEmpty() ? problem
                    : withErrors(problem, messages.worded(refused.reasons(), language));
        }
        if (error instanceof UnprocessableRequestException unprocessable) {
            return explained(HttpStatus.UNPROCESSABLE_CONTENT, unprocessable, language);
        }
        if (error instanceof ServerExchangeRejectedException) {
            return problem(HttpStatus.BAD_REQUEST, language, "request.rejectedTarget");
        }
        if (error instanceof ServerWebInputException input) {
            return unreadableInput(input, language);
        }
        if (error instanceof ErrorResponse response) {
            return fromStatus(response, language);
        }
        if (isDatabaseUnavailable(error)) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, language, "database.unavailable");
        }
        if (error instanceof DataBufferLimitException) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, language, "request.tooLarge");
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unhandled error, reference {}", reference, error);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, language, "server.failed", reference);
    }

    /** No connection could be had in time, or the server is gone: a state to retry, not a server bug. */
    private static boolean isDatabaseUnavailable(Throwable error) {
        return find(error, R2dbcTimeoutException.class) != null
                || find(error, R2dbcTransientResourceException.class) != null
                || find(error, R2dbcNonTransientResourceException.class) != null;
    }

    /** The problem as the codecs would write it, for responses sent below Spring (see {@link EdgeConfiguration}). */
    @SuppressWarnings("unchecked")
    byte[] json(ProblemDetail problem) {
        ResolvableType type = ResolvableType.forInstance(problem);
        Encoder<ProblemDetail> encoder = context.messageWriters().stream()
                .filter(writer -> writer.canWrite(type, MediaType.APPLICATION_PROBLEM_JSON))
                .filter(EncoderHttpMessageWriter.class::isInstance)
                .map(writer -> ((EncoderHttpMessageWriter<ProblemDetail>) writer).getEncoder())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JSON encoder is configured for problem details"));
        DataBuffer buffer = encoder.encodeValue(problem, DefaultDataBufferFactory.sharedInstance, type,
                MediaType.APPLICATION_PROBLEM_JSON, Map.of());
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    /** A problem titled with the status's reason phrase. */
    static ProblemDetail problem(HttpStatusCode status, String detail) {
        return problem(status, reasonPhrase(status), detail);
    }

    private static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }

    private ProblemDetail unreadableInput(ServerWebInputException input, Locale language) {
        if (find(input, DataBufferLimitException.class) != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, language, "request.tooLarge");
        }
        JacksonException json = find(input, JacksonException.class);
        FieldProblem field = json != null ? UnreadableInput.jsonField(json) : UnreadableInput.parameter(input);
        if (field != null) {
            return invalid(List.of(field), language);
        }
        BrokenRule body = json != null ? UnreadableInput.jsonBody(json) : UnreadableInput.unreadable(input);
        return problem(HttpStatus.BAD_REQUEST, language, body.key(), body.arguments().toArray());
    }

    /**
     * A status from the framework or a filter. Its detail is the catalogue's message for the exception's detail
     * message code, if there is one (Spring's convention {@code problemDetail.<class name>}, with the exception's
     * values, such as the methods a resource takes); otherwise the status's own: never the framework's English
     * reason, which may name a Java class, or a path such as "No static resource …".
     */
    private ProblemDetail fromStatus(ErrorResponse response, Locale language) {
        HttpStatusCode status = response.getStatusCode();
        Object[] values = response.getDetailMessageArguments();
        String detail = messages.find(language, response.getDetailMessageCode(),
                        values == null ? List.of() : Arrays.asList(values))
                .orElseGet(() -> messages.statusDetail(status, language));
        return problem(status, messages.title(status, language), detail);
    }

    private ProblemDetail explained(HttpStatus status, ExplainedException explained, Locale language) {
        return problem(status, messages.title(status, language), messages.text(language, explained));
    }

    private ProblemDetail invalid(List<FieldProblem> problems, Locale language) {
        List<FieldProblem> worded = messages.worded(problems, language);
        FieldProblem first = worded.isEmpty() ? null : worded.get(0);
        String detail = worded.size() != 1 ? messages.text(language, "invalid.several", worded.size())
                : first.field().isEmpty() ? first.message()
                : messages.text(language, "invalid.one", first.field(), first.message());
        return withErrors(problem(HttpStatus.BAD_REQUEST, messages.title(HttpStatus.BAD_REQUEST, language), detail),
                worded);
    }

    private ProblemDetail problem(HttpStatus status, Locale language, String detailKey, Object... values) {
        return problem(status, messages.title(status, language), messages.text(language, detailKey, values));
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> problems) {
        problem.setProperty("errors", problems);
        return problem;
    }

    private static void addErrorHeaders(Throwable error, HttpHeaders headers, Locale language) {
        if (isDatabaseUnavailable(error)) {
            headers.set(HttpHeaders.RETRY_AFTER, "5");
        }
        if (error instanceof ErrorResponse response) {
            headers.addAll(response.getHeaders());
        }
        if (error instanceof AccessRefusedException refused) {
            refused.headers().forEach(headers::set);
        }
        headers.setContentLanguage(language);
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
