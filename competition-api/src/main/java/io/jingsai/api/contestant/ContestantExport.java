package io.jingsai.api.contestant;

import java.util.ArrayList;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;

import io.jingsai.api.identifiers.Masks;
import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.privacy.RevealAudit;
import io.jingsai.api.privacy.RevealRequest;
import io.jingsai.api.privacy.RevealSubjects;
import io.jingsai.api.spreadsheet.SheetColumn;
import reactor.core.publisher.Flux;

/**
 * Contestants as a spreadsheet: the import columns first (so a revealed export can be edited and imported
 * elsewhere), then the enterprise's name and the sex. ID numbers and phones are masked unless revealed, and a
 * revealed export is recorded in the reveal audit first.
 */
@Component
class ContestantExport {

    static final SheetColumn ENTERPRISE_NAME = SheetColumn.optional("企业名称", "enterpriseName", "中铁一局集团有限公司");
    static final SheetColumn SEX = SheetColumn.optional("性别", "sex", "男");
    static final List<SheetColumn> COLUMNS = List.of(ContestantImport.NAME, ContestantImport.ID_NUMBER,
            ContestantImport.ENTERPRISE, ContestantImport.TRADE, ContestantImport.PHONE, ENTERPRISE_NAME, SEX);

    /** What a revealed export shows in full, as the reveal audit records it. */
    static final String REVEALED_FIELDS = "idNumber,phone";

    private final DatabaseClient database;
    private final PersonalDataCipher cipher;
    private final RevealAudit audit;

    ContestantExport(DatabaseClient database, PersonalDataCipher cipher, RevealAudit audit) {
        this.database = database;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** The rows with ID numbers and phones in full, once the export is recorded in the reveal audit by its filter. */
    Flux<List<String>> revealed(String by, Long enterpriseId, Long tradeId, RevealRequest request) {
        return audit.record(by, RevealSubjects.CONTESTANT_EXPORT, null, scope(enterpriseId, tradeId), REVEALED_FIELDS,
                        request)
                .thenMany(Flux.defer(() -> rows(enterpriseId, tradeId, true)));
    }

    /** The filter that chose an export's rows, as the reveal audit records it ({@code null}: all contestants). */
    private static String scope(Long enterpriseId, Long tradeId) {
        List<String> filters = new ArrayList<>();
        if (enterpriseId != null) {
            filters.add("enterpriseId=" + enterpriseId);
        }
        if (tradeId != null) {
            filters.add("tradeId=" + tradeId);
        }
        return filters.isEmpty() ? null : String.join("&", filters);
    }

    Flux<List<String>> rows(Long enterpriseId, Long tradeId, boolean reveal) {
        GenericExecuteSpec query = database.sql("""
                SELECT c.name, c.id_number, e.credit_code, t.name_zh AS trade, c.phone, e.name AS enterprise, c.sex
                FROM contestant c JOIN enterprise e ON e.id = c.enterprise_id JOIN trade t ON t.id = c.trade_id
                WHERE (CAST(:enterprise AS BIGINT) IS NULL OR c.enterprise_id = :enterprise)
                  AND (CAST(:trade AS BIGINT) IS NULL OR c.trade_id = :trade)
                ORDER BY c.name, c.id""");
        query = enterpriseId == null ? query.bindNull("enterprise", Long.class) : query.bind("enterprise", enterpriseId);
        query = tradeId == null ? query.bindNull("trade", Long.class) : query.bind("trade", tradeId);
        return query.map(row -> {
            List<String> cells = new ArrayList<>(COLUMNS.size());
            String idNumber = cipher.open(row.get("id_number", String.class));
            String phone = cipher.open(row.get("phone", String.class));
            cells.add(row.get("name", String.class));
            cells.add(reveal ? idNumber : Masks.idNumber(idNumber));
            cells.add(row.get("credit_code", String.class));
            cells.add(row.get("trade", String.class));
            cells.add(reveal ? phone : Masks.phone(phone));
            cells.add(row.get("enterprise", String.class));
            cells.add("MALE".equals(row.get("sex", String.class)) ? "男" : "女");
            return List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList());
        }).all();
    }
}
