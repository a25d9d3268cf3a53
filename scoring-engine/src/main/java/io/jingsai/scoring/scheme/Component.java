package io.jingsai.scoring.scheme;

import java.math.BigDecimal;

/**
 * A weighted part of the total, such as the theory exam or the practical task.
 *
 * <p>A component's score is the sum of its criteria's marks, out of {@code declaredMax} (the max marks of its criteria
 * must add up to it). The total is {@code declaredTotal × Σ weight × score / declaredMax}: with weights 0.3 and 0.7, a
 * theory score of 80/100 and a practical score of 90/100 give {@code 100 × (0.3 × 0.8 + 0.7 × 0.9) = 87}.
 * Weights must add up to exactly 1; a THEORY weight above 0.3 draws a warning.
 *
 * @param id          unique within the scheme; criteria refer to it
 * @param kind        THEORY, PRACTICAL, ORAL or CUSTOM
 * @param weight      share of the total, {@code > 0}
 * @param declaredMax what the component is marked out of (usually 100), {@code > 0}
 */
public record Component(String id, ComponentKind kind, BigDecimal weight, BigDecimal declaredMax) {

    public static Component of(String id, ComponentKind kind, String weight, String declaredMax) {
        return new Component(id, kind, new BigDecimal(weight), new BigDecimal(declaredMax));
    }
}
