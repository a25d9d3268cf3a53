package io.jingsai.api.contestant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
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
import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.spreadsheet.ImportReport;
import io.jingsai.api.spreadsheet.Sheet;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetRow;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Contestants from a file. Users know enterprises by credit code and trades by name, not by id, so the file names
 * them that way and the import resolves them; then the rules of {@code POST /api/contestants} apply, plus ID
 * numbers unique within the file and not yet registered (matched on their keyed hashes), sealed as they are written.
 */
@Component
class ContestantImport implements BulkImportKind {

    static final SheetColumn NAME = SheetColumn.required("姓名", "name", "王建国");
    static final SheetColumn ID_NUMBER = SheetColumn.required("身份证号", "idNumber", "610102199003071238").asText();
    static final SheetColumn ENTERPRISE = SheetColumn.required("企业统一社会信用代码", "enterpriseCreditCode",
            "91610100220523188Q").asText();
    static final SheetColumn TRADE = SheetColumn.required("工种", "trade", "焊工");
    static final SheetColumn PHONE = SheetColumn.optional("手机号", "phone", "13800138000").asText();
    static final List<SheetColumn> COLUMNS = List.of(NAME, ID_NUMBER, ENTERPRISE, TRADE, PHONE);
    static final Map<String, SheetColumn> FIELDS = Map.of("name", NAME, "idNumber", ID_NUMBER,
            "enterpriseId", ENTERPRISE, "tradeId", TRADE, "phone", PHONE);

    private final RowCommands commands;
    private final KeyLookup lookup;
    private final DatabaseClient database;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ContestantImport(RowCommands commands, KeyLookup lookup, DatabaseClient database, PersonalDataCipher cipher,
                     Clock clock) {
        this.commands = commands;
        this.lookup = lookup;
        this.database = database;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "contestants";
    }

    @Override
    public List<SheetColumn> columns() {
        return COLUMNS;
    }

    @Override
    public Mono<PreparedImport> prepare(Sheet sheet) {
        List<String> codes = values(sheet, ENTERPRISE, code -> code.toUpperCase(Locale.ROOT));
        List<String> trades = values(sheet, TRADE, Function.identity());
        return Mono.zip(lookup.ids("SELECT credit_code AS k, id FROM enterprise WHERE credit_code = ANY(:keys)", codes),
                        lookup.ids("SELECT name_zh AS k, id FROM trade WHERE name_zh = ANY(:keys) "
                                + "UNION ALL SELECT code AS k, id FROM trade WHERE code = ANY(:keys)", trades))
                .flatMap(found -> validate(sheet, found.getT1(), found.getT2()));
    }

    private Mono<PreparedImport> validate(Sheet sheet, Map<String, Long> enterprises, Map<String, Long> trades) {
        ImportReport.Builder report = ImportReport.builder(sheet);
        Map<SheetRow, ContestantCommand> valid = new LinkedHashMap<>();
        for (SheetRow row : sheet.rows()) {
            Set<String> reported = new HashSet<>();
            Long enterprise = resolve(row, ENTERPRISE, enterprises, "no enterprise with this credit code is registered",
                    report, reported, "enterpriseId", code -> code.toUpperCase(Locale.ROOT));
            Long trade = resolve(row, TRADE, trades, "no trade has this name or code", report, reported, "tradeId",
                    Function.identity());
            ContestantCommand command = new ContestantCommand(row.value(NAME), row.value(ID_NUMBER), enterprise, trade,
                    row.value(PHONE));
            boolean unique = command.idNumber() == null || report.requireUnique(row, ID_NUMBER, command.idNumber());
            if (commands.check(command, row, FIELDS, reported, report) && unique) {
                valid.put(row, command);
            }
        }
        return lookup.existing("SELECT id_number_hash AS k FROM contestant WHERE id_number_hash = ANY(:keys)",
                        valid.values().stream().map(command -> cipher.lookupHash(command.idNumber())).toList())
                .map(registered -> {
                    valid.forEach((row, command) -> {
                        if (registered.contains(cipher.lookupHash(command.idNumber()))) {
                            report.reject(row, ID_NUMBER, "duplicate", "a contestant with this ID number is already registered");
                        }
                    });
                    return PreparedImport.of(report.build(), List.copyOf(valid.values()), this::insert);
                });
    }

    private static Long resolve(SheetRow row, SheetColumn column, Map<String, Long> ids, String unknown,
                                ImportReport.Builder report, Set<String> reported, String field,
                                Function<String, String> normalise) {
        String value = row.value(column);
        if (value == null) {
            return null;
        }
        Long id = ids.get(normalise.apply(value.strip()));
        if (id == null) {
            report.reject(row, column, "unknown", unknown);
            reported.add(field);
        }
        return id;
    }

    private static List<String> values(Sheet sheet, SheetColumn column, Function<String, String> normalise) {
        return sheet.rows().stream().map(row -> row.value(column)).filter(v -> v != null)
                .map(v -> normalise.apply(v.strip())).distinct().toList();
    }

    /** Seals the file's numbers off the event loop (10,000 rows are tens of milliseconds of AES), then writes. */
    private Mono<Integer> insert(List<ContestantCommand> contestants) {
        return Mono.fromCallable(() -> contestants.stream().map(this::sealed).toList())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(this::insertSealed);
    }

    private SealedContestant sealed(ContestantCommand command) {
        ResidentIdNumber id = ResidentIdNumber.of(command.idNumber(), clock);
        return new SealedContestant(command, id, cipher.seal(id.value()), cipher.lookupHash(id.value()),
                cipher.seal(command.phone()));
    }

    private Mono<Integer> insertSealed(List<SealedContestant> contestants) {
        return database.sql("""
                        INSERT INTO contestant (name, id_number, id_number_hash, birth_date, sex, enterprise_id,
                                                trade_id, phone, created_at, updated_at)
                        SELECT name, id_number, id_number_hash, birth_date, sex, enterprise_id, trade_id, phone,
                               :now, :now
                        FROM unnest(:names, :numbers, :hashes, :births, :sexes, :enterprises, :trades, :phones)
                             AS c(name, id_number, id_number_hash, birth_date, sex, enterprise_id, trade_id, phone)""")
                .bind("now", clock.instant())
                .bind("names", contestants.stream().map(c -> c.command().name()).toArray(String[]::new))
                .bind("numbers", contestants.stream().map(SealedContestant::idNumber).toArray(String[]::new))
                .bind("hashes", contestants.stream().map(SealedContestant::idNumberHash).toArray(String[]::new))
                .bind("births", contestants.stream().map(c -> c.id().birthDate()).toArray(LocalDate[]::new))
                .bind("sexes", contestants.stream().map(c -> c.id().sex().name()).toArray(String[]::new))
                .bind("enterprises", contestants.stream().map(c -> c.command().enterpriseId()).toArray(Long[]::new))
                .bind("trades", contestants.stream().map(c -> c.command().tradeId()).toArray(Long[]::new))
                .bind("phones", contestants.stream().map(SealedContestant::phone).toArray(String[]::new))
                .fetch().rowsUpdated()
                .map(Long::intValue);
    }

    /** A contestant of the file as it is stored: ID number and phone sealed, with the number's lookup hash. */
    private record SealedContestant(ContestantCommand command, ResidentIdNumber id, String idNumber,
                                    String idNumberHash, String phone) {
    }
}
