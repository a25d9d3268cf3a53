package io.jingsai.api.programme;

import java.time.Instant;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored allocations of programmes' funds, numbered per programme; written once, never changed. */
@Component
class FundAllocationStore {

    private static final TypeReference<List<FundAllocationView.TierPart>> TIERS = new TypeReference<>() { };
    private static final TypeReference<List<Long>> EVENTS = new TypeReference<>() { };
    private static final String COLUMNS = "programme_id, number, request, fund_fen, star_events, tiers, allocated_by, "
            + "allocated_at";

    /** One stored allocation, as written. */
    record Stored(long programmeId, int number, FundAllocationCommand request, FundAllocationView allocation,
                  String allocatedBy, Instant allocatedAt) {
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    FundAllocationStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Stores the allocation under the programme's next number. Two allocations stored at once take the same number:
     * the second fails on the key (unique violation) and is tried again by the caller.
     *
     * @return the number taken
     */
    Mono<Integer> add(FundAllocationCommand request, FundAllocationView allocation, String by, Instant now) {
        return db.sql("INSERT INTO fund_allocation (" + COLUMNS + ") "
                        + "SELECT :p, COALESCE(MAX(number), 0) + 1, :request, :fund, :events, :tiers, :by, :now "
                        + "FROM fund_allocation WHERE programme_id = :p RETURNING number")
                .bind("p", allocation.programmeId()).bind("request", write(request))
                .bind("fund", allocation.fundFen()).bind("events", write(allocation.starEvents()))
                .bind("tiers", write(allocation.tiers())).bind("by", by).bind("now", now)
                .map(row -> row.get("number", Integer.class))
                .one();
    }

    Mono<Stored> find(long programmeId, int number) {
        return db.sql("SELECT " + COLUMNS + " FROM fund_allocation WHERE programme_id = :p AND number = :n")
                .bind("p", programmeId).bind("n", number)
                .map(this::stored)
                .one();
    }

    /** One page of the programme's allocations, oldest first. */
    Mono<PageView<FundAllocationSummary>> list(long programmeId, PageQuery page) {
        Mono<Long> total = db.sql("SELECT COUNT(*) AS total FROM fund_allocation WHERE programme_id = :p")
                .bind("p", programmeId).map(row -> row.get("total", Long.class)).one();
        Mono<List<FundAllocationSummary>> items = db.sql("SELECT " + COLUMNS + " FROM fund_allocation "
                        + "WHERE programme_id = :p ORDER BY number LIMIT :limit OFFSET :offset")
                .bind("p", programmeId).bind("limit", page.size()).bind("offset", page.offset())
                .map(this::stored)
                .all()
                .map(stored -> new FundAllocationSummary(stored.number(), stored.allocation().fundFen(),
                        (int) stored.allocation().tiers().stream().mapToLong(tier -> tier.members().size()).sum(),
                        stored.allocatedAt(), stored.allocatedBy()))
                .collectList();
        return Mono.zip(total, items).map(found -> new PageView<>(found.getT2(), found.getT1(), page.page(),
                page.size()));
    }

    private Stored stored(Readable row) {
        List<FundAllocationView.TierPart> tiers = read(row, "tiers", TIERS);
        long fund = row.get("fund_fen", Long.class);
        long allocated = tiers.stream().flatMap(tier -> tier.members().stream())
                .mapToLong(FundAllocationView.Member::fen).sum();
        long programmeId = row.get("programme_id", Long.class);
        return new Stored(programmeId, row.get("number", Integer.class),
                json.readValue(row.get("request", Json.class).asArray(), FundAllocationCommand.class),
                new FundAllocationView(programmeId, fund, allocated, read(row, "star_events", EVENTS), tiers),
                row.get("allocated_by", String.class), row.get("allocated_at", Instant.class));
    }

    private <T> T read(Readable row, String column, TypeReference<T> type) {
        return json.readValue(row.get(column, Json.class).asArray(), type);
    }

    private Json write(Object value) {
        return Json.of(json.writeValueAsBytes(value));
    }
}
