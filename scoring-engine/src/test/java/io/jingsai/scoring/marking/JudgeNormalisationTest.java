package io.jingsai.scoring.marking;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeNormalisationTest {

    @Test
    void removesEachJudgesLeniencyAndMapsBackToThePooledScale() {
        // j1 (strict) marks e1..e2: 4, 6 → mean 5, sd 1; j2 (lenient) marks e3..e4: 7, 9 → mean 8, sd 1.
        // pooled: 4, 6, 7, 9 → mean 6.5, variance (6.25 + 0.25 + 0.25 + 6.25) / 4 = 3.25, sd = √3.25 = 1.80277…
        List<PanelMark> marks = List.of(PanelMark.of("x", "e1", "j1", "4"), PanelMark.of("x", "e2", "j1", "6"),
                PanelMark.of("x", "e3", "j2", "7"), PanelMark.of("x", "e4", "j2", "9"));
        JudgeNormalisation.Outcome outcome = JudgeNormalisation.normalise(marks, 2);
        assertThat(outcome).isInstanceOf(JudgeNormalisation.Outcome.Normalised.class);
        List<JudgeNormalisation.NormalisedMark> normalised = ((JudgeNormalisation.Outcome.Normalised) outcome).marks();
        // z = -1, +1, -1, +1 → 6.5 ∓ 1.80277…: e1 and e3 land on the same value, as do e2 and e4
        assertThat(normalised).extracting(m -> m.normalised().setScale(4, RoundingMode.HALF_UP).toPlainString())
                .containsExactly("4.6972", "8.3028", "4.6972", "8.3028");
        assertThat(normalised).extracting(JudgeNormalisation.NormalisedMark::entryId)
                .containsExactly("e1", "e2", "e3", "e4");
    }

    @Test
    void judgesWithTooFewMarksOrNoSpreadAreRejectedAllAtOnce() {
        List<PanelMark> marks = List.of(PanelMark.of("x", "e1", "j1", "4"), PanelMark.of("x", "e2", "j1", "4"),
                PanelMark.of("x", "e3", "j2", "7"), PanelMark.of("x", "e4", "j3", "9"), PanelMark.of("x", "e5", "j3", "8"));
        assertThat(JudgeNormalisation.normalise(marks, 2)).isEqualTo(new JudgeNormalisation.Outcome.Rejected(List.of(
                "aspect 'x': judge j1 gave every entry the same mark 4, no spread to normalise",
                "aspect 'x': judge j2 has 1 mark(s), z-scores need at least 2")));
        assertThatThrownBy(() -> JudgeNormalisation.normalise(marks, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("z-scores need at least 2 marks per judge, minimum was 1");
    }

    @Test
    void normalisedMarksKeepEachJudgesOrder() {
        List<PanelMark> marks = List.of(PanelMark.of("x", "e1", "j1", "3"), PanelMark.of("x", "e2", "j1", "9"),
                PanelMark.of("x", "e3", "j1", "5"), PanelMark.of("x", "e4", "j2", "1"), PanelMark.of("x", "e5", "j2", "2"));
        var normalised = ((JudgeNormalisation.Outcome.Normalised) JudgeNormalisation.normalise(marks, 2)).marks();
        BigDecimal e1 = normalised.get(0).normalised();
        BigDecimal e2 = normalised.get(1).normalised();
        BigDecimal e3 = normalised.get(2).normalised();
        assertThat(e2).isGreaterThan(e3);
        assertThat(e3).isGreaterThan(e1);
    }
}
