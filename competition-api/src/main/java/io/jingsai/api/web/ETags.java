package io.jingsai.api.web;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;

import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.VersionRequiredException;
import reactor.core.publisher.Mono;

/**
 * Versions on the wire: responses carry a strong ETag, {@code ETag: "7"}; updates and deletes must send the ETag they
 * read, {@code If-Match: "7"}. If-Match is compared strongly, as RFC 9110 (section 13.1.1) requires of If-Match:
 * <ul>
 *   <li>no If-Match, or {@code If-Match: *} (which names no version) → 428;</li>
 *   <li>anything but one entity tag, {@code "…"} or {@code W/"…"} (such as an unquoted {@code 7} or a list of
 *       tags) → 400;</li>
 *   <li>a weak tag such as {@code W/"7"} never matches under strong comparison, nor does a strong tag this API never
 *       issues (such as {@code "007"} or {@code "+7"}) → 412, as for a version that is no longer current.</li>
 * </ul>
 */
public final class ETags {

    /** An entity-tag (RFC 9110 section 8.8.3): an optional weak marker and visible characters in quotes. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");
    /** The versions this API issues: 0, or digits without a leading zero, within a long. */
    private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,17}");

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

    /**
     * The version an If-Match header names.
     *
     * @throws VersionRequiredException   no header, or {@code *}
     * @throws RejectedRequestException   not one entity tag
     * @throws StaleVersionException      a tag that cannot match any version: weak, or not one this API issues
     */
    public static long ifMatch(String header) {
        String tag = header == null ? "" : header.strip();
        if (tag.isEmpty() || tag.equals("*")) {
            throw new VersionRequiredException();
        }
        Matcher entityTag = ENTITY_TAG.matcher(tag);
        if (!entityTag.matches()) {
            throw RejectedRequestException.of("If-Match", "ifMatch.format");
        }
        if (entityTag.group(1) != null || !VERSION.matcher(entityTag.group(2)).matches()) {
            throw new StaleVersionException("version.noSuchTag");
        }
        return Long.parseLong(entityTag.group(2));
    }
}
