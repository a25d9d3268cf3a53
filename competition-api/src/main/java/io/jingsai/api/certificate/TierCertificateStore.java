package io.jingsai.api.certificate;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import io.jingsai.api.programme.ProgrammeTier;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of the tier members' certificates: the {@code tier_certificate} table only. */
@Component
class TierCertificateStore {

    private static final String COLUMNS = """
            number, programme_id, tier, subject_id, rank, score, holder_name, enterprise_name, trade_name,
            region_code, programme_name, programme_year, issued_at, issued_by""";

    private static final String INSERT = "INSERT INTO tier_certificate (" + COLUMNS + """
            ) VALUES (:number, :programmeId, :tier, :subjectId, :rank, :score, :holderName, :enterpriseName,
                      :tradeName, :regionCode, :programmeName, :programmeYear, :issuedAt, :issuedBy)
            ON CONFLICT (programme_id, tier, subject_id) DO NOTHING
            RETURNING number""";

    /** Tiers in their order (most exclusive first), then the board's order. */
    private static final String ORDER = " ORDER BY array_position(ARRAY['DEMONSTRATION', 'KEY', 'STARS', "
            + "'ENTERPRISES']::VARCHAR[], tier), rank, subject_id";

    private final DatabaseClient database;

    TierCertificateStore(DatabaseClient database) {
        this.database = database;
    }

    /** Keeps the certificate unless its member has one already; completes with it only if it was new. */
    Mono<TierCertificateView> insertIfNew(TierCertificateView certificate) {
        return database.sql(INSERT)
                .bind("number", certificate.number()).bind("programmeId", certificate.programmeId())
                .bind("tier", certificate.tier().name()).bind("subjectId", certificate.subjectId())
                .bind("rank", certificate.rank()).bind("score", certificate.score())
                .bind("holderName", certificate.holderName()).bind("enterpriseName", certificate.enterpriseName())
                .bind("tradeName", Parameter.fromOrEmpty(certificate.tradeName(), String.class))
                .bind("regionCode", Parameter.fromOrEmpty(certificate.regionCode(), String.class))
                .bind("programmeName", certificate.programmeName())
                .bind("programmeYear", certificate.programmeYear())
                .bind("issuedAt", certificate.issuedAt()).bind("issuedBy", certificate.issuedBy())
                .map(row -> certificate)
                .one();
    }

    /** The programme's certificates, by tier, rank and member id. */
    Flux<TierCertificateView> ofProgramme(long programmeId) {
        return database.sql("SELECT " + COLUMNS + " FROM tier_certificate WHERE programme_id = :programmeId" + ORDER)
                .bind("programmeId", programmeId)
                .map(TierCertificateStore::certificate)
                .all();
    }

    Mono<TierCertificateView> byNumber(String number) {
        return database.sql("SELECT " + COLUMNS + " FROM tier_certificate WHERE number = :number")
                .bind("number", number)
                .map(TierCertificateStore::certificate)
                .one();
    }

    private static TierCertificateView certificate(Readable row) {
        return new TierCertificateView(row.get("number", String.class), row.get("programme_id", Long.class),
                ProgrammeTier.valueOf(row.get("tier", String.class)), row.get("subject_id", Long.class),
                row.get("rank", Integer.class), row.get("score", BigDecimal.class),
                row.get("holder_name", String.class), row.get("enterprise_name", String.class),
                row.get("trade_name", String.class), row.get("region_code", String.class),
                row.get("programme_name", String.class), row.get("programme_year", Integer.class),
                row.get("issued_at", Instant.class), row.get("issued_by", String.class));
    }
}
