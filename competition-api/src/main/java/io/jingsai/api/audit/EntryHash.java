package io.jingsai.api.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash that links an entry to its chain: SHA-256 over the previous entry's hash and the entry's content — chain,
 * position, time (in microseconds, what PostgreSQL keeps), actor, action, subject, reason, and the states before and
 * after. Each field is written with its length first (−1 for none), so that no two different entries can be written
 * as the same bytes by moving text from one field into the next.
 *
 * <p>Because the position and the previous hash are inside the hash, an entry changed, removed, inserted or moved
 * breaks the chain at that place. The first entry of a chain follows {@link #GENESIS}.
 */
final class EntryHash {

    /** The "previous hash" of a chain's first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private EntryHash() {
    }

    static String of(String previousHash, String chain, long position, Instant occurredAt, String actor,
                     String action, String subject, String reason, String before, String after) {
        MessageDigest digest = sha256();
        field(digest, previousHash);
        field(digest, chain);
        field(digest, Long.toString(position));
        field(digest, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)));
        field(digest, actor);
        field(digest, action);
        field(digest, subject);
        field(digest, reason);
        field(digest, before);
        field(digest, after);
        return HEX.formatHex(digest.digest());
    }

    /** The hash the entry's content and its previous hash give: equal to its stored hash unless it was altered. */
    static String of(AuditEntry entry) {
        return of(entry.previousHash(), entry.chain(), entry.position(), entry.occurredAt(), entry.actor(),
                entry.action(), entry.subject(), entry.reason(), entry.beforeState(), entry.afterState());
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide SHA-256 (java.security.MessageDigest's contract).
            throw new IllegalStateException(e);
        }
    }
}
