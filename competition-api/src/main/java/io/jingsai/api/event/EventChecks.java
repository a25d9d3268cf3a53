package io.jingsai.api.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.jingsai.api.shared.EngineMessages;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.award.AwardBand;
import io.jingsai.scoring.award.AwardPlan;
import io.jingsai.scoring.award.BandQuota;
import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.award.TitleRule;
import io.jingsai.scoring.indicator.TeamRule;
import io.jingsai.scoring.ranking.Order;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.ranking.TieBreakKey;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.Component;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.jingsai.scoring.scheme.Severity;
import io.jingsai.scoring.scheme.SubCriterion;
import io.jingsai.scoring.scheme.ValidationProblem;
import io.jingsai.scoring.scheme.ValidationReport;

/**
 * Checks an event's scheme and rules with the scoring engine's own model, so that whatever the API stores the engine
 * can score. Every problem is collected, never just the first; each names its JSON path in the request
 * ({@code scheme.…}, {@code rules.…}). Scheme warnings (e.g. a theory weight above 30%) are advice, not errors.
 */
final class EventChecks {

    /** What the scheme check found: errors reject the event, warnings are shown with it. */
    record SchemeFindings(List<FieldProblem> errors, List<FieldProblem> warnings) {
    }

    private EventChecks() {
    }

    static SchemeFindings scheme(SchemeDocument document) {
        List<FieldProblem> errors = new ArrayList<>();
        MarkingScheme scheme = toEngine(document, errors);
        ValidationReport report = scheme.validate();
        List<FieldProblem> warnings = new ArrayList<>();
        for (ValidationProblem problem : report.problems()) {
            FieldProblem named = EngineMessages.at(problem.path().isEmpty() ? "scheme" : "scheme." + problem.path(),
                    problem.message());
            (problem.severity() == Severity.ERROR ? errors : warnings).add(named);
        }
        return new SchemeFindings(errors, warnings);
    }

    static List<FieldProblem> rules(RulesDocument rules, EntryKind entryKind, SchemeDocument scheme) {
        List<FieldProblem> problems = new ArrayList<>();
        checkTeamScore(rules.teamScore(), entryKind, problems);
        TieBreakChain<Object> chain = tieBreakChain(rules.tieBreak(), tieBreakKeys(scheme), problems);
        checkAwards(rules.awards(), chain, problems);
        return problems;
    }

    // --- scheme: API document → engine model; the engine then reports what is wrong with it ---

    private static MarkingScheme toEngine(SchemeDocument d, List<FieldProblem> problems) {
        PanelAggregation fallback = aggregation(d.defaultAggregation(), "scheme.defaultAggregation", problems);
        return new MarkingScheme("scheme", d.declaredTotal(),
                d.components().stream().map(c -> c == null ? null
                        : new Component(c.id(), c.kind(), c.weight(), c.declaredMax())).toList(),
                criteria(d, problems),
                fallback == null ? PanelAggregation.mean() : fallback,
                d.judgementSpread(), d.minimumJudgementPanel(), rounding(d.rounding(), problems));
    }

