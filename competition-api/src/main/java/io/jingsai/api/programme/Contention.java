package io.jingsai.api.programme;

import io.r2dbc.spi.R2dbcException;

/**
 * Failures that mean another transaction got there first, and trying again with a fresh snapshot succeeds: PostgreSQL's
 * serialization failure (40001), a deadlock (40P01), and, where a key is numbered in SQL, a unique violation (23505).
 * Looked for along the chain of causes, since Spring wraps the driver's exception.
 */
final class Contention {

    private Contention() {
    }

    static boolean isSerializationFailure(Throwable failure) {
        return hasState(failure, "40001") || hasState(failure, "40P01");
    }

    static boolean isUniqueViolation(Throwable failure) {
        return hasState(failure, "23505");
    }

    private static boolean hasState(Throwable failure, String sqlState) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException database && sqlState.equals(database.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
