package io.jingsai.api.identifiers;

/** Sex as encoded in a resident ID number (digit 17: odd male, even female). */
public enum Sex {
    MALE,
    FEMALE
}
