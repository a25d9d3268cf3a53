package io.jingsai.api.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first administrator, made right after the migrations (before the server takes requests) and kept: its password
 * is {@code JINGSAI_ADMIN_PASSWORD} or, when that is unset, generated and printed once. Later starts keep the stored
 * password whatever the configuration says (a configured password that differs is reported, not applied), so a
 * password changed through the API, or the one printed at first start, stays valid.
 */
@Component
class AdministratorAccount implements Callback {

    private static final Logger log = LoggerFactory.getLogger(AdministratorAccount.class);

    private final String username;
    private final String configuredPassword;
    private final Passwords passwords;
    private final Clock clock;

    AdministratorAccount(@Value("${jingsai.admin.username}") String username,
                         @Value("${jingsai.admin.password:}") String configuredPassword,
                         Passwords passwords, Clock clock) {
        this.username = username;
        this.configuredPassword = configuredPassword;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection connection = context.getConnection();
            ensure(connection);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the administrator account", e);
        }
    }

    /** Creates the administrator if there is none by that name; returns the password printed, if one was made. */
    String ensure(Connection connection) throws SQLException {
        Long id = existing(connection);
        if (id != null) {
            keep(connection, id);
            return null;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? passwords.generate() : configuredPassword;
        id = insert(connection, passwords.hashNow(password));
        grantAdmin(connection, id);
        if (generated) {
            log.warn("No JINGSAI_ADMIN_PASSWORD set: generated a password for '{}', shown this once and kept: {}",
                    username, password);
            return password;
        }
        log.info("Administrator account '{}' created with the configured password", username);
        return null;
    }

    private void keep(Connection connection, long id) throws SQLException {
        grantAdmin(connection, id);
        if (configuredPassword.isBlank()) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT password_hash FROM account WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && !passwords.matchesNow(configuredPassword, row.getString(1))) {
                    log.warn("JINGSAI_ADMIN_PASSWORD is set but '{}' already exists with another password: the stored "
                            + "password is kept (change it with POST /api/account/password)", username);
                }
            }
        }
    }

    private Long existing(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM account WHERE lower(username) = lower(?)")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private long insert(Connection connection, String hash) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account (username, display_name, "
                + "password_hash, password_change_required, password_changed_at, created_by, created_at, updated_at) "
                + "VALUES (?, ?, ?, FALSE, ?, 'configuration', ?, ?) RETURNING id")) {
            insert.setString(1, username);
            insert.setString(2, "Administrator");
            insert.setString(3, hash);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void grantAdmin(Connection connection, long id) throws SQLException {
        try (PreparedStatement grant = connection.prepareStatement("INSERT INTO account_grant (account_id, role, "
                + "created_at) VALUES (?, 'ADMIN', ?) ON CONFLICT DO NOTHING")) {
            grant.setLong(1, id);
            grant.setTimestamp(2, Timestamp.from(clock.instant()));
            grant.executeUpdate();
        }
    }

    @Override
    public String getCallbackName() {
        return "jingsai-administrator";
    }
}
