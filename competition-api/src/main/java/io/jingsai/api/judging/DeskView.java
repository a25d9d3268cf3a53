package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.jingsai.api.event.EventStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The chief judge's desk (裁判长工作台): how far marking has come, what waits for review, how consistently the judges
 * mark, and which deductions and disqualifications wait for approval. Counts are over the event's competing entries (withdrawn ones aside) and the aspects judges mark
 * (DEDUCTION modules take deductions, not marks); a judge is never expected to mark an entry they are recused from.
 *
 * @param progress    marks expected and received, in all, per judge and per aspect
 * @param review      entries whose results need review: the aspects to re-mark, and each judge's current marks
 * @param consistency how far apart judges were per aspect, and each judge's leniency on judgement aspects
 * @param pending     deductions and disqualifications waiting for the chief judge's decision, oldest first (of any
 *                    entry: publication waits for each)
 */
@Schema(name = "ChiefJudgeDesk")
record DeskView(long eventId, EventStatus status, Progress progress, List<Review> review, Consistency consistency,
                List<PendingPenalty> pending) {

    DeskView {
        review = List.copyOf(review);
        pending = List.copyOf(pending);
    }

    /**
     * @param expected marks expected of the panel's judges: for each judge, every aspect of every entry they are not
     *                 recused from
     * @param received current marks given
     */
    record Progress(int entries, long expected, long received, List<JudgeProgress> judges,
                    List<AspectProgress> aspects) {

        Progress {
            judges = List.copyOf(judges);
            aspects = List.copyOf(aspects);
        }
    }

    /**
     * One judge's progress. The chief judge is listed only if they marked.
     *
     * @param entries        entries the judge is to mark (not recused)
     * @param sheets         entries the judge has sent a sheet for
     * @param expected       marks expected of the judge
     * @param received       marks the judge gave
     */
    record JudgeProgress(long judgeId, String name, PanelRole role, int entries, int sheets, long expected,
                         long received) {
    }

    record AspectProgress(String aspectId, long expected, long received) {
    }

    /**
     * An entry whose result needs review, by registration number.
     *
     * @param registrationNumber absent for the chief judge of a blind event until identities are revealed
     * @param aspects the aspects judges disagree on beyond the scheme's allowed spread, each with the current marks
     */
    record Review(long registrationId, Integer registrationNumber, String stationNumber, List<ReviewAspect> aspects) {

        Review {
            aspects = List.copyOf(aspects);
        }

        /** The entry as a blind event shows it to judges: its station, nothing that would tell who. */
        Review withoutIdentity() {
            return new Review(registrationId, null, stationNumber, aspects);
        }
    }

    record ReviewAspect(String aspectId, List<JudgeMark> marks) {

        ReviewAspect {
            marks = List.copyOf(marks);
        }
    }

    record JudgeMark(long judgeId, BigDecimal value) {
    }

    /**
     * @param judgementSpread the scheme's allowed spread of judgement scores: judgement marks further from their
     *                        panel's mean than this are outliers, judgement panels wider than this need review
     * @param aspects         per aspect, by id; a MEASUREMENT panel counts as apart when its judges differ at all
     * @param judges          per judge, by id, over judgement aspects only (the one scale all judges share, 0–3)
     */
    record Consistency(int judgementSpread, List<AspectSpread> aspects, List<JudgeLeniency> judges) {

        Consistency {
            aspects = List.copyOf(aspects);
            judges = List.copyOf(judges);
        }
    }

    /**
     * @param panels      entries marked on the aspect
     * @param maxSpread   the widest panel: highest minus lowest mark
     * @param meanSpread  the mean panel spread, to 3 places
     * @param panelsApart panels wider than the allowed spread
     */
    record AspectSpread(String aspectId, int panels, BigDecimal maxSpread, BigDecimal meanSpread, int panelsApart) {
    }

    /**
     * @param marks         judgement marks the judge gave
     * @param meanDeviation the mean of (the judge's score − their panel's mean), to 3 places: above 0 lenient,
     *                      below 0 severe
     * @param outliers      scores further from their panel's mean than the allowed spread
     */
    record JudgeLeniency(long judgeId, int marks, BigDecimal meanDeviation, int outliers) {
    }

    /**
     * A deduction or disqualification waiting for the chief judge (decided with
     * {@code POST /api/events/{eventId}/penalties/{penaltyId}/decision}).
     *
     * @param aspectId  the DEDUCTION aspect (absent for a disqualification)
     * @param points    points to deduct (absent for a disqualification)
     * @param reason    why the judge recorded it
     * @param judgeId   the judge who recorded it
     * @param judgeName that judge's name
     */
    record PendingPenalty(long penaltyId, long registrationId, Integer registrationNumber, String stationNumber,
                          PenaltyKind kind, String aspectId, BigDecimal points, String reason, long judgeId,
                          String judgeName, Instant recordedAt) {

        /** As a blind event shows it to judges: by station, nothing that would tell who. */
        PendingPenalty withoutIdentity() {
            return new PendingPenalty(penaltyId, registrationId, null, stationNumber, kind, aspectId, points, reason,
                    judgeId, judgeName, recordedAt);
        }
    }
}
