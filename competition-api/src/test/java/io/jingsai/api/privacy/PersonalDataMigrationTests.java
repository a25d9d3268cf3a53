package io.jingsai.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestIdentities;

/**
 * The upgrade of a database that holds personal data in plain text: the schema is built up to the version before this
 * one in a throw-away schema of the test database, rows are written the old way, and the migration must leave every
 * value sealed, openable, hashed, and unique by its hash.
 */
@IntegrationTest
class PersonalDataMigrationTests {

    private static final int CONTESTANTS = 2_345;

    @Autowired
    PersonalDataCipher cipher;

    @Value("${spring.flyway.url}")
    String url;

    @Value("${spring.flyway.user:}")
    String user;

    @Value("${spring.flyway.password:}")
    String password;

    private final String schema = "migration_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);

    @BeforeEach
    void buildTheSchemaBeforePersonalDataWasSealed() {
        MigrationVersion sealing = MigrationVersion.fromVersion("9");
        MigrationVersion before = Arrays.stream(flyway().load().info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(sealing) < 0).max(Comparator.naturalOrder()).orElseThrow();
        flyway().target(before).load().migrate();
    }

    @AfterEach
    void dropTheSchema() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void plainIdNumbersPhonesAndEmailsAreSealedAndHashedInBatches() throws SQLException {
        List<String> idNumbers = new ArrayList<>();
        try (Connection connection = connect()) {
            execute(connection, "INSERT INTO enterprise (name, credit_code, region_code, ownership, created_at,"
                    + " updated_at) VALUES ('迁移企业', '91610113MA6TX2K74R', '610113', 'PRIVATE', now(), now())");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contestant (name, id_number,"
                    + " birth_date, sex, enterprise_id, trade_id, phone, created_at, updated_at) VALUES (?, ?,"
                    + " DATE '1990-01-01', 'MALE', (SELECT id FROM enterprise), (SELECT min(id) FROM trade), ?, now(),"
                    + " now())")) {
                for (int i = 0; i < CONTESTANTS; i++) {
                    String idNumber = TestIdentities.residentId();
                    idNumbers.add(idNumber);
                    insert.setString(1, "选手" + i);
                    insert.setString(2, idNumber);
                    insert.setString(3, i % 2 == 0 ? "1380013" + String.format("%04d", i) : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            execute(connection, "INSERT INTO judge (name, qualification, phone, email, created_at, updated_at)"
                    + " VALUES ('迁移裁判', 'NATIONAL', '029-88886666', 'judge@example.cn', now(), now())");
        }

        flyway().load().migrate();

        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, id_number, id_number_hash, phone FROM contestant"
                     + " ORDER BY id")) {
            int i = 0;
            while (rows.next()) {
                String idNumber = idNumbers.get(i);
                assertThat(rows.getString("name")).isEqualTo("选手" + i);
                assertThat(rows.getString("id_number")).startsWith("t1:").doesNotContain(idNumber);
                assertThat(cipher.open(rows.getString("id_number"))).isEqualTo(idNumber);
                assertThat(rows.getString("id_number_hash")).isEqualTo(cipher.lookupHash(idNumber));
                assertThat(cipher.open(rows.getString("phone")))
                        .isEqualTo(i % 2 == 0 ? "1380013" + String.format("%04d", i) : null);
                i++;
            }
            assertThat(i).isEqualTo(CONTESTANTS);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet judge = statement.executeQuery("SELECT phone, email FROM judge")) {
            assertThat(judge.next()).isTrue();
            assertThat(cipher.open(judge.getString("phone"))).isEqualTo("029-88886666");
            assertThat(cipher.open(judge.getString("email"))).isEqualTo("judge@example.cn");
        }
        try (Connection connection = connect()) {
            String again = "INSERT INTO contestant (name, id_number, id_number_hash, birth_date, sex, enterprise_id,"
                    + " trade_id, created_at, updated_at) SELECT 'again', 'x:y', id_number_hash, birth_date, sex,"
                    + " enterprise_id, trade_id, now(), now() FROM contestant LIMIT 1";
            assertThatThrownBy(() -> execute(connection, again))
                    .isInstanceOf(SQLException.class).hasMessageContaining("contestant_id_number_hash_unique");
        }
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(url, user, password).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration")
                .javaMigrations(new V9__personal_data_encryption(cipher));
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        execute(connection, "SET search_path TO " + schema);
        return connection;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
