package io.jingsai.api.event;

import io.jingsai.api.shared.FieldProblem;
import reactor.core.publisher.Flux;

/**
 * Something that must be settled before an event's results go out for public review (REVIEW) or are published: an
 * entry without a complete result, an aspect that needs review, a deduction awaiting approval, an unresolved tie
 * where ranks may not be shared. The feature that knows implements it; the event's lifecycle asks every one and
 * refuses the step with all their reasons.
 */
public interface PublicationCheck {

    /**
     * What stands in the way, each as a subject (such as {@code registration/42}) and a rule key of the message
     * catalogue; empty when nothing does.
     */
    Flux<FieldProblem> blockers(long eventId);
}
