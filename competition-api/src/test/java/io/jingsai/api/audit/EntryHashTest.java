package io.jingsai.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class EntryHashTest {

    private static final Instant AT = Instant.parse("2026-12-04T08:30:00.123456Z");

    @Test
    void isTheSha256OfTheLengthPrefixedFieldsInTheirDocumentedOrder() throws Exception {
        String[] fields = {EntryHash.GENESIS, "event-7", "3", Long.toString(AT.getEpochSecond() * 1_000_000 + 123_456),
                "张裁判", "mark.submitted", "registration/42", null, "{\"mark\":7.5}", "{\"mark\":8}"};

        String hash = EntryHash.of(EntryHash.GENESIS, "event-7", 3, AT, "张裁判", "mark.submitted",
                "registration/42", null, "{\"mark\":7.5}", "{\"mark\":8}");

        assertThat(hash).isEqualTo(referenceHash(fields));
    }

    @Test
    void textMovedFromOneFieldIntoTheNextGivesAnotherHash() {
        String joined = EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "ab", "c", "s", null, null, null);
        String moved = EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "a", "bc", "s", null, null, null);
        String emptyNotNull = EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "ab", "c", "s", "", null, null);

        assertThat(joined).isNotEqualTo(moved).isNotEqualTo(emptyNotNull);
    }

    @Test
    void everyFieldIsCovered() {
        String base = EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "a", "b", "s", "r", "x", "y");

        assertThat(new String[] {
                EntryHash.of("1".repeat(64), "event-7", 1, AT, "a", "b", "s", "r", "x", "y"),
                EntryHash.of(EntryHash.GENESIS, "event-8", 1, AT, "a", "b", "s", "r", "x", "y"),
                EntryHash.of(EntryHash.GENESIS, "event-7", 2, AT, "a", "b", "s", "r", "x", "y"),
                EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT.plusNanos(1_000), "a", "b", "s", "r", "x", "y"),
                EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "A", "b", "s", "r", "x", "y"),
                EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "a", "B", "s", "r", "x", "y"),
                EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "a", "b", "S", "r", "x", "y"),
                EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "a", "b", "s", "R", "x", "y"),
                EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "a", "b", "s", "r", "X", "y"),
                EntryHash.of(EntryHash.GENESIS, "event-7", 1, AT, "a", "b", "s", "r", "x", "Y")})
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }

    /** The documented layout written out independently: each field as a 4-byte big-endian length, then UTF-8. */
    private static String referenceHash(String[] fields) throws IOException, java.security.NoSuchAlgorithmException {
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