    private static List<Criterion> criteria(SchemeDocument d, List<FieldProblem> problems) {
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < d.criteria().size(); i++) {
            SchemeDocument.CriterionDocument c = d.criteria().get(i);
            if (c == null) {
                criteria.add(null);
                continue;
            }
            List<SubCriterion> subs = new ArrayList<>();
            for (int j = 0; j < c.subCriteria().size(); j++) {
                SchemeDocument.SubCriterionDocument s = c.subCriteria().get(j);
                subs.add(s == null ? null : new SubCriterion(s.id(), s.name(),
                        aspects(s.aspects(), "scheme.criteria[" + i + "].subCriteria[" + j + "]", problems)));
            }
            criteria.add(new Criterion(c.id(), c.name(), c.componentId(), subs));
        }
        return criteria;
    }

    private static List<Aspect> aspects(List<SchemeDocument.AspectDocument> documents, String path,
                                        List<FieldProblem> problems) {
        List<Aspect> aspects = new ArrayList<>();
        for (int k = 0; k < documents.size(); k++) {
            SchemeDocument.AspectDocument a = documents.get(k);
            aspects.add(a == null ? null : new Aspect(a.id(), a.description(), a.type(), a.maxMark(),
                    a.levelDescriptors(), aggregation(a.aggregation(), path + ".aspects[" + k + "].aggregation", problems),
                    a.factor(), a.deductionPerViolation(), a.allowedMarks()));
        }
        return aspects;
    }

    /** Null for no aggregation, or for one without a kind (reported here: the engine cannot hold it). */
    private static PanelAggregation aggregation(SchemeDocument.AggregationDocument a, String path,
                                                List<FieldProblem> problems) {
        if (a == null) {
            return null;
        }
        if (a.kind() == null) {
            problems.add(FieldProblem.of(path + ".kind", "oneOf", List.of(PanelAggregation.Kind.values())));
            return null;
        }
        return new PanelAggregation(a.kind(), a.k());
    }

    /** The default rounding stands in for an invalid one, so the engine does not report it a second time. */
    private static Rounding rounding(SchemeDocument.RoundingDocument r, List<FieldProblem> problems) {
        try {
            return new Rounding(r.scale() == null ? 2 : r.scale(), r.mode() == null ? RoundingMode.HALF_UP : r.mode());
        } catch (IllegalArgumentException e) {
            problems.add(EngineMessages.at("scheme.rounding", e.getMessage()));
            return Rounding.DEFAULT;
        }
    }

    // --- rules ---

    private static void checkTeamScore(RulesDocument.TeamScoreDocument team, EntryKind entryKind,
                                       List<FieldProblem> problems) {
        if (team == null) {
            return;
        }
        if (entryKind == EntryKind.INDIVIDUAL) {
            problems.add(new FieldProblem("rules.teamScore", "teamScore.individualEvent"));
        } else if (team.kind() == null) {
            problems.add(FieldProblem.of("rules.teamScore.kind", "oneOf", List.of(TeamRule.Kind.values())));
        } else {
            try {
                new TeamRule(team.kind(), team.n() == null ? 0 : team.n());
            } catch (IllegalArgumentException e) {
                problems.add(EngineMessages.at("rules.teamScore.n", e.getMessage()));
            }
        }
    }

    /** What a tie-break key may name: the total, the completion time, or a component or criterion of the scheme. */
    private static Set<String> tieBreakKeys(SchemeDocument scheme) {
        Set<String> keys = new LinkedHashSet<>(List.of(RulesDocument.TOTAL, RulesDocument.COMPLETION_TIME));
        scheme.components().stream().filter(Objects::nonNull).map(SchemeDocument.ComponentDocument::id)
                .filter(Objects::nonNull).forEach(keys::add);
        scheme.criteria().stream().filter(Objects::nonNull).map(SchemeDocument.CriterionDocument::id)
                .filter(Objects::nonNull).forEach(keys::add);
        return keys;
    }

    private static TieBreakChain<Object> tieBreakChain(List<RulesDocument.TieBreakDocument> documents,
                                                       Set<String> known, List<FieldProblem> problems) {
        List<TieBreakKey<Object>> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            RulesDocument.TieBreakDocument key = documents.get(i);
            String path = "rules.tieBreak[" + i + "]";
            if (key == null) {
                problems.add(new FieldProblem(path, "required"));
                continue;
            }
            if (key.order() == null) {
                problems.add(FieldProblem.of(path + ".order", "oneOf", List.of(Order.values())));
            }
            if (key.key() == null || !known.contains(key.key())) {
                problems.add(FieldProblem.of(path + ".key", "oneOf", List.copyOf(known)));
            } else if (!seen.add(key.key())) {
                problems.add(FieldProblem.of(path + ".key", "tieBreak.keyTwice", key.key()));
            } else if (key.order() != null) {
                keys.add(new TieBreakKey<>(key.key(), key.order(), entry -> null));
            }
        }
        return keys.isEmpty() ? null : new TieBreakChain<>(keys);
    }

    private static void checkAwards(RulesDocument.AwardsDocument awards, TieBreakChain<Object> chain,
                                    List<FieldProblem> problems) {
        List<AwardBand> bands = new ArrayList<>();
        for (int i = 0; i < awards.bands().size(); i++) {
            AwardBand band = band(awards.bands().get(i), "rules.awards.bands[" + i + "]", problems);
            if (band != null) {
                bands.add(band);
            }
        }
        List<TitleRule<Object>> titles = new ArrayList<>();
        for (int i = 0; i < awards.titles().size(); i++) {
            RulesDocument.TitleDocument title = awards.titles().get(i);
            String path = "rules.awards.titles[" + i + "]";
            try {
                titles.add(new TitleRule<>(title.title(), title.maxRank() == null ? Integer.MAX_VALUE : title.maxRank(),
                        entry -> true));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(title == null ? new FieldProblem(path, "required") : EngineMessages.at(
                        path + (isBlank(title.title()) ? ".title" : ".maxRank"), e.getMessage()));
            }
        }
        if (bands.size() == awards.bands().size()) {
            checkSharesFit(awards.bands(), problems);
        }
        if (bands.size() == awards.bands().size() && titles.size() == awards.titles().size()) {
            try {
                new AwardPlan<Object>(bands, awards.cutOff(),
                        awards.cutOff() == CutOffPolicy.BREAK_BY_CHAIN ? chain : null,
                        entry -> null, entry -> true, entry -> true, titles);
            } catch (IllegalArgumentException e) {
                problems.add(EngineMessages.at("rules.awards", e.getMessage()));
            }
        }
    }

    /** Bands given as shares of the entries cannot together give more than all of them. */
    private static void checkSharesFit(List<RulesDocument.BandDocument> bands, List<FieldProblem> problems) {
        BigDecimal total = bands.stream().map(RulesDocument.BandDocument::share).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(BigDecimal.ONE) > 0) {
            problems.add(FieldProblem.of("rules.awards.bands", "awards.sharesOverAll", total.toPlainString()));
        }
    }

    private static AwardBand band(RulesDocument.BandDocument b, String path, List<FieldProblem> problems) {
        if (b == null) {
            problems.add(new FieldProblem(path, "required"));
            return null;
        }
        int quotas = (b.places() != null ? 1 : 0) + (b.share() != null ? 1 : 0) + (b.threshold() != null ? 1 : 0);
        if (quotas != 1) {
            problems.add(FieldProblem.of(path, "awards.oneQuota", quotas));
            return null;
        }
        BandQuota quota;
        try {
            quota = b.places() != null ? new BandQuota.Count(b.places())
                    : b.share() != null ? new BandQuota.Share(b.share(),
                            b.shareRounding() == null ? RoundingMode.HALF_UP : b.shareRounding())
                    : new BandQuota.Threshold(b.threshold());
        } catch (IllegalArgumentException e) {
            problems.add(EngineMessages.at(path + (b.places() != null ? ".places" : ".share"), e.getMessage()));
            return null;
        }
        try {
            return new AwardBand(b.name(), quota, b.minimumStarters() == null ? 0 : b.minimumStarters());
        } catch (IllegalArgumentException e) {
            problems.add(EngineMessages.at(path + (isBlank(b.name()) ? ".name" : ".minimumStarters"), e.getMessage()));
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
