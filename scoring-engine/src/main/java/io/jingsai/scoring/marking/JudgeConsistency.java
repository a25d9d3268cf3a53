package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the chief judge sees about the panel: per aspect, how far apart the judges were; per judge, how lenient
 * (mean deviation from the panel mean, positive = lenient) and how many of the judge's marks were outliers.
 *
 * <p>A panel is the set of marks for one aspect of one entry; a judge's deviation is measured against the mean of
 * that panel (the judge's own mark included). A mark is an outlier when its deviation, in absolute value, is strictly
 * greater than the threshold. Panels with a single mark have spread 0 and deviation 0. All figures are exact;
 * reports are sorted by aspect id and judge id so that the input order never matters.
 */
public final class JudgeConsistency {

    private JudgeConsistency() {
    }

    /**
     * Spread of one aspect over all entries.
     *
     * @param aspectId       the aspect
     * @param panels         how many entries were marked
     * @param maxSpread      the largest highest-minus-lowest of a panel
     * @param meanSpread     the mean of the panels' spreads, exact
     * @param panelsAboveThreshold panels whose spread is strictly above the threshold
     */
    public record AspectSpread(String aspectId, int panels, BigDecimal maxSpread, ExactValue meanSpread,
                               int panelsAboveThreshold) {
    }

    /**
     * One judge's leniency.
     *
     * @param judgeId       the judge
     * @param marks         how many marks the judge gave
     * @param meanDeviation mean of (judge's mark − panel mean), exact; positive means lenient
     * @param outliers      marks deviating from their panel mean by more than the threshold
     */
    public record JudgeLeniency(String judgeId, int marks, ExactValue meanDeviation, int outliers) {
    }

    /** The report: aspects sorted by id, judges sorted by id. */
    public record Report(List<AspectSpread> aspects, List<JudgeLeniency> judges) {
        public Report {
            aspects = List.copyOf(aspects);
            judges = List.copyOf(judges);
        }
    }

    /**
     * @param marks     all marks to analyse, in any order
     * @param threshold outlier and spread threshold, {@code >= 0} (e.g. the scheme's allowed spread)
     * @throws IllegalArgumentException if the threshold is negative or a judge marks the same panel twice
     */
    public static Report analyse(List<PanelMark> marks, BigDecimal threshold) {
        Checks.requireNonNull(marks, "marks");
        if (threshold == null || threshold.signum() < 0) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        }
        ExactValue limit = ExactValue.of(threshold);
        Map<String, Map<String, List<PanelMark>>> panelsByAspect = new TreeMap<>();
        for (PanelMark mark : marks) {
            panelsByAspect.computeIfAbsent(mark.aspectId(), a -> new TreeMap<>())
                    .computeIfAbsent(mark.entryId(), e -> new ArrayList<>()).add(mark);
        }
        List<AspectSpread> spreads = new ArrayList<>();
        Map<String, JudgeTally> judges = new TreeMap<>();
        for (var aspect : panelsByAspect.entrySet()) {
            spreads.add(aspectSpread(aspect.getKey(), aspect.getValue().values(), threshold, limit, judges));
        }
        List<JudgeLeniency> leniency = new ArrayList<>();
        judges.forEach((judge, tally) -> leniency.add(new JudgeLeniency(judge, tally.count,
                tally.deviation.dividedBy(tally.count), tally.outliers)));
        return new Report(spreads, leniency);
    }

    private static AspectSpread aspectSpread(String aspectId, java.util.Collection<List<PanelMark>> panels,
                                             BigDecimal threshold, ExactValue limit, Map<String, JudgeTally> judges) {
        BigDecimal maxSpread = BigDecimal.ZERO;
        BigDecimal spreadSum = BigDecimal.ZERO;
        int above = 0;
        for (List<PanelMark> panel : panels) {
            BigDecimal low = panel.get(0).mark();
            BigDecimal high = low;
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < panel.size(); i++) {
                PanelMark mark = panel.get(i);
                for (int j = 0; j < i; j++) {
                    if (panel.get(j).judgeId().equals(mark.judgeId())) {
                        throw new IllegalArgumentException("judge " + mark.judgeId() + " marked aspect '" + aspectId
                                + "' of entry " + mark.entryId() + " twice");
                    }
                }
                low = low.min(mark.mark());
                high = high.max(mark.mark());
                sum = sum.add(mark.mark());
            }
            BigDecimal spread = high.subtract(low);
            maxSpread = maxSpread.max(spread);
            spreadSum = spreadSum.add(spread);
            if (spread.compareTo(threshold) > 0) {
                above++;
            }
            ExactValue mean = ExactValue.ratio(sum, panel.size());
            for (PanelMark mark : panel) {
                ExactValue deviation = ExactValue.of(mark.mark()).minus(mean);
                judges.computeIfAbsent(mark.judgeId(), j -> new JudgeTally()).add(deviation, limit);
            }
        }
        return new AspectSpread(aspectId, panels.size(), maxSpread, ExactValue.ratio(spreadSum, panels.size()), above);
    }

    private static final class JudgeTally {
        int count;
        int outliers;
        ExactValue deviation = ExactValue.ZERO;

        void add(ExactValue value, ExactValue limit) {
            count++;
            deviation = deviation.plus(value);
            if (value.abs().compareTo(limit) > 0) {
                outliers++;
            }
        }
    }
}
