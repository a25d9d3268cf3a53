package io.jingsai.scoring.indicator;

/** Whether more of an indicator is better (cost saved, patents) or less (days late, incidents). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
