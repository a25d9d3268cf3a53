package io.jingsai.api.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.jingsai.scoring.award.AwardPlan;
import io.jingsai.scoring.indicator.TeamRule;
import io.jingsai.scoring.marking.EntryResult;
import io.jingsai.scoring.marking.EntryScorer;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.standardisation.StandardScale;

/** The compiled rules of one version of an event; {@code teamRule} is null for an INDIVIDUAL event. */
record CompiledRules(long eventId, long version, EntryScorer scorer, Map<String, Aspect> aspects, TeamRule team,
                     boolean normaliseJudges, RankingRule<Standing> ranking, AwardPlan<Standing> awards,
                     StandardScale standardisation, TieBreakValues values) implements EventRules {

    CompiledRules {
        aspects = Map.copyOf(aspects);
    }

    /** The same rules, as those of a stored version of an event. */
    CompiledRules of(long id, long newVersion) {
        return new CompiledRules(id, newVersion, scorer, aspects, team, normaliseJudges, ranking, awards,
                standardisation, values);
    }

    @Override
    public Optional<Aspect> aspect(String aspectId) {
        return Optional.ofNullable(aspectId == null ? null : aspects.get(aspectId));
    }

    @Override
    public Optional<TeamRule> teamRule() {
        return Optional.ofNullable(team);
    }

    @Override
    public Standing standing(int registrationNumber, EntryResult result, Duration completionTime, boolean started) {
        BigDecimal seconds = completionTime == null ? null
                : BigDecimal.valueOf(completionTime.getSeconds()).add(BigDecimal.valueOf(completionTime.getNano(), 9));
        return new Standing(registrationNumber, values.of(result, seconds), started && result.eligibleForAwards(),
                started);
    }
}
