package io.jingsai.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.shared.AccessRefusedException;

/**
 * The first administrator survives a restart: a start is the start-up step run on the database, the way Flyway runs
 * it after migrating; a second start (a new step, like a new process) must keep the first one's password.
 */
@IntegrationTest
class AdministratorAccountTests {

    @Autowired
    Passwords passwords;
    @Autowired
    Clock clock;
    @Autowired
    Flyway flyway;
    @Autowired
    SignIn signIn;

    @Test
    void aGeneratedPasswordIsPrintedOnceAndStillWorksAfterARestart() throws Exception {
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        String printed = start(username, "");
        assertThat(printed).as("generated at first start").isNotNull();

        assertThat(start(username, "")).as("nothing new generated at the second start").isNull();

        Caller admin = signIn.check(username, printed, "192.0.2.7").block(Duration.ofSeconds(30));
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.passwordChangeRequired()).isFalse();
    }

    @Test
    void aConfiguredPasswordCreatesTheAdministratorAndAnotherOneLaterDoesNotReplaceIt() throws Exception {
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(start(username, "first-configured-password")).isNull();
        start(username, "second-configured-password");

        assertThat(signIn.check(username, "first-configured-password", "192.0.2.8").block(Duration.ofSeconds(30))
                .isAdmin()).isTrue();
        assertThatThrownBy(() -> signIn.check(username, "second-configured-password", "192.0.2.8")
                .block(Duration.ofSeconds(30))).isInstanceOf(AccessRefusedException.class);
    }

    private String start(String username, String configuredPassword) throws Exception {
        AdministratorAccount administrator = new AdministratorAccount(username, configuredPassword, passwords, clock);
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            connection.setAutoCommit(true);
            return administrator.ensure(connection);
        }
    }
}
