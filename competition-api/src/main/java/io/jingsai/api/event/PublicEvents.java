package io.jingsai.api.event;

/**
 * When an event's results are public — on its board, and in its contestants' own look-ups: from MARKING on (an event
 * never goes back before MARKING), and for a blind event only once its identities are revealed (a reveal is final),
 * since a public result names the entrant at each station.
 */
public final class PublicEvents {

    private PublicEvents() {
    }

    /** The SQL condition, on the {@code event} row aliased {@code alias}, that its results are public. */
    public static String condition(String alias) {
        return "(" + alias + ".status IN ('MARKING', 'REVIEW', 'PUBLISHED') AND (NOT " + alias + ".blind OR " + alias
                + ".identities_revealed_at IS NOT NULL))";
    }
}
