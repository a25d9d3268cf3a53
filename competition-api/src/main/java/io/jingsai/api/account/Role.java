package io.jingsai.api.account;

/**
 * What an account may do, each within its scope: an administrator everything; an organizer the programmes granted
 * and everything in them; a chief judge and a judge the events granted. Anonymous callers (the public) hold no role.
 */
public enum Role {
    ADMIN, ORGANIZER, CHIEF_JUDGE, JUDGE;

    /** Whether a grant of this role names a programme (organizers) rather than an event (judges) or nothing. */
    boolean scopedToProgramme() {
        return this == ORGANIZER;
    }

    boolean scopedToEvent() {
        return this == CHIEF_JUDGE || this == JUDGE;
    }
}
