package io.jingsai.api.registration;

import reactor.core.publisher.Mono;

/**
 * A feature that must hear, in the transaction that makes it, that an entry was recorded absent or that its absence
 * was taken back: the results, whose stored result of the entry changes version so that the public boards take the
 * entry off or put it back. Implementations join the caller's transaction and must not fail for an entry they know
 * nothing of.
 */
public interface EntryAbsence {

    Mono<Void> absenceChanged(long eventId, long registrationId);
}
