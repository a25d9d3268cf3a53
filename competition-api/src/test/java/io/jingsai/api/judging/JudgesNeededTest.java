package io.jingsai.api.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.jingsai.scoring.scheme.SubCriterion;

/**
 * The judges a scheme needs per entry against the rule written out per aspect kind: judgement aspects the scheme's
 * minimum panel, measurement aspects their panel rule's fewest marks (mean or median 1, trimmed 2k + 1, the scheme's
 * default rule where the aspect names none), deduction modules nothing; the first aspect of the most wins.
 */
class JudgesNeededTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void anEntryNeedsWhatItsMostDemandingAspectNeeds(long seed) {
        Random random = new Random(seed);
        int panel = 3 + random.nextInt(4);
        PanelAggregation fallback = random.nextBoolean() ? PanelAggregation.median()
                : PanelAggregation.trimmedMean(1 + random.nextInt(2));
        List<Aspect> aspects = new ArrayList<>();
        int expected = 1;
        String expectedAspect = null;
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            String id = "X" + i;
            int needs;
            Aspect aspect;
            switch (random.nextInt(4)) {
                case 0 -> {
                    aspect = Aspect.judgement(id, "评价", BigDecimal.TEN, List.of("0", "1", "2", "3"));
                    needs = panel;
                }
                case 1 -> {
                    aspect = Aspect.deduction(id, "扣分", BigDecimal.TEN, BigDecimal.ONE);
                    needs = 0;
                }
                case 2 -> {
                    aspect = Aspect.measurement(id, "测量", BigDecimal.TEN);
                    needs = fallback.kind() == PanelAggregation.Kind.MEDIAN ? 1 : 2 * fallback.k() + 1;
                }
                default -> {
                    int k = random.nextInt(4);
                    aspect = Aspect.measurement(id, "测量", BigDecimal.TEN)
                            .withAggregation(k == 0 ? PanelAggregation.mean() : PanelAggregation.trimmedSum(k));
                    needs = k == 0 ? 1 : 2 * k + 1;
                }
            }
            aspects.add(aspect);
            if (needs > expected || expectedAspect == null && needs == expected) {
                expected = needs;
                expectedAspect = id;
            }
        }
        MarkingScheme scheme = MarkingScheme.builder("S", BigDecimal.TEN).minimumJudgementPanel(panel)
                .defaultAggregation(fallback)
                .criterion(Criterion.of("C", "准则", SubCriterion.of("C1", "子准则", aspects.toArray(Aspect[]::new))))
                .build();

        assertThat(JudgesNeeded.of(scheme)).isEqualTo(new JudgesNeeded(expected, expectedAspect));
    }
}
