package io.jingsai.scoring.marking;

/** The state of an entry's result. */
public enum ResultStatus {
    /** Every aspect scored, nothing pending: the total can be published and the entry is eligible for awards. */
    COMPLETE,
    /** Some aspects are held out (review, rejection, missing marks, pending approval) or a disqualification awaits
     *  approval: the total is provisional and counts held-out aspects as nothing. */
    INCOMPLETE,
    /** An approved disqualification: total zero, not eligible for awards. */
    DISQUALIFIED
}
