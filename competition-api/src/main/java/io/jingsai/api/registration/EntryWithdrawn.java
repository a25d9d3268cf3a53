package io.jingsai.api.registration;

import reactor.core.publisher.Mono;

/**
 * A feature that must hear of a withdrawal in the transaction that makes it: the results, whose stored result of the
 * entry changes version so that the public boards take the entry off. Implementations join the caller's
 * transaction and must not fail for an entry they know nothing of.
 */
public interface EntryWithdrawn {

    Mono<Void> withdrawn(long eventId, long registrationId);
}
