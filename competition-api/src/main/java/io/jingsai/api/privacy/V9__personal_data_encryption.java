package io.jingsai.api.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Seals the personal data already stored in plain text, in the same transaction as the schema change, so that after
 * this version no plain ID number, phone or e-mail address is left and the code never meets one. ID numbers become
 * unique by their keyed hash instead of their text. Rows are read and rewritten in batches, by id.
 *
 * <p>A Spring bean (Spring Boot hands such beans to Flyway), since it needs the configured keys.
 */
@Component
class V9__personal_data_encryption extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    private final PersonalDataCipher cipher;

    V9__personal_data_encryption(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        execute(connection, """
                ALTER TABLE contestant DROP CONSTRAINT contestant_id_number_unique;
                ALTER TABLE contestant ALTER COLUMN id_number TYPE TEXT, ALTER COLUMN phone TYPE TEXT,
                    ADD COLUMN id_number_hash CHAR(64);
                ALTER TABLE judge ALTER COLUMN phone TYPE TEXT, ALTER COLUMN email TYPE TEXT""");
        sealContestants(connection);
        for (SealedColumn column : List.of(new SealedColumn("judge", "phone"), new SealedColumn("judge", "email"))) {
            seal(connection, column);
        }
        execute(connection, """
                ALTER TABLE contestant ALTER COLUMN id_number_hash SET NOT NULL,
                    ADD CONSTRAINT contestant_id_number_hash_unique UNIQUE (id_number_hash);
                COMMENT ON COLUMN contestant.id_number IS 'sealed (AES-GCM, keyId:base64); see docs/privacy.md';
                COMMENT ON COLUMN contestant.id_number_hash IS 'HMAC-SHA256 of the ID number under the lookup key';
                COMMENT ON COLUMN contestant.phone IS 'sealed (AES-GCM, keyId:base64)';
                COMMENT ON COLUMN judge.phone IS 'sealed (AES-GCM, keyId:base64)';
                COMMENT ON COLUMN judge.email IS 'sealed (AES-GCM, keyId:base64)';

                -- Every time someone saw personal data in full: who, when, which record (or which export), why.
                CREATE TABLE personal_data_reveal (
                    id           BIGSERIAL PRIMARY KEY,
                    revealed_at  TIMESTAMPTZ NOT NULL,
                    revealed_by  VARCHAR(255) NOT NULL,
                    subject      VARCHAR(30) NOT NULL,
                    record_id    BIGINT,
                    scope        VARCHAR(200),
                    fields       VARCHAR(100) NOT NULL,
                    reason       VARCHAR(500) NOT NULL
                );
                CREATE INDEX personal_data_reveal_at_idx ON personal_data_reveal (revealed_at DESC, id DESC);
                CREATE INDEX personal_data_reveal_record_idx ON personal_data_reveal (subject, record_id)""");
    }

    private void sealContestants(Connection connection) throws SQLException {
        rewrite(connection, "SELECT id, id_number, phone FROM contestant",
                "UPDATE contestant SET id_number = ?, id_number_hash = ?, phone = ? WHERE id = ?", row -> {
                    String idNumber = row.getString(2).strip();
                    return new Object[] {cipher.seal(idNumber), cipher.lookupHash(idNumber),
                            cipher.seal(row.getString(3))};
                });
    }

    private void seal(Connection connection, SealedColumn column) throws SQLException {
        rewrite(connection, "SELECT id, " + column.column() + " FROM " + column.table(),
                "UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE id = ?",
                row -> new Object[] {cipher.seal(row.getString(2))});
    }

    /**
     * Rewrites every row that {@code select} (id first) reads, {@value #BATCH} at a time in id order: {@code update}
     * takes the values {@code sealing} gives, then the id.
     */
    private static void rewrite(Connection connection, String select, String update, Sealing sealing)
            throws SQLException {
        long after = 0;
        while (true) {
            List<Object[]> batch = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(select + " WHERE id > ? ORDER BY id LIMIT "
                    + BATCH)) {
                query.setLong(1, after);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                        batch.add(sealing.values(rows));
                    }
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try (PreparedStatement write = connection.prepareStatement(update)) {
                for (int i = 0; i < batch.size(); i++) {
                    Object[] values = batch.get(i);
                    for (int v = 0; v < values.length; v++) {
                        write.setString(v + 1, (String) values[v]);
                    }
                    write.setLong(values.length + 1, ids.get(i));
                    write.addBatch();
                }
                write.executeBatch();
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /** The new values of one row the migration rewrites. */
    private interface Sealing {
        Object[] values(ResultSet row) throws SQLException;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
