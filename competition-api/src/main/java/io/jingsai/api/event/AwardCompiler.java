package io.jingsai.api.event;

import java.util.ArrayList;
import java.util.List;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.award.AwardBand;
import io.jingsai.scoring.award.AwardPlan;
import io.jingsai.scoring.award.BandQuota;
import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.award.TitleRule;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.scheme.RuleChecks;
import io.jingsai.scoring.scheme.ValidationProblem;

/**
 * The rules' award bands, cut-off policy and titles as the engine's {@link AwardPlan}: a band has exactly one quota
 * (places, a share of the eligible entries, or a threshold on the published total); the engine's rules of bands,
 * quotas, titles and the plan are checked with {@link RuleChecks} before anything is built.
 */
final class AwardCompiler {

    private static final String PATH = "rules.awards";

    private AwardCompiler() {
    }

    /**
     * The award plan, or null if something is wrong (reported).
     *
     * @param chain the ranking's chain, which BREAK_BY_CHAIN breaks ties at a cut-off by; null if it is wrong
     */
    static AwardPlan<Standing> compile(RulesDocument.AwardsDocument awards, TieBreakChain<Standing> chain,
                                       Findings findings) {
        List<AwardBand> bands = new ArrayList<>();
        for (int i = 0; i < awards.bands().size(); i++) {
            AwardBand band = band(awards.bands().get(i), PATH + ".bands[" + i + "]", findings);
            if (band != null) {
                bands.add(band);
            }
        }
        List<TitleRule<Standing>> titles = new ArrayList<>();
        for (int i = 0; i < awards.titles().size(); i++) {
            TitleRule<Standing> title = title(awards.titles().get(i), PATH + ".titles[" + i + "]", findings);
            if (title != null) {
                titles.add(title);
            }
        }
        // the plan's own rules are checked once its bands are right; a wrong chain is reported at rules.tieBreak
        boolean planRight = bands.size() == awards.bands().size()
                && findings.add(PATH, RuleChecks.awardPlan(bands, awards.cutOff(), true, true))
                        & findings.add(PATH, RuleChecks.sharesWithinField(bands));
        boolean chainNeeded = awards.cutOff() == CutOffPolicy.BREAK_BY_CHAIN;
        if (!planRight || titles.size() != awards.titles().size() || chainNeeded && chain == null) {
            return null;
        }
        return new AwardPlan<>(bands, awards.cutOff(), chainNeeded ? chain : null, Standing::total,
                Standing::eligible, Standing::started, titles);
    }

    private static AwardBand band(RulesDocument.BandDocument b, String path, Findings findings) {
        if (b == null) {
            findings.error(new FieldProblem(path, "required"));
            return null;
        }
        int quotas = (b.places() != null ? 1 : 0) + (b.share() != null ? 1 : 0)
                + (b.cumulativeShare() != null ? 1 : 0) + (b.threshold() != null ? 1 : 0);
        if (quotas != 1) {
            findings.error(FieldProblem.of(path, "awards.oneQuota", quotas));
            return null;
        }
        List<ValidationProblem> problems = new ArrayList<>(RuleChecks.awardBand(b.name(), b.minimumStarters()));
        problems.addAll(b.places() != null ? RuleChecks.places(b.places())
                : b.share() != null ? RuleChecks.share(b.share(), b.shareRounding())
                : b.cumulativeShare() != null ? RuleChecks.cumulativeShare(b.cumulativeShare(), b.shareRounding())
                : List.of());
        if (!findings.add(path, problems)) {
            return null;
        }
        BandQuota quota = b.places() != null ? new BandQuota.Count(b.places())
                : b.share() != null ? new BandQuota.Share(b.share(), b.shareRounding())
                : b.cumulativeShare() != null ? new BandQuota.CumulativeShare(b.cumulativeShare(), b.shareRounding())
                : new BandQuota.Threshold(b.threshold());
        return new AwardBand(b.name(), quota, b.minimumStarters());
    }

    private static TitleRule<Standing> title(RulesDocument.TitleDocument t, String path, Findings findings) {
        if (t == null) {
            findings.error(new FieldProblem(path, "required"));
            return null;
        }
        int maxRank = t.maxRank() == null ? Integer.MAX_VALUE : t.maxRank();
        return findings.add(path, RuleChecks.title(t.title(), maxRank))
                ? new TitleRule<>(t.title(), maxRank, standing -> true) : null;
    }
}
