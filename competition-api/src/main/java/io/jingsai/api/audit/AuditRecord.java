package io.jingsai.api.audit;

import java.util.Objects;

/**
 * What one audited act records: who did what to which thing, why, and the thing's state before and after.
 *
 * @param chain  the chain the entry joins (the event's, the programme's, or the system's)
 * @param actor  the account that acted, as it signed in
 * @param action what was done, a stable dotted name such as {@code registration.withdrawn}
 * @param subject what it was done to, {@code kind/id} such as {@code registration/42}
 * @param reason why, when the act requires a reason; else null
 * @param before the state before (any value the JSON mapper writes: a record or a map), or null when created
 * @param after  the state after, or null when removed
 */
public record AuditRecord(AuditChain chain, String actor, String action, String subject, String reason,
                          Object before, Object after) {

    public AuditRecord {
        Objects.requireNonNull(chain, "chain");
        requireText(actor, "actor", 255);
        requireText(action, "action", 100);
        requireText(subject, "subject", 200);
        if (reason != null && (reason.isBlank() || reason.length() > 500)) {
            throw new IllegalArgumentException("a reason is null or 1..500 characters");
        }
    }

    /** An act without a required reason. */
    public static AuditRecord of(AuditChain chain, String actor, String action, String subject, Object before,
                                 Object after) {
        return new AuditRecord(chain, actor, action, subject, null, before, after);
    }

    /** The same act, with the reason it was done for. */
    public AuditRecord because(String why) {
        return new AuditRecord(chain, actor, action, subject, why, before, after);
    }

    private static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1.." + maxLength + " characters");
        }
    }
}
