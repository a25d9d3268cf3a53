package io.jingsai.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

import io.jingsai.api.IntegrationTest;

/**
 * The entry hash as PostgreSQL computes it ({@code audit_entry_hash}, migration V33), which writes and verifies every
 * entry, against the formula written out here and in {@link ReferenceEntryHash}: the same bytes for fixed and for
 * seeded-random entries (any Unicode text, none, empty, times to the microsecond before and after the epoch).
 */
@IntegrationTest
class EntryHashTests {

    private static final Instant AT = Instant.parse("2026-12-04T08:30:00.123456Z");

    @Autowired
    DatabaseClient database;

    @Test
    void isTheSha256OfTheLengthPrefixedFieldsInTheirDocumentedOrder() throws Exception {
        String[] fields = {AuditTrail.GENESIS, "event-7", "3", Long.toString(AT.getEpochSecond() * 1_000_000 + 123_456),
                "张裁判", "mark.submitted", "registration/42", null, "{\"mark\":7.5}", "{\"mark\":8}"};

        String hash = hash(new Entry(AuditTrail.GENESIS, "event-7", 3, AT, "张裁判", "mark.submitted",
                "registration/42", null, "{\"mark\":7.5}", "{\"mark\":8}"));

        assertThat(hash).isEqualTo(bytesHash(fields));
    }

    @Test
    void textMovedFromOneFieldIntoTheNextGivesAnotherHash() {
        String joined = hash(new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "ab", "c", "s", null, null, null));
        String moved = hash(new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "a", "bc", "s", null, null, null));
        String emptyNotNull = hash(new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "ab", "c", "s", "", null, null));

        assertThat(joined).isNotEqualTo(moved).isNotEqualTo(emptyNotNull);
    }

    @Test
    void everyFieldIsCovered() {
        Entry base = new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "a", "b", "s", "r", "x", "y");
        List<Entry> changed = List.of(
                new Entry("1".repeat(64), "event-7", 1, AT, "a", "b", "s", "r", "x", "y"),
                new Entry(AuditTrail.GENESIS, "event-8", 1, AT, "a", "b", "s", "r", "x", "y"),
                new Entry(AuditTrail.GENESIS, "event-7", 2, AT, "a", "b", "s", "r", "x", "y"),
                new Entry(AuditTrail.GENESIS, "event-7", 1, AT.plusNanos(1_000), "a", "b", "s", "r", "x", "y"),
                new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "A", "b", "s", "r", "x", "y"),
                new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "a", "B", "s", "r", "x", "y"),
                new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "a", "b", "S", "r", "x", "y"),
                new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "a", "b", "s", "R", "x", "y"),
                new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "a", "b", "s", "r", "X", "y"),
                new Entry(AuditTrail.GENESIS, "event-7", 1, AT, "a", "b", "s", "r", "x", "Y"));

        assertThat(changed.stream().map(this::hash).toList())
                .doesNotContain(hash(base))
                .doesNotHaveDuplicates();
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 40).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theDatabaseHashesARandomEntryAsTheReferenceFormulaDoes(long seed) {
        Entry entry = randomEntry(new Random(seed));

        assertThat(hash(entry)).isEqualTo(ReferenceEntryHash.of(entry.previousHash(), entry.chain(),
                entry.position(), entry.occurredAt(), entry.actor(), entry.action(), entry.subject(), entry.reason(),
                entry.before(), entry.after()));
    }

    private record Entry(String previousHash, String chain, long position, Instant occurredAt, String actor,
                         String action, String subject, String reason, String before, String after) {
    }

    private String hash(Entry entry) {
        return database.sql("SELECT audit_entry_hash(:previous, :chain, :position, :at, :actor, :action, :subject, "
                        + ":reason, :before, :after) AS hash")
                .bind("previous", entry.previousHash()).bind("chain", entry.chain())
                .bind("position", entry.position()).bind("at", entry.occurredAt())
                .bind("actor", entry.actor()).bind("action", entry.action()).bind("subject", entry.subject())
                .bind("reason", Parameter.fromOrEmpty(entry.reason(), String.class))
                .bind("before", Parameter.fromOrEmpty(entry.before(), String.class))
                .bind("after", Parameter.fromOrEmpty(entry.after(), String.class))
                .map(row -> row.get("hash", String.class))
                .one()
                .block();
    }

    private static Entry randomEntry(Random random) {
        String previous = HexFormat.of().formatHex(randomBytes(random, 32));
        // Microseconds from 1900 to 2100: PostgreSQL keeps exactly these.
        long micros = -2_208_988_800_000_000L + (long) (random.nextDouble() * 6_311_433_600_000_000L);
        Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
        return new Entry(previous, "event-" + (1 + random.nextInt(1_000_000)), 1 + random.nextInt(1_000_000), at,
                text(random, false), text(random, false), text(random, false), text(random, true),
                text(random, true), text(random, true));
    }

    /** Text of letters, digits, CJK, symbols and supplementary characters; empty or none at times. */
    private static String text(Random random, boolean mayBeNone) {
        if (mayBeNone && random.nextInt(4) == 0) {
            return null;
        }
        int[] pool = {'a', 'Z', '7', ' ', '"', '{', '}', '\\', '\n', 'é', '张', '裁', '判', 0x1F3C6, 0x20BB7, '·'};
        int length = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(40);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The documented layout written out once more: each field as a 4-byte big-endian length, then UTF-8. */
    private static String bytesHash(String[] fields) throws IOException, NoSuchAlgorithmException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        for (String field : fields) {
            if (field == null) {
                out.writeInt(-1);
            } else {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }
}
