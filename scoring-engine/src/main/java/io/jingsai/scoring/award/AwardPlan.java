package io.jingsai.scoring.award;

import io.jingsai.scoring.ranking.TieBreakChain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(eligible, "eligible");
        Objects.requireNonNull(starter, "starter");
        Set<String> names = new HashSet<>();
        for (AwardBand band : bands) {
            if (!names.add(band.name())) {
                throw new IllegalArgumentException("award band name '" + band.name() + "' appears twice");
            }
            if (band.quota() instanceof BandQuota.Threshold && score == null) {
                throw new IllegalArgumentException("band '" + band.name() + "' awards by threshold but the plan has no score");
            }
        }
        if (cutOff == CutOffPolicy.BREAK_BY_CHAIN && breakChain == null) {
            throw new IllegalArgumentException("cut-off policy BREAK_BY_CHAIN needs a break chain");
        }
    }

    /** Bands with a cut-off policy; everyone is a starter; no titles. */
    public static <T> AwardPlan<T> of(List<AwardBand> bands, CutOffPolicy cutOff, Predicate<? super T> eligible) {
        return new AwardPlan<>(bands, cutOff, null, null, eligible, e -> true, List.of());
    }

    public AwardPlan<T> withBreakChain(TieBreakChain<T> chain) {
        return new AwardPlan<>(bands, cutOff, chain, score, eligible, starter, titles);
    }

    public AwardPlan<T> withScore(Function<? super T, BigDecimal> newScore) {
        return new AwardPlan<>(bands, cutOff, breakChain, newScore, eligible, starter, titles);
    }

    public AwardPlan<T> withStarter(Predicate<? super T> newStarter) {
        return new AwardPlan<>(bands, cutOff, breakChain, score, eligible, newStarter, titles);
    }

    public AwardPlan<T> withTitles(List<TitleRule<T>> newTitles) {
        return new AwardPlan<>(bands, cutOff, breakChain, score, eligible, starter, newTitles);
    }
}
