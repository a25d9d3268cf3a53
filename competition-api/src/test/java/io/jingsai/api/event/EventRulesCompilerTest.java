package io.jingsai.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.jingsai.api.programme.RegistryFixtures;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.award.AwardOutcome;
import io.jingsai.scoring.award.Awards;
import io.jingsai.scoring.marking.AspectMarks;
import io.jingsai.scoring.marking.EntryMarks;
import io.jingsai.scoring.marking.EntryResult;
import io.jingsai.scoring.ranking.RankedEntry;
import io.jingsai.scoring.ranking.Ranking;
import io.jingsai.scoring.ranking.RankingOutcome;
import io.jingsai.scoring.standardisation.StandardScale;
import tools.jackson.databind.json.JsonMapper;

/** Compiling an event's scheme and rules: every problem as a value with its path, or engine objects that score. */
class EventRulesCompilerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RULES = """
            {"tieBreak": [{"key": "total", "order": "DESCENDING"}, {"key": "completionTime", "order": "ASCENDING"},
                          {"key": "P", "order": "DESCENDING"}],
             "awards": {"bands": [{"name": "一等奖", "share": 0.1}, {"name": "二等奖", "share": 0.2},
                                  {"name": "三等奖", "share": 0.3, "minimumStarters": 6}],
                        "titles": [{"title": "技术能手", "maxRank": 3}]}}""";

    @Test
    void everyProblemOfSchemeAndRulesIsReportedAtOnceWithItsPathAndRule() {
        SchemeDocument scheme = JSON.readValue("""
                {"declaredTotal": 100, "rounding": {"scale": 12, "mode": "UNNECESSARY"},
                 "criteria": [{"id": "A", "subCriteria": [{"id": "A1", "aspects": [
                   {"id": "a1", "type": "MEASUREMENT", "maxMark": 70, "aggregation": {"k": 1}},
                   {"id": "a2", "type": "JUDGEMENT", "maxMark": 30, "levelDescriptors": ["1", "2", "3"]}]}]}]}""",
                SchemeDocument.class);
        RulesDocument rules = JSON.readValue("""
                {"teamScore": {"kind": "BEST_N"},
                 "tieBreak": [{"key": "total"}, {"key": "oral", "order": "DESCENDING"},
                              {"key": "A", "order": "DESCENDING"}, {"key": "A", "order": "ASCENDING"}, null],
                 "awards": {"cutOff": "BREAK_BY_CHAIN",
                            "bands": [{"name": "一等奖", "places": 1, "share": 0.1}, {"name": " ", "share": 1.5},
                                      {"name": "二等奖", "places": -1, "minimumStarters": -2}],
                            "titles": [{"title": "技术能手", "maxRank": 0}, null]},
                 "standardisation": {"pointsPerSpread": 0, "minimumResults": 1}}""", RulesDocument.class);

        EventRulesCompiler.Compilation compiled = EventRulesCompiler.compile(scheme, rules, EntryKind.TEAM);

        assertThat(compiled.rules()).isNull();
        assertThat(compiled.errors()).extracting(FieldProblem::field, FieldProblem::rule).containsExactly(
                tuple("scheme.rounding.scale", "number.range"),
                tuple("scheme.rounding.mode", "rounding.unnecessary"),
                tuple("scheme.criteria[0].subCriteria[0].aspects[0].aggregation.kind", "oneOf"),
                tuple("scheme.criteria[0].subCriteria[0].aspects[1].levelDescriptors", "scheme.levelDescriptors"),
                tuple("rules.teamScore.n", "teamScore.bestN"),
                tuple("rules.tieBreak[0].order", "oneOf"),
                tuple("rules.tieBreak[1].key", "oneOf"),
                tuple("rules.tieBreak[3].key", "tieBreak.keyTwice"),
                tuple("rules.tieBreak[4]", "required"),
                tuple("rules.awards.bands[0]", "awards.oneQuota"),
                tuple("rules.awards.bands[1].name", "notBlank"),
                tuple("rules.awards.bands[1].share", "awards.share"),
                tuple("rules.awards.bands[2].minimumStarters", "positiveOrZero"),
                tuple("rules.awards.bands[2].places", "positiveOrZero"),
                tuple("rules.awards.titles[0].maxRank", "min"),
                tuple("rules.awards.titles[1]", "required"),
                tuple("rules.standardisation.pointsPerSpread", "positive"),
                tuple("rules.standardisation.minimumResults", "min"));
        assertThat(compiled.errors()).filteredOn(problem -> problem.field().equals("rules.tieBreak[1].key"))
                .singleElement().extracting(FieldProblem::arguments)
                .isEqualTo(List.of(List.of("total", "A", "completionTime")));
        assertThat(compiled.errors()).filteredOn(problem -> problem.field().equals("scheme.rounding.scale"))
                .singleElement().extracting(FieldProblem::arguments).isEqualTo(List.of("0", "10"));
    }

    @Test
    void thePlansOwnRulesAreReportedAtTheBandTheyConcern() {
        RulesDocument rules = JSON.readValue("""
                {"awards": {"bands": [{"name": "一等奖", "share": 0.6}, {"name": "二等奖", "places": 2},
                                      {"name": "一等奖", "share": 0.5}]}}""", RulesDocument.class);

        assertThat(EventRulesCompiler.compile(scheme(), rules, EntryKind.INDIVIDUAL).errors())
                .extracting(FieldProblem::field, FieldProblem::rule, FieldProblem::arguments).containsExactly(
                        tuple("rules.awards.bands[2].name", "awards.bandTwice", List.of("一等奖")),
                        tuple("rules.awards.bands", "awards.sharesOverAll", List.of("1.1")));
    }

    @Test
    void warningsComeWithAnEventThatCompiles() {
        SchemeDocument heavyTheory = scheme("0.4", "0.6");

        EventRulesCompiler.Compilation compiled = EventRulesCompiler.compile(heavyTheory, rules(), EntryKind.INDIVIDUAL);

        assertThat(compiled.rules()).isNotNull();
        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.warnings()).extracting(FieldProblem::field, FieldProblem::rule, FieldProblem::arguments)
                .containsExactly(tuple("scheme.components[0].weight", "scheme.theoryWeight", List.of("40%")));
    }

    /**
     * By hand (docs/domain.md: components weighted into the total, judgement mark = mean / 3 × max mark, a deduction
     * module full without violations, HALF_UP to 2 places at the end): entry A has theory 80; practical
     * 51 (mean of 50, 52) + 30 × (8/3) / 3 = 26.67 + 10 = 87.67; total 100 × (0.3 × 0.80 + 0.7 × 0.87666…) = 85.3666…
     * → 85.37. Entry B: 90; 45 + 30 + 10 = 85; total 27 + 59.5 = 86.50. Entry C: 70; 60 + 20 + 10 = 90;
     * 21 + 63 = 84.00.
     */
    @Test
    void aValidEventCompilesIntoAScorerRankingAndAwardsThatMatchAHandComputedExample() {
        CompiledRules rules = EventRulesCompiler.compile(scheme(), rules(), EntryKind.INDIVIDUAL).rules();

        EntryResult a = rules.scorer().score(marks("A", "80", "50 52", "2 3 3"));
        EntryResult b = rules.scorer().score(marks("B", "90", "45 45", "3 3 3"));
        EntryResult c = rules.scorer().score(marks("C", "70", "60 60", "2 2 2"));

        assertThat(a.total()).isEqualByComparingTo("85.37");
        assertThat(a.components()).isEqualTo(Map.of("theory", new BigDecimal("80.00"),
                "practical", new BigDecimal("87.67")));
        assertThat(b.total()).isEqualByComparingTo("86.50");
        assertThat(c.total()).isEqualByComparingTo("84.00");

        // D marks as A did but finished faster; E as A without a recorded time; F was absent, without marks
        Standing standingA = rules.standing(1, a, Duration.ofMinutes(60), true);
        Standing standingB = rules.standing(2, b, Duration.ofMinutes(70), true);
        Standing standingC = rules.standing(3, c, Duration.ofMinutes(40), true);
        Standing standingD = rules.standing(4, rules.scorer().score(marks("D", "80", "50 52", "2 3 3")),
                Duration.ofMinutes(50).plusMillis(500), true);
        Standing standingE = rules.standing(5, rules.scorer().score(marks("E", "80", "50 52", "2 3 3")), null, true);
        Standing standingF = rules.standing(6, rules.scorer().score(EntryMarks.of("F", List.of())), null, false);
        assertThat(standingA.keys()).containsEntry("P", new BigDecimal("87.67")).containsEntry("T", new BigDecimal("80.00"))
                .containsEntry("completionTime", new BigDecimal("3600.000000000"));
        assertThat(standingD.keys().get("completionTime")).isEqualByComparingTo("3000.5");

        RankingOutcome<Standing> outcome = Ranking.rank(
                List.of(standingF, standingE, standingD, standingC, standingB, standingA), rules.ranking());
        List<RankedEntry<Standing>> ranked = ((RankingOutcome.Ranked<Standing>) outcome).entries();
        assertThat(ranked).extracting(entry -> entry.entry().registrationNumber(), RankedEntry::rank).containsExactly(
                tuple(2, 1), tuple(4, 2), tuple(1, 3), tuple(5, 4), tuple(3, 5), tuple(6, 6));

        // five starters and five eligible entries (F was absent): 10% → 1, 20% → 1, third prize void below 6 starters
        AwardOutcome<Standing> awards = Awards.award(ranked, rules.awards());
        assertThat(awards.bandOf(standingB)).isEqualTo("一等奖");
        assertThat(awards.bandOf(standingD)).isEqualTo("二等奖");
        assertThat(awards.bandOf(standingA)).isNull();
        assertThat(awards.bandOf(standingF)).isNull();
        assertThat(awards.titles().get(0).holders()).extracting(entry -> entry.entry().registrationNumber())
                .containsExactly(2, 4, 1);
    }

    @Test
    void missingRulesTakeTheirDefaultsOnce() {
        CompiledRules rules = EventRulesCompiler.compile(scheme(), RulesDocument.defaults(), EntryKind.INDIVIDUAL)
                .rules();

        assertThat(rules.ranking().chain().keys()).extracting(Object::toString).containsExactly("total ↓");
        assertThat(rules.standardisation()).isEqualTo(new StandardScale(StandardScale.Centre.MEAN,
                StandardScale.Spread.STANDARD_DEVIATION, BigDecimal.valueOf(700), BigDecimal.valueOf(100), 5,
                io.jingsai.scoring.Rounding.DEFAULT));
        assertThat(rules.teamRule()).isEmpty();
        assertThat(rules.aspect("P1b")).hasValueSatisfying(aspect -> assertThat(aspect.maxMark()).isEqualTo("30"));
        assertThat(rules.aspect("nope")).isEmpty();
        assertThat(rules.scorer().scheme().rounding()).isEqualTo(io.jingsai.scoring.Rounding.DEFAULT);
        assertThat(rules.scorer().scheme().minimumJudgementPanel()).isEqualTo(3);
    }

    private static EntryMarks marks(String entry, String theory, String measured, String judged) {
        return EntryMarks.of(entry, List.of(
                AspectMarks.ofValues("T1a", theory),
                AspectMarks.ofValues("P1a", measured.split(" ")),
                AspectMarks.ofValues("P1b", judged.split(" "))));
    }

    /** The electrician scheme of the API's tests: theory (T1a, 100), practical (P1a 60, P1b 30, P1c 10). */
    private static SchemeDocument scheme(String theoryWeight, String practicalWeight) {
        return JSON.convertValue(RegistryFixtures.scheme(theoryWeight, practicalWeight), SchemeDocument.class);
    }

    private static SchemeDocument scheme() {
        return scheme("0.3", "0.7");
    }

    private static RulesDocument rules() {
        return JSON.readValue(RULES, RulesDocument.class);
    }
}
