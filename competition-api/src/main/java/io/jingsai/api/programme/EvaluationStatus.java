package io.jingsai.api.programme;

import java.util.EnumSet;
import java.util.Set;

import io.jingsai.api.shared.Stage;

/**
 * Where the evaluation of a programme's projects is, like an event's results: values are {@link #ENTERED}, checked
 * in {@link #REVIEWED} (public review, 公示, corrections still possible) and then {@link #PUBLISHED}. A step back
 * (from review to entry, or a correction after publication) needs a reason. Values change only before publication.
 */
public enum EvaluationStatus implements Stage<EvaluationStatus> {
    ENTERED, REVIEWED, PUBLISHED;

    /** The statuses this one may move to. */
    @Override
    public Set<EvaluationStatus> next() {
        return switch (this) {
            case ENTERED -> EnumSet.of(REVIEWED);
            case REVIEWED -> EnumSet.of(ENTERED, PUBLISHED);
            case PUBLISHED -> EnumSet.of(REVIEWED);
        };
    }

    boolean takesValues() {
        return this != PUBLISHED;
    }

    /**
     * Whether the organizers have released the project board: from public review (公示) on. Its public board shows it
     * then, provisional while REVIEWED; values still being ENTERED are nobody's but the organizers'.
     */
    boolean released() {
        return this != ENTERED;
    }
}
