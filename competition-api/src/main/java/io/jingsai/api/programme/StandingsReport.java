package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.identifiers.AdministrativeDivisionCode;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetTab;
import reactor.core.publisher.Mono;

/**
 * A programme's standings as the file organizers print and file: one sheet per tier board — the competition stars,
 * the key and demonstration projects, the enterprises — each line with its rank, its tier and the region (and for
 * projects the aspect and key area) it belongs to, so that the file can be cut by region or key area as well as by
 * tier. The boards are the organizers' own computations on the basis asked for (no rule written twice); the project
 * board is the evaluation as it stands, whatever its status (the title says which). A region filter keeps the lines
 * inside that province, city or county, with their ranks and tiers on the whole board. Headers and words in the
 * request's language.
 */
@Component
class StandingsReport {

    private final StarStandings stars;
    private final ProjectStandings projects;
    private final ProjectFactsStore projectFacts;
    private final EnterpriseStandings enterprises;
    private final StandingsReportStore names;
    private final ProgrammeService programmes;
    private final ProgrammeJson programmeJson;
    private final MessageSource messages;

    StandingsReport(StarStandings stars, ProjectStandings projects, ProjectFactsStore projectFacts,
                    EnterpriseStandings enterprises, StandingsReportStore names, ProgrammeService programmes,
                    ProgrammeJson programmeJson, MessageSource messages) {
        this.stars = stars;
        this.projects = projects;
        this.projectFacts = projectFacts;
        this.enterprises = enterprises;
        this.names = names;
        this.programmes = programmes;
        this.programmeJson = programmeJson;
        this.messages = messages;
    }

    /** The three sheets, read in one snapshot; {@code regionCode} null for every region. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<List<SheetTab>> tabs(long programmeId, StarBasis basis, String regionCode, Locale language) {
        Predicate<String> inRegion = regionCode == null ? code -> true
                : code -> code != null && AdministrativeDivisionCode.of(regionCode)
                .encloses(AdministrativeDivisionCode.of(code));
        return programmes.load(programmeId).flatMap(programme -> Mono.zip(
                starsTab(programmeId, basis, inRegion, language),
                projectsTab(programme, inRegion, language),
                enterprisesTab(programmeId, basis, inRegion, language))
                .map(tabs -> List.of(tabs.getT1(), tabs.getT2(), tabs.getT3())));
    }

    private Mono<SheetTab> starsTab(long programmeId, StarBasis basis, Predicate<String> inRegion, Locale language) {
        return stars.standings(programmeId, basis, null).flatMap(board -> Mono.zip(
                        names.enterprises(board.entries().stream().map(StarStandingsView.Entry::enterpriseId)
                                .distinct().toList()),
                        names.trades(board.entries().stream().map(StarStandingsView.Entry::tradeId).distinct()
                                .toList()))
                .map(found -> {
                    List<List<String>> rows = new ArrayList<>();
                    for (StarStandingsView.Entry entry : board.entries()) {
                        StandingsReportStore.Enterprise enterprise = found.getT1().get(entry.enterpriseId());
                        if (!inRegion.test(enterprise.regionCode())) {
                            continue;
                        }
                        StandingsReportStore.Trade trade = found.getT2().get(entry.tradeId());
                        rows.add(List.of(String.valueOf(entry.rank()), entry.name(), enterprise.name(),
                                enterprise.regionCode(), english(language) ? trade.nameEn() : trade.nameZh(),
                                plain(entry.score()), yesNo(entry.star(), language),
                                yesNo(entry.provisional(), language)));
                    }
                    return new SheetTab(word(language, "export.standings.starsSheet"),
                            List.of(word(language, "export.standings.starsTitle", String.valueOf(programmeId),
                                    basis.name(), String.valueOf(board.tier().quota()),
                                    String.valueOf(board.tier().members()))),
                            columns(language, "rank", "contestant", "enterprise", "region", "trade", "score",
                                    "star", "provisional"), rows, List.of());
                }));
    }

    private Mono<SheetTab> projectsTab(ProgrammeRow programme, Predicate<String> inRegion, Locale language) {
        return Mono.zip(projects.standings(programme.id()), projectFacts.projects(programme.id()).collectList())
                .map(found -> {
                    List<KeyArea> areas = programmeJson.keyAreas(programme.keyAreas());
                    List<List<String>> rows = new ArrayList<>();
                    for (PublicProjectsView.Line line : PublicTiers.lines(found.getT1(), found.getT2(), areas)) {
                        if (inRegion.test(line.regionCode())) {
                            rows.add(List.of(String.valueOf(line.rank()), line.name(), line.hostEnterprise(),
                                    text(line.aspect()), text(english(language) ? line.keyAreaNameEn()
                                            : line.keyAreaName()), text(line.regionCode()), plain(line.score()),
                                    line.tier() == null ? "" : word(language, "export.standings.tier."
                                            + line.tier())));
                        }
                    }
                    return new SheetTab(word(language, "export.standings.projectsSheet"),
                            List.of(word(language, "export.standings.projectsTitle",
                                    String.valueOf(programme.id()), found.getT1().status().name())),
                            columns(language, "rank", "project", "host", "aspect", "keyArea", "region", "score",
                                    "tier"), rows, List.of());
                });
    }

    private Mono<SheetTab> enterprisesTab(long programmeId, StarBasis basis, Predicate<String> inRegion,
                                          Locale language) {
        return enterprises.standings(programmeId, basis).map(board -> {
            List<List<String>> rows = new ArrayList<>();
            for (EnterpriseStandingsView.Entry entry : board.entries()) {
                if (inRegion.test(entry.regionCode())) {
                    rows.add(List.of(String.valueOf(entry.rank()), entry.name(), entry.regionCode(),
                            plain(entry.index()), yesNo(entry.inTier(), language)));
                }
            }
            return new SheetTab(word(language, "export.standings.enterprisesSheet"),
                    List.of(word(language, "export.standings.enterprisesTitle", String.valueOf(programmeId),
                            basis.name(), String.valueOf(board.tier().quota()),
                            String.valueOf(board.tier().members()))),
                    columns(language, "rank", "enterprise", "region", "index", "inTier"), rows, List.of());
        });
    }

    private static boolean english(Locale language) {
        return "en".equals(language.getLanguage());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private String yesNo(boolean value, Locale language) {
        return word(language, value ? "export.standings.yes" : "export.standings.no");
    }

    private List<SheetColumn> columns(Locale language, String... names) {
        List<SheetColumn> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(SheetColumn.optional(word(language, "export.standings.column." + name), name, null));
        }
        return columns;
    }

    private String word(Locale language, String key, Object... arguments) {
        return messages.getMessage(key, arguments, language);
    }
}
