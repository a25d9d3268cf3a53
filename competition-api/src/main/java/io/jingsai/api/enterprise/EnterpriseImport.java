package io.jingsai.api.enterprise;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.bulk.BulkImportKind;
import io.jingsai.api.bulk.KeyLookup;
import io.jingsai.api.bulk.PreparedImport;
import io.jingsai.api.bulk.RowCommands;
import io.jingsai.api.spreadsheet.ImportReport;
import io.jingsai.api.spreadsheet.Sheet;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetRow;
import reactor.core.publisher.Mono;

/**
 * Enterprises from a file: the same rules as {@code POST /api/enterprises}, plus credit codes unique within the
 * file and not yet registered. Ownership may be written in Chinese (国有, 民营, …) or as the API's code.
 */
@Component
class EnterpriseImport implements BulkImportKind {

    static final SheetColumn NAME = SheetColumn.required("企业名称", "name", "中铁一局集团有限公司");
    static final SheetColumn CREDIT_CODE = SheetColumn.required("统一社会信用代码", "creditCode", "91610100220523188Q")
            .asText();
    static final SheetColumn REGION = SheetColumn.required("行政区划代码", "regionCode", "610100").asText();
    static final SheetColumn INDUSTRY = SheetColumn.optional("行业", "industry", "建筑业");
    static final SheetColumn OWNERSHIP = SheetColumn.required("所有制", "ownership", "国有");
    static final List<SheetColumn> COLUMNS = List.of(NAME, CREDIT_CODE, REGION, INDUSTRY, OWNERSHIP);
    static final Map<String, SheetColumn> FIELDS = Map.of("name", NAME, "creditCode", CREDIT_CODE,
            "regionCode", REGION, "industry", INDUSTRY, "ownership", OWNERSHIP);
    static final Map<String, Ownership> OWNERSHIP_LABELS = ownershipLabels();

    private final RowCommands commands;
    private final KeyLookup lookup;
    private final DatabaseClient database;
    private final Clock clock;

    EnterpriseImport(RowCommands commands, KeyLookup lookup, DatabaseClient database, Clock clock) {
        this.commands = commands;
        this.lookup = lookup;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "enterprises";
    }

    @Override
    public List<SheetColumn> columns() {
        return COLUMNS;
    }

    @Override
    public Mono<PreparedImport> prepare(Sheet sheet) {
        ImportReport.Builder report = ImportReport.builder(sheet);
        Map<SheetRow, EnterpriseCommand> valid = new LinkedHashMap<>();
        for (SheetRow row : sheet.rows()) {
            Ownership ownership = ownership(row, report);
            EnterpriseCommand command = new EnterpriseCommand(row.value(NAME), row.value(CREDIT_CODE),
                    row.value(REGION), row.value(INDUSTRY), ownership);
            Set<String> reported = ownership == null && row.value(OWNERSHIP) != null ? Set.of("ownership") : Set.of();
            // Uniqueness counts every row, valid or not: a repeated code is a problem even beside a bad row.
            boolean unique = command.creditCode() == null || report.requireUnique(row, CREDIT_CODE, command.creditCode());
            if (commands.check(command, row, FIELDS, reported, report) && unique) {
                valid.put(row, command);
            }
        }
        return lookup.existing("SELECT credit_code AS k FROM enterprise WHERE credit_code = ANY(:keys)",
                        valid.values().stream().map(EnterpriseCommand::creditCode).toList())
                .map(registered -> {
                    valid.forEach((row, command) -> {
                        if (registered.contains(command.creditCode())) {
                            report.reject(row, CREDIT_CODE, "duplicate",
                                    "an enterprise with this credit code is already registered");
                        }
                    });
                    return PreparedImport.of(report.build(), List.copyOf(valid.values()), this::insert);
                });
    }

    private static Ownership ownership(SheetRow row, ImportReport.Builder report) {
        String text = row.value(OWNERSHIP);
        if (text == null) {
            return null;
        }
        Ownership ownership = OWNERSHIP_LABELS.get(text.strip().toUpperCase(Locale.ROOT));
        if (ownership == null) {
            report.reject(row, OWNERSHIP, "unknown", "must be one of 国有, 集体, 民营, 外资, 港澳台资, 混合所有制, 其他");
        }
        return ownership;
    }

    private Mono<Integer> insert(List<EnterpriseCommand> enterprises) {
        return database.sql("""
                        INSERT INTO enterprise (name, credit_code, region_code, industry, ownership, created_at, updated_at)
                        SELECT name, code, region, industry, ownership, :now, :now
                        FROM unnest(:names, :codes, :regions, :industries, :ownerships)
                             AS e(name, code, region, industry, ownership)""")
                .bind("now", clock.instant())
                .bind("names", column(enterprises, EnterpriseCommand::name))
                .bind("codes", column(enterprises, EnterpriseCommand::creditCode))
                .bind("regions", column(enterprises, EnterpriseCommand::regionCode))
                .bind("industries", column(enterprises, EnterpriseCommand::industry))
                .bind("ownerships", column(enterprises, c -> c.ownership().name()))
                .fetch().rowsUpdated()
                .map(Long::intValue);
    }

    private static String[] column(List<EnterpriseCommand> enterprises, Function<EnterpriseCommand, String> field) {
        return enterprises.stream().map(field).toArray(String[]::new);
    }

    private static Map<String, Ownership> ownershipLabels() {
        Map<String, Ownership> labels = new LinkedHashMap<>();
        for (Ownership ownership : Ownership.values()) {
            labels.put(ownership.name(), ownership);
        }
        labels.put("国有", Ownership.STATE_OWNED);
        labels.put("国有企业", Ownership.STATE_OWNED);
        labels.put("集体", Ownership.COLLECTIVE);
        labels.put("民营", Ownership.PRIVATE);
        labels.put("私营", Ownership.PRIVATE);
        labels.put("外资", Ownership.FOREIGN);
        labels.put("港澳台资", Ownership.HONG_KONG_MACAO_TAIWAN);
        labels.put("混合所有制", Ownership.MIXED);
        labels.put("其他", Ownership.OTHER);
        return Map.copyOf(labels);
    }
}
