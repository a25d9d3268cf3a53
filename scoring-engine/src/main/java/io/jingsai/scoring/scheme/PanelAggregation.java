package io.jingsai.scoring.scheme;

/**
 * How a panel's marks for one aspect become one mark. Chosen per scheme (its default) or per aspect.
 *
 * <ul>
 *   <li>{@link Kind#MEAN}: the arithmetic mean; needs at least one mark.</li>
 *   <li>{@link Kind#MEDIAN}: the middle mark; with an even count, the mean of the two middle marks.</li>
 *   <li>{@link Kind#TRIMMED_MEAN}: drop the {@code k} highest and {@code k} lowest marks, take the mean of the rest;
 *       needs at least {@code 2k + 1} marks (5 judges with k = 1, 7 judges with k = 2 in today's diving).</li>
 *   <li>{@link Kind#TRIMMED_SUM}: the same drop, then the sum of the rest (diving's judges' total).</li>
 * </ul>
 *
 * <p>Ties among dropped marks do not matter: equal marks are interchangeable, so which copy is dropped cannot change
 * the result. The record accepts any {@code k} so that a scheme mapped from user input can be validated with all its
 * problems reported; {@link MarkingScheme#validate()} rejects a {@code k} that does not fit the kind.
 *
 * @param kind the rule; a null kind (from incomplete input) is reported by validation, and refused when aggregating
 * @param k    marks dropped at each end; 0 for MEAN and MEDIAN, at least 1 for the trimmed kinds
 */
public record PanelAggregation(Kind kind, int k) {

    /** The aggregation rules. */
    public enum Kind {
        MEAN, MEDIAN, TRIMMED_MEAN, TRIMMED_SUM
    }

    public static PanelAggregation mean() {
        return new PanelAggregation(Kind.MEAN, 0);
    }

    public static PanelAggregation median() {
        return new PanelAggregation(Kind.MEDIAN, 0);
    }

    /** Drop the {@code k} highest and {@code k} lowest marks, then take the mean. */
    public static PanelAggregation trimmedMean(int k) {
        return new PanelAggregation(Kind.TRIMMED_MEAN, k);
    }

    /** Drop the {@code k} highest and {@code k} lowest marks, then take the sum. */
    public static PanelAggregation trimmedSum(int k) {
        return new PanelAggregation(Kind.TRIMMED_SUM, k);
    }

    /** The fewest marks this rule can aggregate. */
    public int minimumMarks() {
        return switch (kind) {
            case MEAN, MEDIAN -> 1;
            case TRIMMED_MEAN, TRIMMED_SUM -> 2 * k + 1;
        };
    }

    /** A short description, e.g. {@code trimmed mean dropping 2+2}. */
    public String describe() {
        return switch (kind) {
            case MEAN -> "mean";
            case MEDIAN -> "median";
            case TRIMMED_MEAN -> "trimmed mean dropping " + k + "+" + k;
            case TRIMMED_SUM -> "trimmed sum dropping " + k + "+" + k;
        };
    }

    /** Null if this aggregation is well-formed, else the rule its {@code k} breaks (path {@code k}). */
    ValidationProblem problem() {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case MEAN, MEDIAN -> k == 0 ? null
                    : ValidationProblem.error("k", "scheme.noK", kind + " takes no k, got " + k, kind.name());
            case TRIMMED_MEAN, TRIMMED_SUM -> k >= 1 ? null
                    : ValidationProblem.error("k", "scheme.k", kind + " needs k >= 1, got " + k, kind.name());
        };
    }
}
