package io.jingsai.api.boards;

/**
 * The one statement of when results of an event may be shown to everyone, for every feature that shows them (the
 * event boards, the programme's star boards): from MARKING on (an event never goes back before MARKING), and for a
 * blind event only once its identities are revealed (a reveal is final), since a board names the entrant behind each
 * station.
 */
public final class BoardPublicity {

    private BoardPublicity() {
    }

    /** The condition in SQL over the {@code event} table under the alias {@code event}. */
    public static String condition(String event) {
        return event + ".status IN ('MARKING', 'REVIEW', 'PUBLISHED') AND (NOT " + event + ".blind OR " + event
                + ".identities_revealed_at IS NOT NULL)";
    }
}
