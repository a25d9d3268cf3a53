package io.jingsai.api.result;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.Standing;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.scoring.award.AwardOutcome;
import io.jingsai.scoring.award.Awards;
import io.jingsai.scoring.ranking.RankedEntry;
import io.jingsai.scoring.ranking.Ranking;
import io.jingsai.scoring.ranking.RankingOutcome;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TiePolicy;
import io.jingsai.scoring.standardisation.EventStandardisation;
import io.jingsai.scoring.standardisation.RawResult;
import io.jingsai.scoring.standardisation.StandardScale;
import io.jingsai.scoring.standardisation.Standardisation;

/**
 * An event's stored results ranked, and for final standings given awards, titles and standardised scores, all by the
 * scoring engine under the event's compiled rules: the one place results are ranked, for the standings, the review
 * snapshot and the exports. Withdrawn entries are left out; an ineligible entry (observer, disqualified, incomplete)
 * is ranked but never takes an award place nor counts for shares, and is not standardised.
 */
final class Standings {

    private Standings() {
    }

    /**
     * @param results     the event's stored results, in any order
     * @param provisional true while marking: ranks only
     */
    static StandingsView of(long eventId, EventRules rules, List<ResultStore.Stored> results, boolean provisional) {
        Map<Standing, ResultStore.Stored> byStanding = competing(results);
        RankingRule<Standing> rule = rules.ranking();
        RankingOutcome<Standing> outcome = Ranking.rank(byStanding.keySet(), rule);
        boolean unresolved = outcome instanceof RankingOutcome.UnresolvedTies<Standing>;
        if (unresolved) {
            outcome = Ranking.rank(byStanding.keySet(), rule.withTiePolicy(TiePolicy.SHARE));
        }
        List<RankedEntry<Standing>> ranking = ((RankingOutcome.Ranked<Standing>) outcome).entries();
        AwardOutcome<Standing> awards = provisional ? null : Awards.award(ranking, rules.awards());
        Map<Long, BigDecimal> standardised = new HashMap<>();
        StandingsView.Standardisation standardisation = provisional ? null
                : standardise(eventId, rules.standardisation(), byStanding.keySet(),
                        standing -> byStanding.get(standing).entry().id(), standardised);
        List<StandingsView.Entry> entries = new ArrayList<>();
        for (RankedEntry<Standing> ranked : ranking) {
            ResultStore.Stored stored = byStanding.get(ranked.entry());
            long id = stored.entry().id();
            entries.add(new StandingsView.Entry(ranked.rank(), ranked.position(), id, stored.entry().number(),
                    stored.entry().station(), stored.result().status(), stored.result().total(),
                    stored.result().components(),
                    ranked.entry().eligible(), stored.version(),
                    awards == null ? null : awards.bandOf(ranked.entry()),
                    awards == null ? List.of() : titles(awards, ranked.entry()), standardised.get(id)));
        }
        return new StandingsView(eventId, provisional, unresolved, entries,
                awards == null ? List.of() : bands(awards), standardisation);
    }

    /**
     * The standardisation of the event's eligible results as they stand, as final standings give it: fills
     * {@code scores} (registration id → standardised score). Final standings compute it once marking has closed; the
     * programme's live stars board also applies it to the complete results of an event still marking.
     */
    static StandingsView.Standardisation standardised(long eventId, EventRules rules,
                                                      List<CurrentResults.CurrentResult> results,
                                                      Map<Long, BigDecimal> scores) {
        Map<Standing, Long> registrations = new LinkedHashMap<>();
        for (CurrentResults.CurrentResult result : results) {
            if (result.registrationStatus().competes()) {
                registrations.put(result.standing(), result.registrationId());
            }
        }
        return standardised(eventId, rules, registrations, scores);
    }

    /** @param registrations the competing entries' standings and their registration ids */
    private static StandingsView.Standardisation standardised(long eventId, EventRules rules,
                                                              Map<Standing, Long> registrations,
                                                              Map<Long, BigDecimal> scores) {
        return standardise(eventId, rules.standardisation(), registrations.keySet(), registrations::get, scores);
    }

    /** The results of entries still competing (withdrawn ones aside), by how the ranking sees them. */
    private static Map<Standing, ResultStore.Stored> competing(List<ResultStore.Stored> results) {
        Map<Standing, ResultStore.Stored> byStanding = new LinkedHashMap<>();
        for (ResultStore.Stored stored : results) {
            if (stored.entry().status().competes()) {
                byStanding.put(stored.result().standing().standing(stored.entry().number()), stored);
            }
        }
        return byStanding;
    }

    private static List<String> titles(AwardOutcome<Standing> awards, Standing standing) {
        return awards.titles().stream()
                .filter(title -> title.holders().stream().anyMatch(holder -> holder.entry().equals(standing)))
                .map(AwardOutcome.TitleAward::title)
                .toList();
    }

    private static List<StandingsView.Band> bands(AwardOutcome<Standing> awards) {
        return awards.bands().stream()
                .map(band -> new StandingsView.Band(band.band(), band.quota(), band.winners().size(), band.overflow(),
                        band.shortfall(), band.voided()))
                .toList();
    }

    /**
     * Standardises the eligible entries' totals; fills {@code scores} (registration id → standardised score). Takes
     * them in any order, unranked: the standardisation sorts what it is given, so no order changes a figure (the
     * star boards standardise a marking event every second and have no use for its ranking).
     */
    private static StandingsView.Standardisation standardise(long eventId, StandardScale scale,
                                                             Collection<Standing> standings,
                                                             Function<Standing, Long> registrationOf,
                                                             Map<Long, BigDecimal> scores) {
        List<RawResult> raw = standings.stream()
                .filter(Standing::eligible)
                .map(standing -> new RawResult("event-" + eventId, String.valueOf(registrationOf.apply(standing)),
                        standing.total()))
                .toList();
        if (raw.isEmpty()) {
            return new StandingsView.Standardisation(false, "TOO_FEW_RESULTS", 0, scale.centre(), scale.spread(),
                    scale.centreValue(), scale.pointsPerSpread(), null, null);
        }
        EventStandardisation outcome = Standardisation.standardise(raw, scale).get(0);
        if (outcome instanceof EventStandardisation.Standardised done) {
            done.scores().forEach(score -> scores.put(Long.valueOf(score.entryId()), score.standardised()));
            return new StandingsView.Standardisation(true, null, raw.size(), scale.centre(), scale.spread(),
                    scale.centreValue(), scale.pointsPerSpread(), done.centre(), done.spread());
        }
        String flag = raw.size() < scale.minimumResults() ? "TOO_FEW_RESULTS" : "NO_SPREAD";
        return new StandingsView.Standardisation(false, flag, raw.size(), scale.centre(), scale.spread(),
                scale.centreValue(), scale.pointsPerSpread(), null, null);
    }
}
