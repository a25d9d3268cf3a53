package io.jingsai.api.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import reactor.core.publisher.Mono;

/**
 * The record of every reveal of personal data: who, when, which record (or which export, by its filter), which
 * fields and why. A feature records the reveal before it answers with the data, so nothing is revealed unrecorded;
 * if the record cannot be written, the request fails and reveals nothing.
 */
@Component
public class RevealAudit {

    private static final Logger log = LoggerFactory.getLogger(RevealAudit.class);

    private final DatabaseClient database;
    private final Clock clock;

    RevealAudit(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records a reveal.
     *
     * @param subject what was revealed, such as {@code contestant} or {@code contestantExport}
     * @param recordId the record, or {@code null} for an export
     * @param scope for an export, the filter that chose its rows (ids only, such as {@code enterpriseId=3}); or
     *        {@code null}
     * @param fields the fields shown in full, such as {@code idNumber,birthDate,phone}
     */
    public Mono<Void> record(String by, String subject, Long recordId, String scope, String fields,
                             RevealRequest request) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO personal_data_reveal (revealed_at, revealed_by, subject, record_id, scope, fields,
                                                          reason)
                        VALUES (:at, :by, :subject, :record, :scope, :fields, :reason)""")
                .bind("at", clock.instant())
                .bind("by", by)
                .bind("subject", subject)
                .bind("fields", fields)
                .bind("reason", request.reason());
        insert = recordId == null ? insert.bindNull("record", Long.class) : insert.bind("record", recordId);
        insert = scope == null ? insert.bindNull("scope", String.class) : insert.bind("scope", scope);
        return insert.then().doOnSuccess(done -> log.info("Personal data revealed: {} of {} {} {} by {}", fields,
                subject, recordId == null ? "" : recordId, scope == null ? "" : scope, by));
    }

    Mono<PageView<RevealView>> list(String subject, Long recordId, PageQuery page) {
        String where = " FROM personal_data_reveal WHERE (CAST(:subject AS VARCHAR) IS NULL OR subject = :subject)"
                + " AND (CAST(:record AS BIGINT) IS NULL OR record_id = :record)";
        Mono<Long> total = bind(database.sql("SELECT COUNT(*)" + where), subject, recordId)
                .map(row -> row.get(0, Long.class)).one();
        Mono<List<RevealView>> items = bind(database.sql("SELECT *" + where
                        + " ORDER BY revealed_at DESC, id DESC LIMIT :size OFFSET :offset"), subject, recordId)
                .bind("size", page.size())
                .bind("offset", page.offset())
                .map(row -> new RevealView(row.get("id", Long.class), row.get("revealed_at", Instant.class),
                        row.get("revealed_by", String.class), row.get("subject", String.class),
                        row.get("record_id", Long.class), row.get("scope", String.class),
                        row.get("fields", String.class), row.get("reason", String.class)))
                .all().collectList();
        return Mono.zip(items, total).map(t -> new PageView<>(t.getT1(), t.getT2(), page.page(), page.size()));
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String subject,
                                                          Long recordId) {
        spec = subject == null ? spec.bindNull("subject", String.class) : spec.bind("subject", subject);
        return recordId == null ? spec.bindNull("record", Long.class) : spec.bind("record", recordId);
    }
}
