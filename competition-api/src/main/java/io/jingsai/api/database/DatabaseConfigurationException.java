package io.jingsai.api.database;

/** The database settings are unusable, or the embedded database cannot start; the message says why. */
class DatabaseConfigurationException extends RuntimeException {

    DatabaseConfigurationException(String message) {
        super(message);
    }

    DatabaseConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
