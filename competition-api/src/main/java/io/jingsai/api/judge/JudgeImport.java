package io.jingsai.api.judge;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.bulk.BulkImportKind;
import io.jingsai.api.bulk.KeyLookup;
import io.jingsai.api.bulk.PreparedImport;
import io.jingsai.api.bulk.RowCommands;
import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.spreadsheet.ImportReport;
import io.jingsai.api.spreadsheet.Sheet;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetRow;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Judges from a file: the rules of {@code POST /api/judges}; the enterprise (for recusal) is named by its credit
 * code, the qualification in Chinese (国家级, 省级, 市级, 企业级) or as the API's code.
 */
@Component
class JudgeImport implements BulkImportKind {

    static final SheetColumn NAME = SheetColumn.required("姓名", "name", "李敏");
    static final SheetColumn ENTERPRISE = SheetColumn.optional("企业统一社会信用代码", "enterpriseCreditCode",
            "91610100220523188Q").asText();
    static final SheetColumn QUALIFICATION = SheetColumn.required("裁判等级", "qualification", "省级");
    static final SheetColumn PHONE = SheetColumn.optional("手机号", "phone", "13900139000").asText();
    static final SheetColumn EMAIL = SheetColumn.optional("邮箱", "email", "limin@example.cn");
    static final List<SheetColumn> COLUMNS = List.of(NAME, ENTERPRISE, QUALIFICATION, PHONE, EMAIL);
    static final Map<String, SheetColumn> FIELDS = Map.of("name", NAME, "enterpriseId", ENTERPRISE,
            "qualification", QUALIFICATION, "phone", PHONE, "email", EMAIL);
    static final Map<String, Qualification> LABELS = Map.of(
            "国家级", Qualification.NATIONAL, "省级", Qualification.PROVINCIAL, "市级", Qualification.MUNICIPAL,
            "企业级", Qualification.ENTERPRISE, "NATIONAL", Qualification.NATIONAL,
            "PROVINCIAL", Qualification.PROVINCIAL, "MUNICIPAL", Qualification.MUNICIPAL,
            "ENTERPRISE", Qualification.ENTERPRISE);

    private final RowCommands commands;
    private final KeyLookup lookup;
    private final DatabaseClient database;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    JudgeImport(RowCommands commands, KeyLookup lookup, DatabaseClient database, PersonalDataCipher cipher,
                Clock clock) {
        this.commands = commands;
        this.lookup = lookup;
        this.database = database;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "judges";
    }

    @Override
    public List<SheetColumn> columns() {
        return COLUMNS;
    }

    @Override
    public Mono<PreparedImport> prepare(Sheet sheet) {
        List<String> codes = sheet.rows().stream().map(row -> row.value(ENTERPRISE)).filter(v -> v != null)
                .map(v -> v.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        return lookup.ids("SELECT credit_code AS k, id FROM enterprise WHERE credit_code = ANY(:keys)", codes)
                .map(found -> validate(sheet, found));
    }

    private PreparedImport validate(Sheet sheet, Map<String, Long> enterprises) {
        ImportReport.Builder report = ImportReport.builder(sheet);
        Map<SheetRow, JudgeCommand> valid = new LinkedHashMap<>();
        for (SheetRow row : sheet.rows()) {
            Set<String> reported = new HashSet<>();
            Long enterprise = null;
            String code = row.value(ENTERPRISE);
            if (code != null) {
                enterprise = enterprises.get(code.strip().toUpperCase(Locale.ROOT));
                if (enterprise == null) {
                    report.reject(row, ENTERPRISE, "unknown", "no enterprise with this credit code is registered");
                    reported.add("enterpriseId");
                }
            }
            Qualification qualification = null;
            String level = row.value(QUALIFICATION);
            if (level != null) {
                qualification = LABELS.get(level.strip().toUpperCase(Locale.ROOT));
                if (qualification == null) {
                    report.reject(row, QUALIFICATION, "unknown", "must be one of 国家级, 省级, 市级, 企业级");
                    reported.add("qualification");
                }
            }
            JudgeCommand command = new JudgeCommand(row.value(NAME), enterprise, qualification, row.value(PHONE),
                    row.value(EMAIL));
            if (commands.check(command, row, FIELDS, reported, report)) {
                valid.put(row, command);
            }
        }
        return PreparedImport.of(report.build(), List.copyOf(valid.values()), this::insert);
    }

    /** Seals the file's phones and e-mail addresses off the event loop, then writes. */
    private Mono<Integer> insert(List<JudgeCommand> judges) {
        return Mono.fromCallable(() -> judges.stream().map(j -> new String[] {cipher.seal(j.phone()),
                        cipher.seal(j.email())}).toList())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(contacts -> insert(judges, contacts));
    }

    private Mono<Integer> insert(List<JudgeCommand> judges, List<String[]> sealedContacts) {
        return database.sql("""
                        INSERT INTO judge (name, enterprise_id, qualification, phone, email, created_at, updated_at)
                        SELECT name, enterprise_id, qualification, phone, email, :now, :now
                        FROM unnest(:names, :enterprises, :qualifications, :phones, :emails)
                             AS j(name, enterprise_id, qualification, phone, email)""")
                .bind("now", clock.instant())
                .bind("names", judges.stream().map(JudgeCommand::name).toArray(String[]::new))
                .bind("enterprises", judges.stream().map(JudgeCommand::enterpriseId).toArray(Long[]::new))
                .bind("qualifications", judges.stream().map(j -> j.qualification().name()).toArray(String[]::new))
                .bind("phones", sealedContacts.stream().map(contact -> contact[0]).toArray(String[]::new))
                .bind("emails", sealedContacts.stream().map(contact -> contact[1]).toArray(String[]::new))
                .fetch().rowsUpdated()
                .map(Long::intValue);
    }
}
