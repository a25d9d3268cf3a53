package io.jingsai.api.shared;

import java.util.List;

/** The rules every step of a {@link Stage} life follows, written once. */
public final class Steps {

    private Steps() {
    }

    /**
     * Refuses a step that {@code from} does not allow (409 {@code status.transition}, listing the allowed ones), and
     * a step back without a reason (400 {@code status.stepBackReason} at {@code reason}).
     *
     * @param resource the kind of thing moving (a key under {@code resource.} in the message catalogue)
     * @param reason   why, or null when none was given
     */
    public static <S extends Enum<S> & Stage<S>> void require(String resource, long id, S from, S to, String reason) {
        if (!from.next().contains(to)) {
            throw new ConflictException("status.transition", ExplainedException.resource(resource), id, from, to,
                    ExplainedException.listOrNone(List.copyOf(from.next())));
        }
        if (to.compareTo(from) < 0 && reason == null) {
            throw RejectedRequestException.of("reason", "status.stepBackReason", from, to);
        }
    }
}
