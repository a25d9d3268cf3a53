package io.jingsai.api.event;

import java.util.EnumSet;
import java.util.Set;

import io.jingsai.api.shared.Stage;

/**
 * Where an event (赛项) is in its life. It starts as a {@link #DRAFT}; registration happens while {@link #OPEN};
 * from {@link #MARKING} on, marks may exist, so the marking scheme is frozen and the event cannot be removed.
 * Results go out for public review ({@link #REVIEW}, 公示), back to marking if a complaint is upheld, and are then
 * {@link #PUBLISHED} for good.
 */
public enum EventStatus implements Stage<EventStatus> {
    DRAFT, OPEN, MARKING, REVIEW, PUBLISHED;

    /** The statuses this one may move to. */
    @Override
    public Set<EventStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(OPEN);
            case OPEN -> EnumSet.of(DRAFT, MARKING);
            case MARKING -> EnumSet.of(REVIEW);
            case REVIEW -> EnumSet.of(MARKING, PUBLISHED);
            case PUBLISHED -> EnumSet.noneOf(EventStatus.class);
        };
    }

    /** The steps a chief judge may take: closing marking, and reopening it during review. */
    boolean isJudgesStep(EventStatus target) {
        return this == MARKING && target == REVIEW || this == REVIEW && target == MARKING;
    }

    /** From REVIEW on, marking has closed (it may be reopened during review). */
    boolean hasClosedMarking() {
        return compareTo(REVIEW) >= 0;
    }

    /** From MARKING on, marks may exist: the scheme they were given under must not change. */
    boolean hasMarks() {
        return compareTo(MARKING) >= 0;
    }
}
