package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of the tier history: the recording lock of each programme, its membership as last recorded, and the
 * entries and exits appended. Written only by {@link TierRecorder}, inside its transaction.
 */
@Component
class TierHistoryStore {

    private static final String HISTORY_COLUMNS = "h.id, h.basis, h.tier, h.subject_id, h.subject_name, h.movement, "
            + "h.rank, h.score, c.cause, h.recorded_at";

    /** What the history lists: all of a programme's rows, or those of a basis, tier, subject or time. */
    record Filter(TierBasis basis, FundTier tier, Long subjectId, Instant from, Instant to) {
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    TierHistoryStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Locks the programme's recording until the transaction ends: one writer of its membership at a time. In a
     * repeatable-read transaction this fails with a serialization failure when another writer changed the membership
     * after the transaction's snapshot was taken (its rows would not be seen); the caller then tries again.
     */
    Mono<Void> lock(long programmeId, Instant now) {
        return db.sql("INSERT INTO tier_recording (programme_id, revision, recorded_at) VALUES (:p, 0, :now) "
                        + "ON CONFLICT (programme_id) DO NOTHING")
                .bind("p", programmeId).bind("now", now)
                .fetch().rowsUpdated()
                .then(db.sql("SELECT revision FROM tier_recording WHERE programme_id = :p FOR UPDATE")
                        .bind("p", programmeId).fetch().first())
                .then();
    }

