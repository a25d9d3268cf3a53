package io.jingsai.api.registration;

/** An entry's standing in its event. Observers compete but never take award places; withdrawn entries keep their number. */
public enum RegistrationStatus {
    REGISTERED, OBSERVER, WITHDRAWN
}
