package io.jingsai.api.programme;

import reactor.core.publisher.Mono;

/**
 * A feature that must hear of a programme's closing in the transaction that closes it: the certificates of its tier
 * members. Called once the programme's row says CLOSED (and only on the step to CLOSED, never when a closed programme
 * is saved again); implementations join the caller's transaction, and a failure undoes the closing.
 */
public interface ProgrammeClosed {

    /**
     * @param actor the account that closed the programme, as it signed in
     */
    Mono<Void> closed(long programmeId, String actor);
}
