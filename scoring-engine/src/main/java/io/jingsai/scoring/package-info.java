/**
 * Jingsai scoring engine: turns judges' marks into exact results, rankings, awards, standardised scores and fund
 * allocations. Pure Java, no dependencies.
 *
 * <p>Shared value types live here: {@link io.jingsai.scoring.ExactValue} (exact rational arithmetic) and
 * {@link io.jingsai.scoring.Rounding} (the one rounding a rule states). Sub-packages:
 * {@code scheme} (marking schemes and their validation), {@code marking} (panel aggregation, entry scoring,
 * judge consistency), {@code indicator} (KPI scoring and team scores), {@code ranking}, {@code award},
 * {@code standardisation} and {@code fund}.
 */
package io.jingsai.scoring;
