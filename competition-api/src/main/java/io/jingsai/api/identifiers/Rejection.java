package io.jingsai.api.identifiers;

import java.util.Objects;

/**
 * Why a value was refused: a stable {@code rule} key for machines and a {@code message} for people.
 *
 * <p>The same rejection is reported by Bean Validation (REST requests) and by bulk import reports, so a user sees
 * the same words whichever way the data arrived. Messages name the rule precisely and, where it helps, the expected
 * and actual value, e.g. {@code "check character must be 7, was 3"}.
 *
 * @param rule    short, stable key of the failed rule, e.g. {@code "check-character"}; never blank
 * @param message what was wrong, in English, without a trailing full stop; never blank
 */
public record Rejection(String rule, String message) {

    public Rejection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (rule.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("rule and message must not be blank");
        }
    }
}
