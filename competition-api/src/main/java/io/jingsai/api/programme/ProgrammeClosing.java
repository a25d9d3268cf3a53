package io.jingsai.api.programme;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.FieldProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What closing a programme requires, and who hears of it. A closed programme never reopens, so its tiers must be final
 * when it closes: every event PUBLISHED (published results never change; an event that will not be held is removed
 * first, which is allowed until it starts marking), and the project evaluation PUBLISHED once any project has values.
 * A programme called off before anything was marked or evaluated therefore closes as before. Once the row says
 * CLOSED, every {@link ProgrammeClosed} follower hears of it in the same transaction (the tier members'
 * certificates).
 */
@Component
class ProgrammeClosing {

    private final StarStore events;
    private final EvaluationStore evaluations;
    private final ObjectProvider<ProgrammeClosed> followers;

    ProgrammeClosing(StarStore events, EvaluationStore evaluations, ObjectProvider<ProgrammeClosed> followers) {
        this.events = events;
        this.evaluations = evaluations;
        this.followers = followers;
    }

    /**
     * Completes empty when the programme may close; otherwise fails with 409 {@code programme.notFinal}, every reason
     * listed: each event not PUBLISHED (at {@code event/<id>}), and an evaluation with values that is not PUBLISHED
     * (at {@code projectEvaluation}). Call it with the programme's row locked, so that no evaluation step slips in.
     */
    Mono<Void> requireFinal(long programmeId) {
        Flux<FieldProblem> unpublishedEvents = events.events(programmeId)
                .filter(event -> event.status() != EventStatus.PUBLISHED)
                .map(event -> FieldProblem.of("event/" + event.id(), "programme.eventNotPublished", event.id(),
                        event.status()));
        Mono<FieldProblem> unpublishedEvaluation = evaluations.round(programmeId)
                .filter(round -> round.status() != EvaluationStatus.PUBLISHED)
                .filterWhen(round -> evaluations.evaluations(programmeId).hasElements())
                .map(round -> FieldProblem.of("projectEvaluation", "programme.evaluationNotPublished",
                        round.status()));
        return unpublishedEvents.concatWith(unpublishedEvaluation).collectList()
                .flatMap(reasons -> reasons.isEmpty() ? Mono.empty()
                        : Mono.error(ConflictException.because(reasons, "programme.notFinal", programmeId,
                                reasons.size())));
    }

    /** Tells every follower, in order, in the caller's transaction. */
    Mono<Void> closed(long programmeId, String actor) {
        return Flux.fromStream(followers.orderedStream())
                .concatMap(follower -> follower.closed(programmeId, actor))
                .then();
    }

    /** Whether a programme that was {@code from} becomes closed by a change to {@code to} (null keeps it). */
    static boolean closes(ProgrammeStatus from, ProgrammeStatus to) {
        return from != ProgrammeStatus.CLOSED && to == ProgrammeStatus.CLOSED;
    }
}
