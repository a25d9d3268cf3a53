package io.jingsai.api.registration;

/**
 * An entry's standing in its event. Observers compete but never take award places; withdrawn entries keep their
 * number; absent entries (did not start) keep their number and any marks, are no starters and take no award, and
 * their absence can be taken back while the event is MARKING.
 */
public enum RegistrationStatus {
    REGISTERED, OBSERVER, WITHDRAWN, ABSENT;

    /** Whether the entry competes: it started and is neither withdrawn nor absent. */
    public boolean competes() {
        return this != WITHDRAWN && this != ABSENT;
    }
}
