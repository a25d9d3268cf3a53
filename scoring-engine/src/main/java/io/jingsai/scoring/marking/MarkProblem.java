package io.jingsai.scoring.marking;

/**
 * Marks or a deduction that do not fit the scheme: an aspect the scheme does not have, two mark sets for one aspect,
 * marks on a DEDUCTION module, a multiplier on a JUDGEMENT aspect, a deduction outside a DEDUCTION module. The scorer
 * reports these as values on the {@link EntryResult} (which is then not complete), never as exceptions.
 *
 * @param aspectId the aspect id the marks or deduction named, as given
 * @param rule     a stable, language-free key: one of the constants of this record
 * @param detail   the same in English words, naming the aspect
 */
public record MarkProblem(String aspectId, String rule, String detail) {

    /** Marks for an aspect the scheme does not have. */
    public static final String ASPECT_UNKNOWN = "marks.aspectUnknown";
    /** Two or more mark sets for one aspect: none of them counts. */
    public static final String ASPECT_TWICE = "marks.aspectTwice";
    /** Marks on a DEDUCTION module, which takes deductions only: the marks are ignored. */
    public static final String MARKS_ON_DEDUCTION_MODULE = "marks.deductionModule";
    /** A multiplier other than 1 on a JUDGEMENT aspect: its marks do not count. */
    public static final String JUDGEMENT_MULTIPLIER = "marks.judgementMultiplier";
    /** A deduction on an aspect the scheme does not have: ignored. */
    public static final String DEDUCTION_ASPECT_UNKNOWN = "deduction.aspectUnknown";
    /** A deduction on an aspect that is not a DEDUCTION module: ignored. */
    public static final String DEDUCTION_OUTSIDE_MODULE = "deduction.notDeductionModule";

    public MarkProblem {
        Checks.requireNonNull(aspectId, "aspectId");
        Checks.requireText(rule, "rule");
        Checks.requireText(detail, "detail");
    }
}
