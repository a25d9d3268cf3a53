package io.jingsai.api.privacy;

import java.time.Instant;

/**
 * One reveal of personal data, as the administrator reads the audit: when, by whom, what ({@code subject} and
 * {@code recordId}, or for an export the {@code scope} its filter chose), which {@code fields} and why. It never
 * holds the data itself.
 */
record RevealView(long id, Instant revealedAt, String revealedBy, String subject, Long recordId, String scope,
                  String fields, String reason) {
}
