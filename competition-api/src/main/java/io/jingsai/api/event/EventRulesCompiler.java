package io.jingsai.api.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.award.AwardPlan;
import io.jingsai.scoring.indicator.TeamRule;
import io.jingsai.scoring.marking.EntryScorer;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.RuleChecks;
import io.jingsai.scoring.standardisation.StandardScale;

/**
 * The one place where an event's stored scheme and rules become the scoring engine's objects. Compiling checks
 * everything at once and reports every problem as a value with its path in the request ({@code scheme.…},
 * {@code rules.…}) and its rule key; no engine object is built from input its rules refuse, so nothing is thrown.
 */
final class EventRulesCompiler {

    private EventRulesCompiler() {
    }

    /**
     * What compiling found: the rules (null when there are errors), the errors that reject the event, and the
     * warnings (advice about the scheme) shown with it.
     */
    record Compilation(CompiledRules rules, List<FieldProblem> errors, List<FieldProblem> warnings) {
    }

    /** Compiles an event not stored yet ({@link CompiledRules#of} gives it its id and version). */
    static Compilation compile(SchemeDocument schemeDocument, RulesDocument rules, EntryKind entryKind) {
        Findings findings = new Findings();
        MarkingScheme scheme = SchemeCompiler.compile(schemeDocument, findings);
        TeamRule team = team(rules.teamScore(), entryKind, findings);
        TieBreakValues values = new TieBreakValues(scheme);
        RankingRule<Standing> ranking = RankingCompiler.compile(rules, values.names(), findings);
        AwardPlan<Standing> awards = AwardCompiler.compile(rules.awards(), ranking == null ? null : ranking.chain(),
                findings);
        StandardScale scale = standardisation(rules.standardisation(), findings);
        if (findings.hasErrors()) {
            return new Compilation(null, findings.errors(), findings.warnings());
        }
        CompiledRules compiled = new CompiledRules(0, 0, new EntryScorer(scheme), aspectsById(scheme), team,
                rules.normaliseJudges(), ranking, awards, scale, values);
        return new Compilation(compiled, List.of(), findings.warnings());
    }

    /** The team score rule of a TEAM event; an INDIVIDUAL event has none. */
    private static TeamRule team(RulesDocument.TeamScoreDocument team, EntryKind entryKind, Findings findings) {
        if (team == null) {
            return null;
        }
        if (entryKind == EntryKind.INDIVIDUAL) {
            findings.error(new FieldProblem("rules.teamScore", "teamScore.individualEvent"));
            return null;
        }
        return findings.add("rules.teamScore", RuleChecks.teamRule(team.kind(), team.n()))
                ? new TeamRule(team.kind(), team.n()) : null;
    }

    /** Standardised scores are rounded as published marks are: {@link Rounding#DEFAULT}, alike in every event. */
    private static StandardScale standardisation(RulesDocument.StandardisationDocument s, Findings findings) {
        return findings.add("rules.standardisation", RuleChecks.standardScale(s.centre(), s.spread(),
                s.centreValue(), s.pointsPerSpread(), s.minimumResults()))
                ? new StandardScale(s.centre(), s.spread(), s.centreValue(), s.pointsPerSpread(), s.minimumResults(),
                Rounding.DEFAULT) : null;
    }

    private static Map<String, Aspect> aspectsById(MarkingScheme scheme) {
        Map<String, Aspect> byId = new LinkedHashMap<>();
        scheme.aspects().forEach(aspect -> byId.put(aspect.id(), aspect));
        return byId;
    }
}
