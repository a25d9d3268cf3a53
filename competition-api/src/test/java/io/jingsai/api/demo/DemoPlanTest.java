package io.jingsai.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.identifiers.UnifiedSocialCreditCode;

/** The demo's plan is a pure function of its settings: sizes, valid identifiers, sheets and marks, without a database. */
class DemoPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void theDefaultsMakeTheSizesTheDocumentationPromises() {
        DemoPlan plan = DemoPlan.of(DemoSettings.defaults());
        assertThat(plan.tradesWithContestants()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(plan.enterprises()).hasSizeBetween(200, 999);
        assertThat(plan.contestants()).hasSizeGreaterThanOrEqualTo(2000);
        assertThat(plan.events()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(plan.events()).allSatisfy(event -> assertThat(event.judges()).hasSizeGreaterThanOrEqualTo(3));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2025, -77, 123_456_789})
    void everyIdentifierIsValidByTheApplicationsRulesAndUnique(long seed) {
        DemoPlan plan = DemoPlan.of(withSeed(seed));
        assertThat(plan.enterprises()).allSatisfy(enterprise -> assertThat(
                UnifiedSocialCreditCode.parse(enterprise.creditCode()).isValid()).as(enterprise.creditCode()).isTrue());
        assertThat(plan.contestants()).allSatisfy(contestant -> assertThat(
                ResidentIdNumber.parse(contestant.idNumber(), TODAY).isValid()).as(contestant.idNumber()).isTrue());
        assertThat(plan.enterprises().stream().map(DemoPlan.Enterprise::creditCode)).doesNotHaveDuplicates();
        assertThat(plan.enterprises().stream().map(DemoPlan.Enterprise::name)).doesNotHaveDuplicates();
        assertThat(plan.contestants().stream().map(DemoPlan.Contestant::idNumber)).doesNotHaveDuplicates();
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        assertThat(DemoPlan.of(withSeed(5))).isEqualTo(DemoPlan.of(withSeed(5)));
        assertThat(DemoPlan.of(withSeed(5)).contestants()).isNotEqualTo(DemoPlan.of(withSeed(6)).contestants());
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 2025, 99})
    void eventsTakeEntrantsOfTheirOwnTradeAndJudgesOfTheirOwn(long seed) {
        DemoPlan plan = DemoPlan.of(withSeed(seed));
        Set<Integer> judges = new HashSet<>();
        Set<Integer> entrants = new HashSet<>();
        for (DemoPlan.Event event : plan.events()) {
            assertThat(event.entrants()).allSatisfy(entrant ->
                    assertThat(plan.contestants().get(entrant).trade()).isEqualTo(event.trade()));
            assertThat(event.judges()).allSatisfy(judge -> assertThat(judges.add(judge)).isTrue());
            assertThat(event.entrants()).allSatisfy(entrant -> assertThat(entrants.add(entrant)).isTrue());
        }
        assertThat(plan.events().stream().map(DemoPlan.Event::trade)).doesNotHaveDuplicates();
    }

    @Test
    void theSheetsCoverEveryJudgeAndEntryOnceAndKeepTheEventsSideBySide() {
        DemoSettings settings = DemoSettings.defaults();
        DemoPlan plan = DemoPlan.of(settings);
        List<DemoPlan.Sheet> sheets = plan.sheets();
        assertThat(sheets).hasSize(settings.events() * settings.entriesPerEvent() * settings.judgesPerEvent())
                .doesNotHaveDuplicates();
        // the first stations of every event come before the second station of any
        assertThat(sheets.subList(0, settings.events() * settings.judgesPerEvent()))
                .allSatisfy(sheet -> assertThat(sheet.entry()).isZero());
    }

    /** Marks within each aspect's range, in half points; judges' judgement scores of an entry at most 1 apart. */
    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2025, -5})
    void marksFitTheSchemeAndJudgementsAgreeWithinTheAllowedSpread(long seed) {
        DemoPlan plan = DemoPlan.of(withSeed(seed));
        Map<String, BigDecimal> maxima = Map.of("A1a", BigDecimal.valueOf(40), "A1b", BigDecimal.valueOf(20),
                "B1a", BigDecimal.valueOf(3), "B1b", BigDecimal.valueOf(10));
        for (int round = 0; round < 3; round++) {
            int r = round;
            Map<String, List<Integer>> judgements = plan.sheets().stream().collect(Collectors.groupingBy(
                    sheet -> sheet.event() + "/" + sheet.entry(), Collectors.mapping(sheet ->
                            DemoScheme.marks(seed, sheet, r).get(2).value().intValueExact(), Collectors.toList())));
            judgements.values().forEach(scores -> assertThat(scores.stream().mapToInt(i -> i).max().getAsInt()
                    - scores.stream().mapToInt(i -> i).min().getAsInt()).isBetween(0, 1));
            for (DemoPlan.Sheet sheet : plan.sheets()) {
                for (DemoScheme.Mark mark : DemoScheme.marks(seed, sheet, r)) {
                    assertThat(mark.value()).isBetween(BigDecimal.ZERO, maxima.get(mark.aspectId()));
                    assertThat(mark.value().multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale())
                            .isLessThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void settingsThatCannotMakeAPlanAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new DemoSettings(1, 10, 5, 100, 3, 10, 2, 0.3, 3))
                .hasMessageContaining("jingsai.demo.judges-per-event");
        assertThatThrownBy(() -> new DemoSettings(1, 10, 5, 20, 3, 10, 3, 0.3, 3))
                .hasMessageContaining("jingsai.demo.contestants");
        assertThatThrownBy(() -> new DemoSettings(1, 2, 5, 100, 3, 10, 3, 0.3, 3))
                .hasMessageContaining("jingsai.demo.trades");
    }

    private static DemoSettings withSeed(long seed) {
        DemoSettings defaults = DemoSettings.defaults();
        return new DemoSettings(seed, defaults.trades(), defaults.enterprises(), defaults.contestants(),
                defaults.events(), defaults.entriesPerEvent(), defaults.judgesPerEvent(), defaults.initialShare(),
                defaults.marksPerSecond());
    }
}
