package io.jingsai.api.boards;

import java.util.Collection;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the public boards read besides results: whether an event is public yet, which events are, and how their
 * entries are named in public (contestant or team, and enterprise; nothing personal beyond the name).
 */
@Component
class BoardStore {

    private static final String PUBLIC = "SELECT " + isPublic("event") + " AS public FROM event WHERE id = :eventId";

    /** Newest first: the id is unique, so pages never overlap. */
    private static final String PUBLIC_EVENTS = "SELECT e.id, e.name, e.trade_id, t.name_zh AS trade_name, "
            + "t.name_en AS trade_name_en, e.status FROM event e JOIN trade t ON t.id = e.trade_id "
            + "WHERE " + isPublic("e") + " ORDER BY e.id DESC LIMIT :limit OFFSET :offset";

    private static final String PUBLIC_EVENT_COUNT = "SELECT COUNT(*) AS total FROM event WHERE " + isPublic("event");

    private static final String LABELS = """
            SELECT r.id, COALESCE(c.name, t.name) AS entrant, e.name AS enterprise
            FROM registration r
                LEFT JOIN contestant c ON c.id = r.contestant_id
                LEFT JOIN team t ON t.id = r.team_id
                LEFT JOIN enterprise e ON e.id = COALESCE(c.enterprise_id, t.enterprise_id)
            WHERE r.event_id = :eventId""";

    /** How an entry is named on a public board. */
    record Label(long registrationId, String entrant, String enterprise) {
    }

    private final DatabaseClient database;

    BoardStore(DatabaseClient database) {
        this.database = database;
    }

    /** Whether an event's board is public ({@link BoardPublicity}). */
    private static String isPublic(String event) {
        return BoardPublicity.condition(event);
    }

    /** True if the event's board is public, false if it is not yet, empty if there is no such event. */
    Mono<Boolean> isPublic(long eventId) {
        return database.sql(PUBLIC).bind("eventId", eventId)
                .map(row -> Boolean.TRUE.equals(row.get("public", Boolean.class)))
                .one();
    }

    /** A page of the events whose boards are public, newest first, and how many there are in all. */
    Mono<PageView<PublicEventView>> publicEvents(PageQuery paging) {
        Mono<List<PublicEventView>> events = database.sql(PUBLIC_EVENTS)
                .bind("limit", paging.size()).bind("offset", paging.offset())
                .map(row -> new PublicEventView(row.get("id", Long.class), row.get("name", String.class),
                        row.get("trade_id", Long.class), row.get("trade_name", String.class),
                        row.get("trade_name_en", String.class), EventStatus.valueOf(row.get("status", String.class))))
                .all().collectList();
        Mono<Long> total = database.sql(PUBLIC_EVENT_COUNT).map(row -> row.get("total", Long.class)).one();
        return Mono.zip(events, total, (items, count) -> new PageView<>(items, count, paging.page(),
                paging.size()));
    }

    /** The names of the event's entries: all of them when {@code registrationIds} is null. */
    Flux<Label> labels(long eventId, Collection<Long> registrationIds) {
        DatabaseClient.GenericExecuteSpec query = registrationIds == null
                ? database.sql(LABELS)
                : database.sql(LABELS + " AND r.id = ANY(:ids)").bind("ids", registrationIds.toArray(Long[]::new));
        return query.bind("eventId", eventId)
                .map(row -> new Label(row.get("id", Long.class), row.get("entrant", String.class),
                        row.get("enterprise", String.class)))
                .all();
    }
}
