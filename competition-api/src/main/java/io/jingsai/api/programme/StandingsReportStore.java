package io.jingsai.api.programme;

import java.util.Collection;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The names the standings report prints beside ids: enterprises (with their regions) and trades. */
@Component
class StandingsReportStore {

    /** An enterprise as a report names it. */
    record Enterprise(String name, String regionCode) {
    }

    /** A trade's names. */
    record Trade(String nameZh, String nameEn) {
    }

    private final DatabaseClient database;

    StandingsReportStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<Map<Long, Enterprise>> enterprises(Collection<Long> ids) {
        return database.sql("SELECT id, name, region_code FROM enterprise WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("id", Long.class),
                        new Enterprise(row.get("name", String.class), row.get("region_code", String.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<Map<Long, Trade>> trades(Collection<Long> ids) {
        return database.sql("SELECT id, name_zh, name_en FROM trade WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("id", Long.class),
                        new Trade(row.get("name_zh", String.class), row.get("name_en", String.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
