package io.jingsai.scoring.marking;

import io.jingsai.scoring.standardisation.Standardisation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-judge z-score normalisation, for panels where each judge marks a different subset of the entries: each judge's
 * leniency and spread are removed, then marks are mapped back onto the pooled scale of the aspect.
 *
 * <p>For one aspect and judge {@code j}: {@code normalised = pooledMean + (mark − mean_j) / sd_j × pooledSd}, where
 * means and standard deviations are population figures (divide by n). Square roots are irrational, so figures are
 * computed to {@link MathContext#DECIMAL128} (34 significant digits) and left unrounded for the caller's one final
 * rounding. Each aspect is normalised separately.
 *
 * <p>Rejections as values: a judge with fewer than {@code minimumMarksPerJudge} marks in an aspect, or whose marks are
 * all equal (no spread to divide by), makes the whole outcome {@link Outcome.Rejected}, listing every such judge.
 */
public final class JudgeNormalisation {

    private JudgeNormalisation() {
    }

    /** A mark with its normalised value. */
    public record NormalisedMark(String aspectId, String entryId, String judgeId, BigDecimal raw, BigDecimal normalised) {
    }

    /** Normalised marks, or why not. */
    public sealed interface Outcome permits Outcome.Normalised, Outcome.Rejected {

        /** Every mark normalised, sorted by aspect, judge, entry. */
        record Normalised(List<NormalisedMark> marks) implements Outcome {
            public Normalised {
                marks = List.copyOf(marks);
            }
        }

        /** One line per judge that cannot be normalised. */
        record Rejected(List<String> reasons) implements Outcome {
            public Rejected {
                reasons = List.copyOf(reasons);
            }
        }
    }

    /**
     * @param marks                marks of one or more aspects, in any order
     * @param minimumMarksPerJudge at least 2
     * @throws IllegalArgumentException if the minimum is below 2
     */
    public static Outcome normalise(List<PanelMark> marks, int minimumMarksPerJudge) {
        Checks.requireNonNull(marks, "marks");
        if (minimumMarksPerJudge < 2) {
            throw new IllegalArgumentException("z-scores need at least 2 marks per judge, minimum was " + minimumMarksPerJudge);
        }
        Map<String, Map<String, List<PanelMark>>> byAspectAndJudge = new TreeMap<>();
        for (PanelMark mark : marks) {
            byAspectAndJudge.computeIfAbsent(mark.aspectId(), a -> new TreeMap<>())
                    .computeIfAbsent(mark.judgeId(), j -> new ArrayList<>()).add(mark);
        }
        // Sorted lists make the 34-digit rounding of the pooled figures independent of the input order.
        byAspectAndJudge.values().forEach(judges -> judges.values()
                .forEach(list -> list.sort(java.util.Comparator.comparing(PanelMark::entryId))));
        List<String> reasons = new ArrayList<>();
        List<NormalisedMark> normalised = new ArrayList<>();
        for (var aspect : byAspectAndJudge.entrySet()) {
            List<PanelMark> all = aspect.getValue().values().stream().flatMap(List::stream).toList();
            Stats pooled = Stats.of(all);
            for (var judge : aspect.getValue().entrySet()) {
                List<PanelMark> own = judge.getValue();
                Stats stats = Stats.of(own);
                if (own.size() < minimumMarksPerJudge) {
                    reasons.add("aspect '" + aspect.getKey() + "': judge " + judge.getKey() + " has " + own.size()
                            + " mark(s), z-scores need at least " + minimumMarksPerJudge);
                } else if (stats.sd.signum() == 0) {
                    reasons.add("aspect '" + aspect.getKey() + "': judge " + judge.getKey()
                            + " gave every entry the same mark " + own.get(0).mark().toPlainString()
                            + ", no spread to normalise");
                } else {
                    for (PanelMark mark : own) {
                        normalised.add(new NormalisedMark(mark.aspectId(), mark.entryId(), mark.judgeId(), mark.mark(),
                                Standardisation.rescale(mark.mark(), stats.mean, stats.sd, pooled.mean, pooled.sd)));
                    }
                }
            }
        }
        return reasons.isEmpty() ? new Outcome.Normalised(normalised) : new Outcome.Rejected(reasons);
    }

    /** Population mean and standard deviation of a judge's or a panel's marks. */
    private record Stats(BigDecimal mean, BigDecimal sd) {
        static Stats of(List<PanelMark> marks) {
            Standardisation.Moments moments = Standardisation.moments(marks.stream().map(PanelMark::mark).toList());
            return new Stats(moments.mean(), moments.standardDeviation());
        }
    }
}
