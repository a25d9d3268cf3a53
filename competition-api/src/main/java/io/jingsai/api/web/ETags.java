package io.jingsai.api.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;

import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.VersionRequiredException;
import reactor.core.publisher.Mono;

/**
 * Versions on the wire: responses carry {@code ETag: "7"}; updates and deletes must send {@code If-Match: "7"}
 * (weak {@code W/"7"} is accepted too). A missing header is 428, a malformed one 400.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(of(version)).body(body);
    }

    /** 201 with the new resource's location and its first version. */
    public static <T> ResponseEntity<T> created(String location, T body, long version) {
        return ResponseEntity.created(URI.create(location)).eTag(of(version)).body(body);
    }

    /** 204 once {@code done} completes (a delete). */
    public static Mono<ResponseEntity<Void>> noContent(Mono<Void> done) {
        return done.then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    public static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new VersionRequiredException();
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw RejectedRequestException.of("If-Match", "must be the ETag of a version you read, such as \"3\"");
        }
    }
}
