package io.jingsai.api.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One entry whose place in the final standings changed after the event first went out for public review (公示):
 * its rank, award band and titles before and after, when, and what caused it.
 *
 * @param registrationNumber absent, here and in the placings, for judges of a blind event until identities are
 *                           revealed
 * @param before null when the entry had no place before (it had no result)
 * @param after  null when the entry left the standings (it withdrew)
 */
record StandingChangeView(long id, long registrationId, Integer registrationNumber, Placing before, Placing after,
                          Cause cause, Instant changedAt) {

    /** The change as a blind event shows it to judges: nothing that tells who. */
    StandingChangeView withoutIdentity() {
        return new StandingChangeView(id, registrationId, null, before == null ? null : before.withoutIdentity(),
                after == null ? null : after.withoutIdentity(), cause, changedAt);
    }

    /**
     * An entry's place in the final standings.
     *
     * @param award  the band won, or null
     * @param titles the titles earned
     * @param total  the published total it was ranked on
     */
    record Placing(long registrationId, Integer registrationNumber, int rank, String award, List<String> titles,
                   BigDecimal total) {

        Placing {
            titles = List.copyOf(titles);
        }

        Placing withoutIdentity() {
            return new Placing(registrationId, null, rank, award, titles, total);
        }

        static Placing of(StandingsView.Entry entry) {
            return new Placing(entry.registrationId(), entry.registrationNumber(), entry.rank(), entry.award(),
                    entry.titles(), entry.total());
        }

        /** Whether rank, award or titles differ (a new total alone does not change a place). */
        boolean placedOtherwiseThan(Placing other) {
            return other == null || rank != other.rank || !java.util.Objects.equals(award, other.award)
                    || !titles.equals(other.titles);
        }
    }

    /**
     * @param kind          RESULT_CHANGED: one entry's result changed while the results were out for review or
     *                      published (a correction, a withdrawal); REVIEW_RESUMED: the event went out for review
     *                      again after marking was reopened
     * @param resultChanges the result changes (outbox rows) behind it: the one for RESULT_CHANGED, those made while
     *                      marking was reopened for REVIEW_RESUMED
     * @param by            the account whose request made the change
     */
    record Cause(String kind, List<ResultChangeRef> resultChanges, String by) {

        Cause {
            resultChanges = List.copyOf(resultChanges);
        }
    }

    /** A row of the result-change outbox: the entry's result at that version. */
    record ResultChangeRef(long resultChangeId, long registrationId, long resultVersion) {
    }
}
