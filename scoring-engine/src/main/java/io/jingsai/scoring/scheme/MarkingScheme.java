package io.jingsai.scoring.scheme;

import io.jingsai.scoring.Rounding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A marking scheme (评分标准): criteria → sub-criteria → aspects, each with a max mark, adding up to a declared total,
 * optionally split into weighted components (theory, practical, oral, …).
 *
 * <p>Plain data: the record accepts anything so that a scheme mapped from user input can be checked with every problem
 * reported at once by {@link #validate()}. Scoring ({@code io.jingsai.scoring.marking.EntryScorer}) refuses a scheme
 * with validation errors.
 *
 * @param id                    an identifier for messages
 * @param declaredTotal         what the scheme is marked out of (usually 100), {@code > 0}
 * @param components            weighted components; empty when the total is simply the sum of all marks
 * @param criteria              at least one
 * @param defaultAggregation    panel rule for measurement aspects that do not set their own
 * @param judgementSpread       judgement scores further apart than this (max − min) need review; WorldSkills uses 1
 * @param minimumJudgementPanel fewest judges for a judgement aspect, at least {@link #FEWEST_JUDGES}
 * @param rounding              the one rounding of published figures; {@link Rounding#DEFAULT} is HALF_UP to 2 places
 */
public record MarkingScheme(String id, BigDecimal declaredTotal, List<Component> components, List<Criterion> criteria,
                            PanelAggregation defaultAggregation, int judgementSpread, int minimumJudgementPanel,
                            Rounding rounding) {

    /** Panel rule of measurement aspects when a scheme names none: the mean. */
    public static final PanelAggregation DEFAULT_AGGREGATION = PanelAggregation.mean();
    /** Judgement scores further apart than this need review when a scheme says nothing (WorldSkills: 1). */
    public static final int DEFAULT_JUDGEMENT_SPREAD = 1;
    /** Judges of a judgement aspect when a scheme says nothing. */
    public static final int DEFAULT_MINIMUM_JUDGEMENT_PANEL = 3;
    /** The fewest judges a scheme may set for a judgement aspect (a rule, not a default). */
    public static final int FEWEST_JUDGES = 3;

    public MarkingScheme {
        components = Lists.copy(components);
        criteria = Lists.copy(criteria);
    }

    /** Starts a scheme with the defaults: {@link #DEFAULT_AGGREGATION}, {@link #DEFAULT_JUDGEMENT_SPREAD},
     *  {@link #DEFAULT_MINIMUM_JUDGEMENT_PANEL} and {@link Rounding#DEFAULT}. */
    public static Builder builder(String id, BigDecimal declaredTotal) {
        return new Builder(id, declaredTotal);
    }

    /** Checks every rule and returns all problems at once; never throws. */
    public ValidationReport validate() {
        return new SchemeValidator(this).validate();
    }

    /** All aspects of the scheme, depth-first in scheme order. */
    public List<Aspect> aspects() {
        List<Aspect> all = new ArrayList<>();
        for (Criterion criterion : criteria) {
            for (SubCriterion sub : criterion.subCriteria()) {
                all.addAll(sub.aspects());
            }
        }
        return all;
    }

    /** Builds a {@link MarkingScheme}; does not validate (call {@link MarkingScheme#validate()}). */
    public static final class Builder {
        private final String id;
        private final BigDecimal declaredTotal;
        private final List<Component> components = new ArrayList<>();
        private final List<Criterion> criteria = new ArrayList<>();
        private PanelAggregation defaultAggregation = DEFAULT_AGGREGATION;
        private int judgementSpread = DEFAULT_JUDGEMENT_SPREAD;
        private int minimumJudgementPanel = DEFAULT_MINIMUM_JUDGEMENT_PANEL;
        private Rounding rounding = Rounding.DEFAULT;

        private Builder(String id, BigDecimal declaredTotal) {
            this.id = id;
            this.declaredTotal = declaredTotal;
        }

        public Builder component(Component component) {
            components.add(component);
            return this;
        }

        public Builder criterion(Criterion criterion) {
            criteria.add(criterion);
            return this;
        }

        public Builder defaultAggregation(PanelAggregation aggregation) {
            this.defaultAggregation = aggregation;
            return this;
        }

        public Builder judgementSpread(int spread) {
            this.judgementSpread = spread;
            return this;
        }

        public Builder minimumJudgementPanel(int judges) {
            this.minimumJudgementPanel = judges;
            return this;
        }

        public Builder rounding(Rounding newRounding) {
            this.rounding = newRounding;
            return this;
        }

        public MarkingScheme build() {
            return new MarkingScheme(id, declaredTotal, components, criteria, defaultAggregation, judgementSpread,
                    minimumJudgementPanel, rounding);
        }
    }
}
