package io.jingsai.api.programme;

import java.util.List;

import io.jingsai.api.result.ResultChangesFollowed;

/**
 * Why a tier's membership was recomputed when an entry or exit was recorded; stored with each history row.
 *
 * @param kind          what happened
 * @param resultChanges RESULT_CHANGED: the committed result changes followed (outbox id, event, registration); a
 *                      mark, a correction, a withdrawal, an absence or a penalty's decision all reach the tiers so
 *                      (a correction after publication for review is a result change of its registration)
 * @param eventId       EVENT_STEP: the event that moved (to PUBLISHED: its publication)
 * @param projectId     PROJECT_EVALUATED: the project whose values were entered
 * @param from          EVENT_STEP, EVALUATION_STEP: the status before
 * @param to            EVENT_STEP, EVALUATION_STEP: the status after
 * @param by            the account that acted; absent for result changes (followed after commit, by no one)
 */
record TierCause(Kind kind, List<ResultChangesFollowed.Change> resultChanges, Long eventId, Long projectId,
                 String from, String to, String by) {

    enum Kind {
        /** Results changed (the outbox of result changes, followed on every instance). */
        RESULT_CHANGED,
        /** An event's step of life: its publication (PUBLISHED), going out for review, marking reopened. */
        EVENT_STEP,
        /** A project's KPI values were entered or changed: the project board was scored again. */
        PROJECT_EVALUATED,
        /** The project evaluation moved: its publication, or a correction after it (back to REVIEWED). */
        EVALUATION_STEP
    }

    static TierCause resultsChanged(List<ResultChangesFollowed.Change> changes) {
        return new TierCause(Kind.RESULT_CHANGED, List.copyOf(changes), null, null, null, null, null);
    }

    static TierCause eventStep(long eventId, Enum<?> from, Enum<?> to, String by) {
        return new TierCause(Kind.EVENT_STEP, null, eventId, null, from.name(), to.name(), by);
    }

    static TierCause projectEvaluated(long projectId, String by) {
        return new TierCause(Kind.PROJECT_EVALUATED, null, null, projectId, null, null, by);
    }

    static TierCause evaluationStep(Enum<?> from, Enum<?> to, String by) {
        return new TierCause(Kind.EVALUATION_STEP, null, null, null, from.name(), to.name(), by);
    }
}
