package io.jingsai.api.programme;

import java.util.EnumSet;
import java.util.Set;

import io.jingsai.api.event.EventStatus;

/** Which results of a programme its boards count: the events of the stars board, and the projects' evaluation. */
public enum StarBasis {
    /** Every event with results: final standings where marking has closed, the complete results so far elsewhere. */
    LIVE(EnumSet.of(EventStatus.MARKING, EventStatus.REVIEW, EventStatus.PUBLISHED)),
    /** Events whose marking has closed (REVIEW, PUBLISHED): their final standings. */
    FINAL(EnumSet.of(EventStatus.REVIEW, EventStatus.PUBLISHED)),
    /** Published events only: what the incentive fund is allocated from. */
    PUBLISHED(EnumSet.of(EventStatus.PUBLISHED));

    private final Set<EventStatus> counted;

    StarBasis(Set<EventStatus> counted) {
        this.counted = counted;
    }

    boolean counts(EventStatus status) {
        return counted.contains(status);
    }

    /**
     * Whether the tiers of the project board count on this basis (for the enterprises index): LIVE the board as it
     * stands, FINAL once the evaluation is REVIEWED or PUBLISHED, PUBLISHED once it is PUBLISHED.
     */
    boolean countsProjects(EvaluationStatus status) {
        return switch (this) {
            case LIVE -> true;
            case FINAL -> status.released();
            case PUBLISHED -> status == EvaluationStatus.PUBLISHED;
        };
    }
}
