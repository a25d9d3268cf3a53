package io.jingsai.api.registration;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.identifiers.Masks;
import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.spreadsheet.SheetColumn;
import reactor.core.publisher.Flux;

/**
 * An event's registrations as a spreadsheet, in registration-number order: numbers, the entrant (contestant or
 * team), the enterprise and, for contestants, the masked ID number (never the full one: this list is printed), and the
 * verification code each contestant looks up their own results with ({@link VerificationCodes}), to hand out. For
 * judges of a blind event, until identities are revealed, only stations and statuses: the other cells stay empty.
 */
@Component
class RegistrationExport {

    static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.required("报名号", "registrationNumber", "1"),
            SheetColumn.optional("工位号", "stationNumber", "A-07").asText(),
            SheetColumn.required("选手/班组", "entrant", "王建国"),
            SheetColumn.optional("身份证号", "idNumber", "610102********1238").asText(),
            SheetColumn.required("企业名称", "enterprise", "中铁一局集团有限公司"),
            SheetColumn.required("状态", "status", "REGISTERED"),
            SheetColumn.required("查询码", "verificationCode", "7K3M9QXD").asText());

    private final DatabaseClient database;
    private final PersonalDataCipher cipher;
    private final VerificationCodes codes;

    RegistrationExport(DatabaseClient database, PersonalDataCipher cipher, VerificationCodes codes) {
        this.database = database;
        this.cipher = cipher;
        this.codes = codes;
    }

    /**
     * The rows; for judges of an unrevealed blind event ({@code stationsOnly}) only stations and statuses, in station
     * order. The verification codes are left empty unless {@code withCodes} (organizers hand them out, judges do not).
     */
    Flux<List<String>> rows(long eventId, boolean stationsOnly, boolean withCodes) {
        return database.sql("""
                        SELECT r.id, r.registration_number, r.station_number, r.status,
                               COALESCE(c.name, t.name) AS entrant, c.id_number, e.name AS enterprise
                        FROM registration r
                        LEFT JOIN contestant c ON c.id = r.contestant_id
                        LEFT JOIN team t ON t.id = r.team_id
                        JOIN enterprise e ON e.id = COALESCE(c.enterprise_id, t.enterprise_id)
                        WHERE r.event_id = :event
                        ORDER BY\s""" + (stationsOnly ? "r.station_number, " : "") + "r.registration_number")
                .bind("event", eventId)
                .map(row -> stationsOnly
                        ? List.of("", orEmpty(row.get("station_number", String.class)), "", "", "",
                                row.get("status", String.class), "")
                        : List.of(
                                String.valueOf(row.get("registration_number", Integer.class)),
                                orEmpty(row.get("station_number", String.class)),
                                row.get("entrant", String.class),
                                orEmpty(Masks.idNumber(cipher.open(row.get("id_number", String.class)))),
                                row.get("enterprise", String.class),
                                row.get("status", String.class),
                                withCodes ? codes.of(eventId, row.get("id", Long.class)) : ""))
                .all();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
