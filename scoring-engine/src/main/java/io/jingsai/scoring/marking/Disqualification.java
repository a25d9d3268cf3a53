package io.jingsai.scoring.marking;

/**
 * A disqualification (e.g. damaging equipment twice). Once approved, the result is zero and the entry is not eligible
 * for awards; while pending, the result is incomplete.
 *
 * @param reason   why
 * @param judgeId  who recorded it
 * @param approval the chief judge's approval, or null while pending
 * @throws IllegalArgumentException if the reason or judge is blank
 */
public record Disqualification(String reason, String judgeId, Approval approval) {

    public Disqualification {
        Checks.requireText(reason, "reason of a disqualification");
        Checks.requireText(judgeId, "judgeId of a disqualification");
    }

    public boolean isApproved() {
        return approval != null;
    }
}
