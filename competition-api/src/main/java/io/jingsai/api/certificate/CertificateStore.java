package io.jingsai.api.certificate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.event.PublicEvents;
import io.jingsai.api.registration.RegistrationStatus;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of certificates and of a contestant's own results: the certificates themselves, and how an entry is named in
 * public (the contestant's or team's name, the enterprise, its region, the trade and event; nothing personal beyond
 * the name).
 */
@Component
class CertificateStore {

    private static final String ENTRANTS = """
            SELECT r.id, r.registration_number, r.status, COALESCE(c.name, t.name) AS entrant,
                   e.name AS enterprise, e.region_code, ev.name AS event_name, ev.status AS event_status,
                   tr.name_zh AS trade_name, tr.name_en AS trade_name_en, p.name AS programme_name, p.year,
                   """ + PublicEvents.condition("ev") + """
                    AS results_public
            FROM registration r
                JOIN event ev ON ev.id = r.event_id
                JOIN trade tr ON tr.id = ev.trade_id
                JOIN programme p ON p.id = ev.programme_id
                LEFT JOIN contestant c ON c.id = r.contestant_id
                LEFT JOIN team t ON t.id = r.team_id
                JOIN enterprise e ON e.id = COALESCE(c.enterprise_id, t.enterprise_id)
            WHERE r.event_id = :eventId""";

    private static final String INSERT = """
            INSERT INTO certificate (number, event_id, registration_id, registration_number, rank, award, titles,
                                     total, result_version, holder_name, enterprise_name, event_name, trade_name,
                                     programme_name, programme_year, issued_at, issued_by)
            VALUES (:number, :eventId, :registrationId, :registrationNumber, :rank, :award, CAST(:titles AS JSONB),
                    :total, :resultVersion, :holderName, :enterpriseName, :eventName, :tradeName, :programmeName,
                    :programmeYear, :issuedAt, :issuedBy)
            ON CONFLICT (event_id, registration_id) DO NOTHING
            RETURNING number""";

    private static final String COLUMNS = """
            number, event_id, registration_id, registration_number, rank, award, titles, total, result_version,
            holder_name, enterprise_name, event_name, trade_name, programme_name, programme_year, issued_at,
            issued_by""";

    private static final TypeReference<List<String>> TITLES = new TypeReference<>() { };

    /**
     * An entry as it is named in public, with its event.
     *
     * @param regionCode the enterprise's region (administrative division code)
     */
    record Entrant(long registrationId, int registrationNumber, RegistrationStatus registrationStatus, String name,
                   String enterprise, String regionCode, String eventName, EventStatus eventStatus, String tradeName,
                   String tradeNameEn, String programmeName, int programmeYear, boolean resultsPublic) {
    }

    private final DatabaseClient database;
    private final JsonMapper json;

    CertificateStore(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Every entry of the event, named; empty for an event that does not exist. */
    Flux<Entrant> entrants(long eventId) {
        return database.sql(ENTRANTS).bind("eventId", eventId).map(CertificateStore::entrant).all();
    }

    /** The entry with this number in the event, if there is one. */
    Mono<Entrant> entrant(long eventId, long registrationNumber) {
        return database.sql(ENTRANTS + " AND r.registration_number = :number")
                .bind("eventId", eventId).bind("number", registrationNumber)
                .map(CertificateStore::entrant).one();
    }

    /** The event's status, or empty if there is no such event. */
    Mono<EventStatus> eventStatus(long eventId) {
        return database.sql("SELECT status FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> EventStatus.valueOf(row.get("status", String.class)))
                .one();
    }

    /** Keeps the certificate unless its entry has one already; completes with it only if it was new. */
    Mono<CertificateView> insertIfNew(CertificateView certificate) {
        return database.sql(INSERT)
                .bind("number", certificate.number()).bind("eventId", certificate.eventId())
                .bind("registrationId", certificate.registrationId())
                .bind("registrationNumber", certificate.registrationNumber()).bind("rank", certificate.rank())
                .bind("award", Parameter.fromOrEmpty(certificate.award(), String.class))
                .bind("titles", json.writeValueAsString(certificate.titles()))
                .bind("total", certificate.total()).bind("resultVersion", certificate.resultVersion())
                .bind("holderName", certificate.holderName()).bind("enterpriseName", certificate.enterpriseName())
                .bind("eventName", certificate.eventName()).bind("tradeName", certificate.tradeName())
                .bind("programmeName", certificate.programmeName())
                .bind("programmeYear", certificate.programmeYear())
                .bind("issuedAt", certificate.issuedAt()).bind("issuedBy", certificate.issuedBy())
                .map(row -> certificate)
                .one();
    }

    /** The event's certificates, by registration number. */
    Flux<CertificateView> ofEvent(long eventId) {
        return database.sql("SELECT " + COLUMNS + " FROM certificate WHERE event_id = :eventId "
                        + "ORDER BY registration_number")
                .bind("eventId", eventId)
                .map((Readable row) -> certificate(row))
                .all();
    }

    Mono<CertificateView> byNumber(String number) {
        return database.sql("SELECT " + COLUMNS + " FROM certificate WHERE number = :number")
                .bind("number", number)
                .map((Readable row) -> certificate(row))
                .one();
    }

    /** The number of the entry's certificate, if it has one. */
    Mono<String> numberOf(long registrationId) {
        return database.sql("SELECT number FROM certificate WHERE registration_id = :id")
                .bind("id", registrationId)
                .map(row -> row.get("number", String.class))
                .one();
    }

    private CertificateView certificate(Readable row) {
        return new CertificateView(row.get("number", String.class), row.get("event_id", Long.class),
                row.get("registration_id", Long.class), row.get("registration_number", Integer.class),
                row.get("rank", Integer.class), row.get("award", String.class),
                json.readValue(row.get("titles", String.class), TITLES), row.get("total", BigDecimal.class),
                row.get("result_version", Long.class), row.get("holder_name", String.class),
                row.get("enterprise_name", String.class), row.get("event_name", String.class),
                row.get("trade_name", String.class), row.get("programme_name", String.class),
                row.get("programme_year", Integer.class), row.get("issued_at", Instant.class),
                row.get("issued_by", String.class));
    }

    private static Entrant entrant(Readable row) {
        return new Entrant(row.get("id", Long.class), row.get("registration_number", Integer.class),
                RegistrationStatus.valueOf(row.get("status", String.class)), row.get("entrant", String.class),
                row.get("enterprise", String.class), row.get("region_code", String.class),
                row.get("event_name", String.class),
                EventStatus.valueOf(row.get("event_status", String.class)), row.get("trade_name", String.class),
                row.get("trade_name_en", String.class), row.get("programme_name", String.class),
                row.get("year", Integer.class), row.get("results_public", Boolean.class));
    }
}
