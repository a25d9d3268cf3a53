package io.jingsai.api.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * events teams; a contestant must be in the event's trade, and so must a team (where it names a trade) and every
 * one of its members.
 */
@Component
class EventEntryRules {

    private static final List<String> TAKING_ENTRIES = List.of("DRAFT", "OPEN");
    private static final String PUBLISHED = "PUBLISHED";
    private static final String MARKING = "MARKING";

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

    /**
     * Before marking begins a registration may still be changed by replacing it (PUT); from MARKING on, marks may
     * exist, and what a registration holds changes only by withdrawal, which keeps and records it.
     */
    Mono<Event> requireBeforeMarking(Event event, long registrationId) {
        if (!TAKING_ENTRIES.contains(event.status())) {
            return Mono.error(new ConflictException("registration.withdrawInstead", event.id(), event.status(),
                    registrationId));
        }
        return Mono.just(event);
    }

    /** Published results are final: nobody is withdrawn from them afterwards. */
    Mono<Event> requireResultsNotPublished(Event event) {
        if (PUBLISHED.equals(event.status())) {
            return Mono.error(new ConflictException("registration.resultsFinal", event.id()));
        }
        return Mono.just(event);
    }

    /** An entry is recorded absent, or back, only while the event is MARKING (the day it is held). */
    Mono<Event> requireMarking(Event event) {
        if (!MARKING.equals(event.status())) {
            return Mono.error(new ConflictException("registration.absenceNotMarking", event.id(), event.status()));
        }
        return Mono.just(event);
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
        return team ? requireTeamInTrade(event, command.teamId())
                : requireContestantInTrade(event, command.contestantId());
    }

    private Mono<Void> requireContestantInTrade(Event event, long contestant) {
        return database.sql("SELECT trade_id FROM contestant WHERE id = :id")
                .bind("id", contestant)
                .map(row -> row.get("trade_id", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> RejectedRequestException.of(
                        ExistingReferences.missing("contestantId", "contestant", contestant))))
                .flatMap(trade -> trade == event.tradeId() ? Mono.<Void>empty()
                        : Mono.error(RejectedRequestException.of(FieldProblem.of("contestantId", "entrant.otherTrade",
                                ExplainedException.resource("contestant"), contestant, trade, event.tradeId()))));
    }

    /**
     * A team enters a trade's event only if it competes in that trade: its own trade, where it has one, and the
     * trade of every member are the event's, as for a contestant entering alone.
     */
    private Mono<Void> requireTeamInTrade(Event event, long team) {
        return database.sql("""
                        SELECT t.trade_id,
                               ARRAY(SELECT m.contestant_id FROM team_member m
                                     JOIN contestant c ON c.id = m.contestant_id
                                     WHERE m.team_id = t.id AND c.trade_id <> :trade
                                     ORDER BY m.position) AS members_elsewhere
                        FROM team t WHERE t.id = :id""")
                .bind("id", team)
                .bind("trade", event.tradeId())
                .map(row -> new TeamTrades(Optional.ofNullable(row.get("trade_id", Long.class)),
                        List.of(row.get("members_elsewhere", Long[].class))))
                .one()
                .switchIfEmpty(Mono.error(() -> RejectedRequestException.of(
                        ExistingReferences.missing("teamId", "team", team))))
                .flatMap(trades -> {
                    List<FieldProblem> problems = new ArrayList<>();
                    trades.team().filter(trade -> trade != event.tradeId()).ifPresent(trade -> problems.add(
                            FieldProblem.of("teamId", "entrant.otherTrade", ExplainedException.resource("team"), team,
                                    trade, event.tradeId())));
                    if (!trades.membersElsewhere().isEmpty()) {
                        problems.add(FieldProblem.of("teamId", "team.membersInOtherTrades", team, event.tradeId(),
                                trades.membersElsewhere()));
                    }
                    return problems.isEmpty() ? Mono.<Void>empty() : Mono.error(new RejectedRequestException(problems));
                });
    }

    private record TeamTrades(Optional<Long> team, List<Long> membersElsewhere) {
    }

    Mono<Integer> nextRegistrationNumber(long eventId) {
        return database.sql("SELECT COALESCE(MAX(registration_number), 0) + 1 AS next FROM registration "
                        + "WHERE event_id = :event")
                .bind("event", eventId)
                .map(row -> row.get("next", Integer.class))
                .one();
    }
}
