package io.jingsai.api.registration;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.ExplainedException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Mono;

/**
 * Who may enter an event: events take entries while DRAFT or OPEN; individual events take contestants and team
 * events teams; an entrant's trade, where it has one, must be the event's trade.
 */
@Component
class EventEntryRules {

    private static final List<String> TAKING_ENTRIES = List.of("DRAFT", "OPEN");

    record Event(long id, String status, String entryKind, long tradeId) {
    }

    private final DatabaseClient database;

    EventEntryRules(DatabaseClient database) {
        this.database = database;
    }

    /** Reads and locks the event, so registration numbers are handed out one at a time per event. */
    Mono<Event> lockEvent(long eventId) {
        return database.sql("SELECT id, status, entry_kind, trade_id FROM event WHERE id = :id FOR UPDATE")
                .bind("id", eventId)
                .map(row -> new Event(row.get("id", Long.class), row.get("status", String.class),
                        row.get("entry_kind", String.class), row.get("trade_id", Long.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)));
    }

    /** 404 unless the event exists; takes no lock (for reads). */
    Mono<Void> requireExists(long eventId) {
        return database.sql("SELECT 1 FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> 1).one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .then();
    }

    Mono<Event> requireTakingEntries(Event event) {
        if (!TAKING_ENTRIES.contains(event.status())) {
            return Mono.error(new ConflictException("event.notTakingEntries", event.id(), event.status()));
        }
        return Mono.just(event);
    }

    Mono<Void> requireEligible(Event event, RegistrationCommand command) {
        boolean team = "TEAM".equals(event.entryKind());
        // Exactly one entrant is given (the command checks that): report the one that does not fit the event.
        if (team && command.teamId() == null) {
            return Mono.error(RejectedRequestException.of("contestantId", "entrant.teamEvent", event.id()));
        }
        if (!team && command.contestantId() == null) {
            return Mono.error(RejectedRequestException.of("teamId", "entrant.individualEvent", event.id()));
        }
        String field = team ? "teamId" : "contestantId";
        String table = team ? "team" : "contestant";
        long entrant = team ? command.teamId() : command.contestantId();
        return database.sql("SELECT trade_id FROM " + table + " WHERE id = :id")
                .bind("id", entrant)
                .map(row -> java.util.Optional.ofNullable(row.get("trade_id", Long.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> RejectedRequestException.of(
                        ExistingReferences.missing(field, table, entrant))))
                .flatMap(trade -> trade.isPresent() && trade.get() != event.tradeId()
                        ? Mono.error(RejectedRequestException.of(FieldProblem.of(field, "entrant.otherTrade",
                                ExplainedException.resource(table), entrant, trade.get(), event.tradeId())))
                        : Mono.empty());
    }

    Mono<Integer> nextRegistrationNumber(long eventId) {
        return database.sql("SELECT COALESCE(MAX(registration_number), 0) + 1 AS next FROM registration "
                        + "WHERE event_id = :event")
                .bind("event", eventId)
                .map(row -> row.get("next", Integer.class))
                .one();
    }
}
