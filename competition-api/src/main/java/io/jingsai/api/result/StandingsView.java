package io.jingsai.api.result;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jingsai.scoring.standardisation.StandardScale;

/**
 * An event's standings: every entry with a result (withdrawn and absent entries aside), ranked by the event's
 * tie-break chain and rank style, in display order. While the event is marking (or before) they are provisional:
 * ranks only. Once
 * marking has closed (REVIEW, PUBLISHED) they are final: each entry also has its award band, titles and standardised
 * score, all given by the scoring engine from the stored results under the event's rules.
 *
 * @param provisional     true before marking closes: no awards, titles nor standardised scores
 * @param unresolvedTies  true when the event forbids shared ranks and entries are still tied after the whole chain:
 *                        they are shown sharing a rank until the chief judge resolves the tie
 * @param bands           final standings only (else empty): each award band of the rules, in order, as filled
 * @param standardisation final standings only (else null): how the event's results map onto the common scale
 */
record StandingsView(long eventId, boolean provisional, boolean unresolvedTies, List<Entry> entries,
                     List<Band> bands, Standardisation standardisation) {

    StandingsView {
        entries = List.copyOf(entries);
        bands = List.copyOf(bands);
    }

    /** The standings as a blind event shows them to judges: ranks by station, nothing that tells who. */
    StandingsView withoutIdentity() {
        return new StandingsView(eventId, provisional, unresolvedTies,
                entries.stream().map(Entry::withoutIdentity).toList(), bands, standardisation);
    }

    /**
     * @param rank              tied entries share it
     * @param position          1-based, unique; among ties by registration number
     * @param registrationNumber absent for judges of a blind event until identities are revealed
     * @param components        component id → published component score; empty when the scheme has none
     * @param eligible          may take award places: a complete result of a registered (not observing) entry
     * @param resultVersion     the version of the stored result ranked
     * @param award             the award band won, or null (always null while provisional, and for an ineligible
     *                          entry)
     * @param titles            the titles earned, in the rules' order (empty while provisional)
     * @param standardisedScore the total on the common scale, for eligible entries of final standings that could be
     *                          standardised; else null
     */
    record Entry(int rank, int position, long registrationId, Integer registrationNumber, String stationNumber,
                 EntryResultStatus status, BigDecimal total, Map<String, BigDecimal> components, boolean eligible,
                 long resultVersion, String award, List<String> titles, BigDecimal standardisedScore) {

        Entry {
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
            titles = List.copyOf(titles);
        }

        Entry withoutIdentity() {
            return new Entry(rank, position, registrationId, null, stationNumber, status, total, components, eligible,
                    resultVersion, award, titles, standardisedScore);
        }
    }

    /**
     * One award band as the engine filled it.
     *
     * @param quota     the places its rule gives (for a threshold band, how many reached it)
     * @param awarded   entries that won it
     * @param overflow  places beyond the quota because entries were tied at the cut-off (INCLUDE_ALL)
     * @param shortfall places left empty: tied entries excluded at the cut-off, or too few eligible entries
     * @param voided    too few starters: the band is void
     */
    record Band(String name, int quota, int awarded, int overflow, int shortfall, boolean voided) {
    }

    /**
     * The standardisation of the eligible entries' totals.
     *
     * @param standardised false when there are too few eligible results or they do not spread (see {@code flag})
     * @param flag         why not: TOO_FEW_RESULTS or NO_SPREAD; null when standardised
     * @param results      eligible results standardised (or counted)
     * @param centre       the event's centre (mean or median), when standardised
     * @param spread       the event's spread, when standardised
     */
    record Standardisation(boolean standardised, String flag, int results, StandardScale.Centre centreKind,
                           StandardScale.Spread spreadKind, BigDecimal centreValue, BigDecimal pointsPerSpread,
                           BigDecimal centre, BigDecimal spread) {
    }
}
