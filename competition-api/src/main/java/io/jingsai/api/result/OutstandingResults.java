package io.jingsai.api.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.jingsai.api.event.BlindMarking;
import io.jingsai.api.event.PublicationCheck;
import io.jingsai.api.shared.FieldProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What keeps an event's results from public review and publication: an entry that competes (neither withdrawn nor
 * absent) and has no
 * result, or one that is not complete (marks missing, an aspect to review); and, where the event forbids shared
 * ranks, a tie its chain does not break. A disqualified entry's result is settled. Entries of a blind event are named
 * by station until identities are revealed: the chief judge who closes marking reads these reasons.
 */
@Component
class OutstandingResults implements PublicationCheck {

    private final ResultStore store;
    private final ResultService results;
    private final BlindMarking blindMarking;

    OutstandingResults(ResultStore store, ResultService results, BlindMarking blindMarking) {
        this.store = store;
        this.results = results;
        this.blindMarking = blindMarking;
    }

    @Override
    public Flux<FieldProblem> blockers(long eventId) {
        Mono<List<FieldProblem>> entries = Mono.zip(
                        store.entries(eventId).filter(entry -> entry.status().competes())
                                .collectList(),
                        store.storedOfEvent(eventId).collectMap(stored -> stored.entry().id(), Function.identity()),
                        blindMarking.hidesIdentities(eventId))
                .map(found -> unsettled(found.getT1(), found.getT2(), found.getT3()));
        Mono<List<FieldProblem>> ties = results.standings(eventId)
                .map(standings -> standings.unresolvedTies()
                        ? List.of(new FieldProblem("results", "publication.unresolvedTie")) : List.<FieldProblem>of());
        return entries.concatWith(ties).flatMapIterable(Function.identity());
    }

    private static List<FieldProblem> unsettled(List<ResultStore.Entry> entries,
                                                Map<Long, ResultStore.Stored> stored, boolean byStation) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ResultStore.Entry entry : entries) {
            ResultStore.Stored result = stored.get(entry.id());
            String subject = "registration/" + entry.id();
            boolean atStation = byStation && entry.station() != null;
            if (result == null) {
                problems.add(atStation ? FieldProblem.of(subject, "publication.noResultAtStation", entry.station())
                        : FieldProblem.of(subject, "publication.noResult", entry.number()));
            } else if (result.result().status() == EntryResultStatus.INCOMPLETE
                    || result.result().status() == EntryResultStatus.NEEDS_REVIEW) {
                EntryResultStatus status = result.result().status();
                problems.add(atStation
                        ? FieldProblem.of(subject, "publication.notCompleteAtStation", entry.station(), status)
                        : FieldProblem.of(subject, "publication.notComplete", entry.number(), status));
            }
        }
        return problems;
    }
}
