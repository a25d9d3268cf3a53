package io.jingsai.api.judging;

import java.util.List;

import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Role;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.judging.MarkingGuards.LockedEvent;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Mono;

/**
 * The rule of corrections, written once for score sheets and officials' records: once marking has closed, during
 * public review (REVIEW) and only then, the event's chief judge corrects, giving a reason; published results are
 * final.
 */
final class Corrections {

    private Corrections() {
    }

    /**
     * Completes empty when the caller may correct now; else 403 {@code correction.chiefJudgeOnly}, 409
     * {@code correction.resultsFinal}, or 400 {@code correction.reason} at {@code reason}.
     *
     * @param reason why, or null when none was given
     */
    static Mono<Void> require(LockedEvent event, Caller caller, String reason) {
        if (!caller.holdsOnEvent(event.id(), event.programmeId(), List.of(Role.CHIEF_JUDGE))) {
            return Mono.error(AccessRefusedException.forbidden("correction.chiefJudgeOnly", event.id(),
                    event.status()));
        }
        if (event.status() != EventStatus.REVIEW) {
            return Mono.error(new ConflictException("correction.resultsFinal", event.id(), event.status()));
        }
        if (reason == null) {
            return Mono.error(RejectedRequestException.of("reason", "correction.reason"));
        }
        return Mono.empty();
    }
}
