package io.jingsai.api.privacy;

/** The personal-data keys are configured wrongly; the message names the setting, never a key. */
class KeyConfigurationException extends IllegalStateException {

    KeyConfigurationException(String message) {
        super(message);
    }

    KeyConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
