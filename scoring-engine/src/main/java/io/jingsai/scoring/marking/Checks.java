package io.jingsai.scoring.marking;

import java.math.BigDecimal;

/** Precondition checks with messages that say what was wrong. */
final class Checks {

    private Checks() {
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static BigDecimal requirePositive(BigDecimal value, String what) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + (value == null ? "null" : value.toPlainString()));
        }
        return value;
    }

    static <T> T requireNonNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }
}
