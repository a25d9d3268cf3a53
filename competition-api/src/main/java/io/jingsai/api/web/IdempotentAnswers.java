package io.jingsai.api.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;

import io.jingsai.api.shared.IdempotentRequests.Answer;

/**
 * Answers to requests made with an {@code Idempotency-Key}, on the wire: the remembered status and body, the version
 * as ETag, the location of a created resource, and {@value #REPLAYED}{@code : true} when the answer is the stored one
 * of an earlier request with the same key, so a client can tell a retry's answer from a first one.
 */
public final class IdempotentAnswers {

    /** Says that an answer is the stored first answer to an earlier request with the same Idempotency-Key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotentAnswers() {
    }

    public static <T> ResponseEntity<T> response(Answer<T> answer) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status()).eTag(ETags.of(answer.version()));
        if (answer.location() != null) {
            builder.location(URI.create(answer.location()));
        }
        if (answer.replayed()) {
            builder.header(REPLAYED, "true");
        }
        return builder.body(answer.body());
    }
}
