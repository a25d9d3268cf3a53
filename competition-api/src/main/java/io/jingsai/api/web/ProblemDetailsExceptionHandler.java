package io.jingsai.api.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
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
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
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

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.VersionRequiredException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * The one place where errors become responses: every failure, from a controller, a filter or the framework, is
 * rendered as RFC 9457 {@code application/problem+json}. Bodies carry a title, a detail a user can act on and, for
 * invalid input, an {@code errors} list of {@code {field, rule}}; never class names, stack traces or rejected values.
 *
 * <p>Runs before Spring Boot's default error handler so nothing falls through to an HTML or plain JSON error page.
 */
@Component
@Order(-2)
public class ProblemDetailsExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    private final ServerResponse.Context context;

    ProblemDetailsExceptionHandler(ServerCodecConfigurer codecs) {
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
        ProblemDetail problem = toProblem(error);
        if (!(error instanceof ServerExchangeRejectedException)) {
            // The path alone: the full request URI would echo the client's Host header into the body. Not when the
            // path itself was refused: rejected input is never echoed.
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> addErrorHeaders(error, headers))
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    ProblemDetail toProblem(Throwable error) {
        if (error instanceof WebExchangeBindException binding) {
            return invalid(fieldProblems(binding.getAllErrors()));
        }
        if (error instanceof HandlerMethodValidationException validation) {
            return invalid(validation.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream()
                            .map(e -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                    String.valueOf(e.getDefaultMessage()))))
                    .toList());
        }
        if (error instanceof RejectedRequestException rejected) {
            return withErrors(problem(HttpStatus.BAD_REQUEST, "Invalid request", rejected.getMessage()),
                    rejected.problems());
        }
        if (error instanceof NotFoundException) {
            return problem(HttpStatus.NOT_FOUND, "Not found", error.getMessage());
        }
        if (error instanceof ConflictException) {
            return problem(HttpStatus.CONFLICT, "Conflict", error.getMessage());
        }
        if (error instanceof StaleVersionException) {
            return problem(HttpStatus.PRECONDITION_FAILED, "Stale version", error.getMessage());
        }
        if (error instanceof VersionRequiredException) {
            return problem(HttpStatus.PRECONDITION_REQUIRED, "Version required", error.getMessage());
        }
        if (error instanceof ServerExchangeRejectedException) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request target contains a character or "
                    + "sequence that is not allowed (an encoded '/', '.', '%' or NUL, ';', '\\' or '//'), or a header "
                    + "or parameter holds control characters");
        }
        if (error instanceof NoResourceFoundException) {
            return problem(HttpStatus.NOT_FOUND, "no such resource");
        }
        if (error instanceof MethodNotAllowedException method) {
            return problem(HttpStatus.METHOD_NOT_ALLOWED, "this resource supports only "
                    + method.getSupportedMethods().stream().map(HttpMethod::name).sorted()
                            .collect(Collectors.joining(", ")));
        }
        if (error instanceof ServerWebInputException input) {
            return unreadableInput(input);
        }
        if (error instanceof ResponseStatusException status) {
            return fromStatus(status);
        }
        if (isDatabaseUnavailable(error)) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "the database is busy or cannot be reached; try again in a few seconds");
        }
        if (error instanceof DataBufferLimitException) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", "the request body exceeds the size limit");
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unhandled error, reference {}", reference, error);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the server failed to handle the request; quote reference " + reference + " when reporting it");
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

    private static ProblemDetail unreadableInput(ServerWebInputException input) {
        if (find(input, DataBufferLimitException.class) != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", "the request body exceeds the size limit");
        }
        JacksonException json = find(input, JacksonException.class);
        FieldProblem field = json != null ? UnreadableInput.jsonField(json) : UnreadableInput.parameter(input);
        if (field != null) {
            return invalid(List.of(field));
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                json != null ? UnreadableInput.jsonBody(json) : "the request is malformed or its body is missing");
    }

    private static ProblemDetail fromStatus(ResponseStatusException status) {
        HttpStatusCode code = status.getStatusCode();
        return problem(code, status.getReason() != null ? status.getReason() : reasonPhrase(code));
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        String detail = problems.size() == 1
                ? problems.get(0).field() + ": " + problems.get(0).rule()
                : problems.size() + " fields are invalid";
        return withErrors(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail), problems);
    }

    private static List<FieldProblem> fieldProblems(List<ObjectError> errors) {
        return errors.stream()
                .map(e -> e instanceof FieldError f
                        ? new FieldProblem(f.getField(), String.valueOf(f.getDefaultMessage()))
                        : new FieldProblem(e.getObjectName(), String.valueOf(e.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::rule))
                .toList();
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

    private static void addErrorHeaders(Throwable error, HttpHeaders headers) {
        if (isDatabaseUnavailable(error)) {
            headers.set(HttpHeaders.RETRY_AFTER, "5");
        }
        if (error instanceof ResponseStatusException status) {
            headers.addAll(status.getHeaders());
        }
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
