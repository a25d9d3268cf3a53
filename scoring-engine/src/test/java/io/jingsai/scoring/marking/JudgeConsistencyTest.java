package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeConsistencyTest {

    static List<PanelMark> marks() {
        return List.of(
                // aspect x, entry e1: 6, 7, 8 → mean 7, spread 2
                PanelMark.of("x", "e1", "j1", "6"), PanelMark.of("x", "e1", "j2", "7"), PanelMark.of("x", "e1", "j3", "8"),
                // aspect x, entry e2: 5, 5, 8 → mean 6, spread 3
                PanelMark.of("x", "e2", "j1", "5"), PanelMark.of("x", "e2", "j2", "5"), PanelMark.of("x", "e2", "j3", "8"),
                // aspect y, entry e1: 2, 2, 2 → mean 2, spread 0
                PanelMark.of("y", "e1", "j1", "2"), PanelMark.of("y", "e1", "j2", "2"), PanelMark.of("y", "e1", "j3", "2"));
    }

    @Test
    void reportsSpreadPerAspectAndLeniencyAndOutliersPerJudge() {
        JudgeConsistency.Report report = JudgeConsistency.analyse(marks(), new BigDecimal("1"));
        assertThat(report.aspects()).containsExactly(
                new JudgeConsistency.AspectSpread("x", 2, new BigDecimal("3"), ExactValue.ratio(new BigDecimal("5"), 2), 2),
                new JudgeConsistency.AspectSpread("y", 1, new BigDecimal("0"), ExactValue.ZERO, 0));
        // j1 deviations: -1, -1, 0 → mean -2/3; j2: 0, -1, 0 → -1/3; j3: +1, +2, 0 → +1; outliers |d| > 1: only j3's +2
        assertThat(report.judges()).containsExactly(
                new JudgeConsistency.JudgeLeniency("j1", 3, ExactValue.ratio(new BigDecimal("-2"), 3), 0),
                new JudgeConsistency.JudgeLeniency("j2", 3, ExactValue.ratio(new BigDecimal("-1"), 3), 0),
                new JudgeConsistency.JudgeLeniency("j3", 3, ExactValue.ONE, 1));
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<PanelMark> shuffled = new ArrayList<>(marks());
        Collections.shuffle(shuffled, new Random(7));
        assertThat(JudgeConsistency.analyse(shuffled, BigDecimal.ONE)).isEqualTo(JudgeConsistency.analyse(marks(), BigDecimal.ONE));
    }

    @Test
    void rejectsANegativeThresholdAndAJudgeMarkingTwice() {
        assertThatThrownBy(() -> JudgeConsistency.analyse(marks(), new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be >= 0, got -1");
        List<PanelMark> twice = List.of(PanelMark.of("x", "e1", "j1", "6"), PanelMark.of("x", "e1", "j1", "7"));
        assertThatThrownBy(() -> JudgeConsistency.analyse(twice, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("judge j1 marked aspect 'x' of entry e1 twice");
    }
}
