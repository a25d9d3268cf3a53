package io.jingsai.scoring.ranking;

/** What happens to entries the whole chain cannot separate. */
public enum TiePolicy {
    /** They share a rank (the default). */
    SHARE,
    /** Shared ranks are forbidden (排名不并列): no ranking is produced while ties remain; the ties are listed for the
     *  chief judge to resolve. */
    FORCE_DISTINCT
}
