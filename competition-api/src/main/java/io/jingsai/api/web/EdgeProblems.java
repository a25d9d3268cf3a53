package io.jingsai.api.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;


/**
 * The problem bodies for errors answered below Spring, before any request handling ran (see
 * {@link BareErrorProblems} and {@link UndecodableRequests}). Rendered once by the application's own codecs, so they
 * look like every other problem; they carry no {@code instance}, since the request target they refuse may not even be
 * a URI.
 */
final class EdgeProblems {

    static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ProblemDetailsExceptionHandler problems;
    private final byte[] notAUri;
    private final byte[] malformed;
    private final byte[] targetTooLong;
    private final byte[] headersTooLarge;
    private final Map<Integer, byte[]> otherStatuses = new ConcurrentHashMap<>();

    EdgeProblems(ProblemDetailsExceptionHandler problems, DataSize maxRequestLine) {
        this.problems = problems;
        this.notAUri = render(HttpStatus.BAD_REQUEST, "the path or query is not a valid URI: percent-encode "
                + "characters outside ASCII (郑 as %E9%83%91), spaces (%20) and a '%' that starts no escape (%25)");
        this.malformed = render(HttpStatus.BAD_REQUEST, "the request line or a header is malformed");
        this.targetTooLong = render(HttpStatus.URI_TOO_LONG, "the request line is longer than the server accepts ("
                + maxRequestLine.toBytes() + " bytes): shorten the path and query");
        this.headersTooLarge = render(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "the request headers are larger than the server accepts");
    }

    /**
     * The body for an error response the application sent without one: a bare 400 can only be Spring's adapter
     * refusing a request target that is no URI, since the codec's own refusals never get this far
     * ({@link UndecodableRequests} answers them).
     */
    byte[] forBareError(int status) {
        return status == HttpStatus.BAD_REQUEST.value() ? notAUri : forOtherStatus(status);
    }

    /** The body for a request the HTTP codec could not decode, refused with {@code status} (400, 414 or 431). */
    byte[] forUndecodable(int status) {
        return status == HttpStatus.BAD_REQUEST.value() ? malformed : forOtherStatus(status);
    }

    private byte[] forOtherStatus(int status) {
        if (status == HttpStatus.URI_TOO_LONG.value()) {
            return targetTooLong;
        }
        if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()) {
            return headersTooLarge;
        }
        return otherStatuses.computeIfAbsent(status, code -> render(HttpStatusCode.valueOf(code), "the request "
                + "was refused before it reached the application"));
    }

    private byte[] render(HttpStatusCode status, String detail) {
        return problems.json(ProblemDetailsExceptionHandler.problem(status, detail));
    }
}
