package io.jingsai.scoring.scheme;

/**
 * How an aspect is marked.
 *
 * <ul>
 *   <li>{@link #MEASUREMENT}: objective; one or more marks between 0 and the max mark (optionally restricted to the
 *       aspect's allowed marks, e.g. full mark or zero), aggregated by the aspect's panel rule.</li>
 *   <li>{@link #JUDGEMENT}: subjective (WorldSkills); each judge gives an integer 0–3 against four level descriptors,
 *       {@code mark = mean / 3 × maxMark}; a spread above the scheme's allowance needs review.</li>
 *   <li>{@link #DEDUCTION}: a module that starts at its max mark and loses points per approved violation, never
 *       below zero.</li>
 * </ul>
 */
public enum AspectType {
    MEASUREMENT, JUDGEMENT, DEDUCTION
}