    /** The programme of an event. */
    Mono<Long> programmeOf(long eventId) {
        return db.sql("SELECT programme_id FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> row.get("programme_id", Long.class)).one();
    }

    /** The programme of each event → its id; an event removed meanwhile is left out. */
    Mono<Map<Long, Long>> programmesOf(List<Long> eventIds) {
        return db.sql("SELECT id, programme_id FROM event WHERE id = ANY(:ids)")
                .bind("ids", eventIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("id", Long.class), row.get("programme_id", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The members of the basis as last recorded → their names then. */
    Mono<Map<TierMembership.Key, String>> members(long programmeId, TierBasis basis) {
        return db.sql("SELECT tier, subject_id, subject_name FROM tier_membership "
                        + "WHERE programme_id = :p AND basis = :basis")
                .bind("p", programmeId).bind("basis", basis.name())
                .map(row -> Map.entry(new TierMembership.Key(FundTier.valueOf(row.get("tier", String.class)),
                        row.get("subject_id", Long.class)), row.get("subject_name", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    /**
     * Appends the moves, in their order, with their cause (stored once for all of them), and brings the stored
     * membership up to them; the revision moves on, so that a writer reading an older membership is refused at
     * {@link #lock}. One statement for the history, one for each kind of membership change, whatever the number of
     * moves: a round of a large programme enters and exits hundreds of stars.
     */
    Mono<Void> record(long programmeId, TierBasis basis, List<TierMembership.Move> moves, TierCause cause,
                      Instant now) {
        List<TierMembership.Place> entered = moves.stream()
                .filter(move -> move.movement() == TierMovement.ENTERED).map(TierMembership.Move::place).toList();
        List<TierMembership.Place> left = moves.stream()
                .filter(move -> move.movement() == TierMovement.LEFT).map(TierMembership.Move::place).toList();
        return append(programmeId, basis, moves, Json.of(json.writeValueAsBytes(cause)), now)
                .then(entered.isEmpty() ? Mono.empty() : enter(programmeId, basis, entered, now))
                .then(left.isEmpty() ? Mono.empty() : leave(programmeId, basis, left))
                .then(db.sql("UPDATE tier_recording SET revision = revision + 1, recorded_at = :now "
                                + "WHERE programme_id = :p")
                        .bind("p", programmeId).bind("now", now).fetch().rowsUpdated())
                .then();
    }

    private Mono<Long> append(long programmeId, TierBasis basis, List<TierMembership.Move> moves, Json cause,
                              Instant now) {
        // ORDER BY the moves' order: the ids are drawn in it, and the history lists by id
        return db.sql("WITH cause AS (INSERT INTO tier_cause (programme_id, cause) VALUES (:p, :cause) RETURNING id) "
                        + "INSERT INTO tier_history (programme_id, basis, tier, subject_id, subject_name, movement, "
                        + "rank, score, cause_id, recorded_at) "
                        + "SELECT :p, :basis, m.tier, m.subject_id, m.subject_name, m.movement, m.rank::integer, "
                        + "m.score::numeric, cause.id, :now FROM cause, unnest(:tiers::varchar[], "
                        + ":subjects::bigint[], :names::varchar[], :movements::varchar[], :ranks::text[], "
                        + ":scores::text[]) WITH ORDINALITY AS m(tier, subject_id, subject_name, movement, rank, "
                        + "score, n) ORDER BY m.n")
                .bind("p", programmeId).bind("basis", basis.name()).bind("cause", cause).bind("now", now)
                .bind("tiers", column(moves, move -> move.place().key().tier().name()))
                .bind("subjects", subjects(moves, move -> move.place().key()))
                .bind("names", column(moves, move -> move.place().name()))
                .bind("movements", column(moves, move -> move.movement().name()))
                .bind("ranks", column(moves, move -> text(move.place().rank())))
                .bind("scores", column(moves, move -> move.place().score() == null ? null
                        : move.place().score().toPlainString()))
                .fetch().rowsUpdated();
    }

    private Mono<Long> enter(long programmeId, TierBasis basis, List<TierMembership.Place> places, Instant now) {
        return db.sql("INSERT INTO tier_membership (programme_id, basis, tier, subject_id, subject_name, since) "
                        + "SELECT :p, :basis, m.tier, m.subject_id, m.subject_name, :now "
                        + "FROM unnest(:tiers::varchar[], :subjects::bigint[], :names::varchar[]) "
                        + "AS m(tier, subject_id, subject_name)")
                .bind("p", programmeId).bind("basis", basis.name()).bind("now", now)
                .bind("tiers", column(places, place -> place.key().tier().name()))
                .bind("subjects", subjects(places, TierMembership.Place::key))
                .bind("names", column(places, TierMembership.Place::name))
                .fetch().rowsUpdated();
    }

    private Mono<Long> leave(long programmeId, TierBasis basis, List<TierMembership.Place> places) {
        return db.sql("DELETE FROM tier_membership WHERE programme_id = :p AND basis = :basis "
                        + "AND (tier, subject_id) IN (SELECT * FROM unnest(:tiers::varchar[], :subjects::bigint[]))")
                .bind("p", programmeId).bind("basis", basis.name())
                .bind("tiers", column(places, place -> place.key().tier().name()))
                .bind("subjects", subjects(places, TierMembership.Place::key))
                .fetch().rowsUpdated();
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static <T> Long[] subjects(List<T> rows, Function<T, TierMembership.Key> key) {
        return rows.stream().map(row -> key.apply(row).subjectId()).toArray(Long[]::new);
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    /** One page of the programme's history matching {@code filter}, oldest first. */
    Mono<PageView<TierHistoryEntry>> history(long programmeId, Filter filter, PageQuery page) {
        List<String> conditions = new ArrayList<>(List.of("h.programme_id = :p"));
        Map<String, Object> binds = new LinkedHashMap<>(Map.of("p", programmeId));
        condition(conditions, binds, "h.basis = :basis", "basis",
                filter.basis() == null ? null : filter.basis().name());
        condition(conditions, binds, "h.tier = :tier", "tier", filter.tier() == null ? null : filter.tier().name());
        condition(conditions, binds, "h.subject_id = :subject", "subject", filter.subjectId());
        condition(conditions, binds, "h.recorded_at >= :from", "from", filter.from());
        condition(conditions, binds, "h.recorded_at < :to", "to", filter.to());
        String where = " WHERE " + String.join(" AND ", conditions);
        Mono<Long> total = bindAll(db.sql("SELECT COUNT(*) AS total FROM tier_history h" + where), binds)
                .map(row -> row.get("total", Long.class)).one();
        Mono<List<TierHistoryEntry>> rows = bindAll(db.sql("SELECT " + HISTORY_COLUMNS
                        + " FROM tier_history h JOIN tier_cause c ON c.id = h.cause_id" + where
                        + " ORDER BY h.id LIMIT :limit OFFSET :offset"), binds)
                .bind("limit", page.size()).bind("offset", page.offset())
                .map(row -> new TierHistoryEntry(row.get("id", Long.class),
                        TierBasis.valueOf(row.get("basis", String.class)),
                        FundTier.valueOf(row.get("tier", String.class)), row.get("subject_id", Long.class),
                        row.get("subject_name", String.class),
                        TierMovement.valueOf(row.get("movement", String.class)), row.get("rank", Integer.class),
                        row.get("score", BigDecimal.class),
                        json.readValue(row.get("cause", Json.class).asArray(), TierCause.class),
                        row.get("recorded_at", Instant.class)))
                .all().collectList();
        return Mono.zip(total, rows).map(found -> new PageView<>(found.getT2(), found.getT1(), page.page(),
                page.size()));
    }

    private static void condition(List<String> conditions, Map<String, Object> binds, String sql, String name,
                                  Object value) {
        if (value != null) {
            conditions.add(sql);
            binds.put(name, value);
        }
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec,
                                                            Map<String, Object> binds) {
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec;
    }
}
