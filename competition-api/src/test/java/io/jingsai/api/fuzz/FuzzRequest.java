package io.jingsai.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One generated request, exactly as it goes on the wire.
 *
 * @param operation   the operation it was made from ({@code POST /api/enterprises}) or the hand-written family
 * @param kind        what is wrong with it, for grouping ({@code nul-character}, {@code date-out-of-range}, …)
 * @param detail      where and what ({@code body.freezeAt = "+999999999-12-31T23:59:59Z"})
 * @param target      the request target (path and query), sent as these characters, already percent-encoded
 *                    or deliberately not
 * @param headers     extra headers in order (names may repeat); {@link #CURRENT_VERSION} in a value stands for
 *                    the version of {@link #resource} at the moment of sending
 * @param body        the body, or {@code null}
 * @param signedIn    sent with the administrator's HTTP Basic credentials
 * @param raw         sent over a raw socket (targets, methods or headers that java.net.http would refuse or change)
 * @param resource    the resource whose version {@link #CURRENT_VERSION} means, or {@code null}
 * @param mustReject  a correct server answers 4xx (false for requests that may well succeed, e.g. OPTIONS)
 */
record FuzzRequest(String operation, String kind, String detail, String method, String target,
                   List<Header> headers, byte[] body, boolean signedIn, boolean raw, String resource,
                   boolean mustReject) {

    static final String CURRENT_VERSION = "{current-version}";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    record Header(String name, String value) {
    }

    /** "document operations", or the hand-written family ("odd path", "odd method", …) it belongs to. */
    String family() {
        return operation.matches("[A-Z]+ /.*") ? "document operations" : operation.split(" on ")[0];
    }

    boolean changesData() {
        return !SAFE.contains(method);
    }

    FuzzRequest anonymous() {
        return new FuzzRequest(operation, kind, detail, method, target, headers, body, false, raw, resource,
                mustReject);
    }

    /**
     * The request for a report: method, target, identity, headers and an excerpt of {@code sentBody} (the body with
     * its placeholders filled in, as sent), with control characters shown as escapes.
     */
    String describe(byte[] sentBody, int bodyLimit) {
        StringBuilder text = new StringBuilder();
        text.append(method).append(' ').append(Printable.of(target, 300))
                .append(signedIn ? "  [admin]" : "  [anonymous]")
                .append(raw ? " [raw socket]" : "");
        List<String> shown = new ArrayList<>();
        for (Header header : headers) {
            shown.add(header.name() + ": " + Printable.of(header.value(), 120));
        }
        if (!shown.isEmpty()) {
            text.append("\n      headers: ").append(String.join(" | ", shown));
        }
        if (sentBody != null) {
            text.append("\n      body (").append(sentBody.length).append(" bytes): ")
                    .append(Printable.of(new String(sentBody, StandardCharsets.UTF_8), bodyLimit));
        }
        return text.toString();
    }
}
