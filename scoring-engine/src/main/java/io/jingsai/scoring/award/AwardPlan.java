package io.jingsai.scoring.award;

import io.jingsai.scoring.scheme.RuleChecks;
import io.jingsai.scoring.ranking.TieBreakChain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How an event gives awards and titles.
 *
 * @param bands      in order of precedence (first prize first); names unique
 * @param cutOff     the tie policy at each band's last place
 * @param breakChain required for {@link CutOffPolicy#BREAK_BY_CHAIN}, else null
 * @param score      required when a band has a {@link BandQuota.Threshold}, else may be null
 * @param eligible   who may take places (not observers, not disqualified, complete results); others never use
 *                   places and are not counted for shares
 * @param starter    who counts as a starter for the minimum-starters table
 * @param titles     title rules
 * @param <T>        the entry type
 * @throws IllegalArgumentException if a band name repeats, or the chain or score function a band or policy needs
 *                                  is missing
 */
public record AwardPlan<T>(List<AwardBand> bands, CutOffPolicy cutOff, TieBreakChain<T> breakChain,
                           Function<? super T, BigDecimal> score, Predicate<? super T> eligible,
                           Predicate<? super T> starter, List<TitleRule<T>> titles) {

    public AwardPlan {
        bands = List.copyOf(bands);
        titles = List.copyOf(titles);
        Objects.requireNonNull(eligible, "eligible");
        Objects.requireNonNull(starter, "starter");
        RuleChecks.require(RuleChecks.awardPlan(bands, cutOff, breakChain != null, score != null));
    }

    /** Starts a plan: no bands yet, INCLUDE_ALL at cut-offs, everyone a starter, no titles. */
    public static <T> Builder<T> builder(Predicate<? super T> eligible) {
        return new Builder<>(eligible);
    }

    /** Builds an {@link AwardPlan}; {@link #build()} checks it. */
    public static final class Builder<T> {
        private final List<AwardBand> bands = new java.util.ArrayList<>();
        private final List<TitleRule<T>> titles = new java.util.ArrayList<>();
        private final Predicate<? super T> eligible;
        private CutOffPolicy cutOff = CutOffPolicy.INCLUDE_ALL;
        private TieBreakChain<T> breakChain;
        private Function<? super T, BigDecimal> score;
        private Predicate<? super T> starter = e -> true;

        private Builder(Predicate<? super T> eligible) {
            this.eligible = eligible;
        }

        public Builder<T> band(AwardBand band) {
            bands.add(band);
            return this;
        }

        public Builder<T> bands(List<AwardBand> more) {
            bands.addAll(more);
            return this;
        }

        public Builder<T> cutOff(CutOffPolicy policy) {
            this.cutOff = policy;
            return this;
        }

        public Builder<T> breakChain(TieBreakChain<T> chain) {
            this.breakChain = chain;
            return this;
        }

        public Builder<T> score(Function<? super T, BigDecimal> newScore) {
            this.score = newScore;
            return this;
        }

        public Builder<T> starter(Predicate<? super T> newStarter) {
            this.starter = newStarter;
            return this;
        }

        public Builder<T> title(TitleRule<T> rule) {
            titles.add(rule);
            return this;
        }

        /** @throws IllegalArgumentException as the {@link AwardPlan} constructor does */
        public AwardPlan<T> build() {
            return new AwardPlan<>(bands, cutOff, breakChain, score, eligible, starter, titles);
        }
    }
}
