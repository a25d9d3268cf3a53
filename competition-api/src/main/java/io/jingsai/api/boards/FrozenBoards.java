package io.jingsai.api.boards;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.jingsai.api.result.CurrentResults.CurrentResult;
import reactor.core.publisher.Mono;

/**
 * What other features showing results to the public need to know of an event's board freeze (封榜): the programme's
 * star board ranks a frozen event by the results frozen, never past them.
 */
@Component
public class FrozenBoards {

    /**
     * An event's freeze as other boards follow it.
     *
     * @param revision grows with every change of the freeze (0: never frozen), so that a follower knows to read again
     * @param results  the results frozen, empty while the public board is live
     */
    public record Freeze(long revision, Optional<List<CurrentResult>> results) {
    }

    private final BoardFreezeStore store;

    FrozenBoards(BoardFreezeStore store) {
        this.store = store;
    }

    /** The event's freeze now (an event never frozen: revision 0, live). */
    public Mono<Freeze> of(long eventId) {
        return store.stateWithResults(eventId).map(state -> new Freeze(state.revision(),
                state.frozenAt() == null ? Optional.empty() : Optional.of(state.results())));
    }
}
