package io.jingsai.api.event;

/** Who enters an event: individual contestants or teams (班组) entered as one. */
public enum EntryKind {
    INDIVIDUAL, TEAM
}
