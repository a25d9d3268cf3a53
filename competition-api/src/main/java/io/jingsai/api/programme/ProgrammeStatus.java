package io.jingsai.api.programme;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a programme is in its year. A programme starts in {@link #PLANNING}; it may be called off from PLANNING
 * straight to {@link #CLOSED}; a closed programme never reopens (its results and fund allocation are final).
 */
public enum ProgrammeStatus {
    /** 筹备: being set up; projects and events are added. */
    PLANNING,
    /** 进行中: contests are running and results come in. */
    RUNNING,
    /** 结束: finished or called off; nothing changes any more. */
    CLOSED;

    /** The statuses this one may move to (staying put is always allowed). */
    Set<ProgrammeStatus> next() {
        return switch (this) {
            case PLANNING -> EnumSet.of(RUNNING, CLOSED);
            case RUNNING -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(ProgrammeStatus.class);
        };
    }

    boolean mayBecome(ProgrammeStatus target) {
        return target == this || next().contains(target);
    }
}
