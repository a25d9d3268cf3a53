package io.jingsai.scoring.award;

/** What happens when tied entries straddle a band's last place. */
public enum CutOffPolicy {
    /** All tied entries get the band; it exceeds its quota and the overflow is reported. */
    INCLUDE_ALL,
    /** None of the tied entries get the band; it falls short of its quota and the shortfall is reported. */
    EXCLUDE_ALL,
    /** The plan's break chain orders the tied entries; those still tied on it at the cut-off are all included
     *  (reported as overflow), because no rule separates them. */
    BREAK_BY_CHAIN
}
