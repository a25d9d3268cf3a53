package io.jingsai.scoring.scheme;

import java.math.BigDecimal;
import java.util.List;

/**
 * The smallest marked unit of a scheme.
 *
 * <p>Plain data: the record accepts anything (nulls included) so that a scheme mapped from user input can be
 * validated with every problem reported at once by {@link MarkingScheme#validate()}. Use the static factories and
 * {@code with…} methods to build one in code.
 *
 * @param id                    unique within the whole scheme; marks and deductions refer to it
 * @param description           what is marked
 * @param type                  how it is marked
 * @param maxMark               the most it can earn, {@code > 0}; for a DEDUCTION aspect, the module's points
 * @param levelDescriptors      JUDGEMENT only: exactly four descriptors, for scores 0, 1, 2 and 3
 * @param aggregation           MEASUREMENT only: the panel rule, or null for the scheme's default
 * @param factor                MEASUREMENT only: multiplies the aggregated mark (e.g. 0.6), or null for 1
 * @param deductionPerViolation DEDUCTION only: points a violation costs unless the deduction states its own
 * @param allowedMarks          MEASUREMENT only: the only marks a judge may give (e.g. full mark or 0); empty for
 *                              any mark in {@code [0, maxMark]}
 */
public record Aspect(String id, String description, AspectType type, BigDecimal maxMark,
                     List<String> levelDescriptors, PanelAggregation aggregation, BigDecimal factor,
                     BigDecimal deductionPerViolation, List<BigDecimal> allowedMarks) {

    public Aspect {
        levelDescriptors = Lists.copy(levelDescriptors);
        allowedMarks = Lists.copy(allowedMarks);
    }

    /** A measurement aspect marked by the scheme's default panel rule, any mark in {@code [0, maxMark]}. */
    public static Aspect measurement(String id, String description, BigDecimal maxMark) {
        return new Aspect(id, description, AspectType.MEASUREMENT, maxMark, List.of(), null, null, null, List.of());
    }

    /** A judgement aspect with its four level descriptors (scores 0, 1, 2, 3). */
    public static Aspect judgement(String id, String description, BigDecimal maxMark, List<String> levelDescriptors) {
        return new Aspect(id, description, AspectType.JUDGEMENT, maxMark, levelDescriptors, null, null, null, List.of());
    }

    /** A deduction module worth {@code modulePoints}, losing {@code perViolation} points per approved violation. */
    public static Aspect deduction(String id, String description, BigDecimal modulePoints, BigDecimal perViolation) {
        return new Aspect(id, description, AspectType.DEDUCTION, modulePoints, List.of(), null, null, perViolation,
                List.of());
    }

    public Aspect withAggregation(PanelAggregation newAggregation) {
        return new Aspect(id, description, type, maxMark, levelDescriptors, newAggregation, factor,
                deductionPerViolation, allowedMarks);
    }

    public Aspect withFactor(BigDecimal newFactor) {
        return new Aspect(id, description, type, maxMark, levelDescriptors, aggregation, newFactor,
                deductionPerViolation, allowedMarks);
    }

    public Aspect withAllowedMarks(List<BigDecimal> marks) {
        return new Aspect(id, description, type, maxMark, levelDescriptors, aggregation, factor,
                deductionPerViolation, marks);
    }

    /** The factor, 1 when none is set. */
    public BigDecimal effectiveFactor() {
        return factor == null ? BigDecimal.ONE : factor;
    }
}
