package io.jingsai.api.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The audit trail's entry hash written out in Java, as docs/audit.md states it, independently of the SQL function
 * ({@code audit_entry_hash}, migration V33) that writes and verifies entries: the tests' reference formula. SHA-256
 * over the previous entry's hash and the entry's content — chain, position, time (in microseconds), actor, action,
 * subject, reason, and the states before and after — each field as a 4-byte big-endian length (−1 for none) and its
 * UTF-8 bytes.
 */
final class ReferenceEntryHash {

    private static final HexFormat HEX = HexFormat.of();

    private ReferenceEntryHash() {
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
