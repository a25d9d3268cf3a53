package io.jingsai.api.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.jingsai.api.shared.MultilineText;
import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.scheme.AspectType;
import io.jingsai.scoring.scheme.ComponentKind;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * A marking scheme (评分标准) as organizers write it: criteria → sub-criteria → aspects, each with a max mark, adding
 * up to the declared total, optionally split into weighted components (theory / practical / oral). Stored as sent;
 * compiled by {@link EventRulesCompiler}, which reports every problem at once with its path (e.g.
 * {@code scheme.criteria[2].subCriteria[0].aspects[1].maxMark}). Missing fields take the engine's defaults
 * ({@link MarkingScheme#DEFAULT_AGGREGATION} and the other {@code DEFAULT_…} constants, {@link Rounding#DEFAULT}),
 * here, once, so that the API shows the values that apply.
 *
 * <p>Bean Validation checks only how long its texts may be, as for every text of the API; the engine is the one
 * judge of the scheme's structure and numbers, since a partial check here would report some of those problems in a
 * first round and the rest in a second.
 *
 * @param judgementSpread       judges' scores further apart than this need review; default 1
 * @param minimumJudgementPanel fewest judges of a judgement aspect; default 3
 * @param defaultAggregation    panel rule for measurement aspects without their own; default mean
 * @param rounding              the one rounding of published figures; default HALF_UP to 2 places
 */
@Schema(name = "MarkingScheme")
record SchemeDocument(BigDecimal declaredTotal, List<@Valid ComponentDocument> components,
                      List<@Valid CriterionDocument> criteria, AggregationDocument defaultAggregation,
                      Integer judgementSpread, Integer minimumJudgementPanel, RoundingDocument rounding) {

    /** Longest id of a component, criterion, sub-criterion or aspect (ids are keys, e.g. of tie-breaks). */
    static final int ID = 50;
    /** Longest name of a criterion or sub-criterion, and longest level descriptor. */
    static final int NAME = 200;
    /** Longest description of an aspect, which may run over several lines. */
    static final int DESCRIPTION = 2000;

    SchemeDocument {
        components = components == null ? List.of() : components;
        criteria = criteria == null ? List.of() : criteria;
        defaultAggregation = defaultAggregation == null ? new AggregationDocument(
                MarkingScheme.DEFAULT_AGGREGATION.kind(), MarkingScheme.DEFAULT_AGGREGATION.k()) : defaultAggregation;
        judgementSpread = judgementSpread == null ? MarkingScheme.DEFAULT_JUDGEMENT_SPREAD : judgementSpread;
        minimumJudgementPanel = minimumJudgementPanel == null ? MarkingScheme.DEFAULT_MINIMUM_JUDGEMENT_PANEL
                : minimumJudgementPanel;
        rounding = rounding == null ? new RoundingDocument(null, null) : rounding;
    }

    /** A weighted part of the total; weights add up to 1; a THEORY weight above 0.3 draws a warning. */
    @Schema(name = "SchemeComponent")
    record ComponentDocument(@Size(max = ID) String id, ComponentKind kind, BigDecimal weight, BigDecimal declaredMax) {
    }

    /** A criterion; {@code componentId} names its component when the scheme has components. */
    @Schema(name = "SchemeCriterion")
    record CriterionDocument(@Size(max = ID) String id, @Size(max = NAME) String name,
                             @Size(max = ID) String componentId,
                             List<@Valid SubCriterionDocument> subCriteria) {
        CriterionDocument {
            subCriteria = subCriteria == null ? List.of() : subCriteria;
        }
    }

    @Schema(name = "SchemeSubCriterion")
    record SubCriterionDocument(@Size(max = ID) String id, @Size(max = NAME) String name,
                                List<@Valid AspectDocument> aspects) {
        SubCriterionDocument {
            aspects = aspects == null ? List.of() : aspects;
        }
    }

    /**
     * The smallest marked unit. JUDGEMENT aspects need four level descriptors (scores 0–3); MEASUREMENT aspects may
     * set a panel aggregation, a factor and allowed marks; DEDUCTION modules set the points a violation costs.
     */
    @Schema(name = "SchemeAspect")
    record AspectDocument(@Size(max = ID) String id, @Size(max = DESCRIPTION) @MultilineText String description,
                          AspectType type, BigDecimal maxMark,
                          List<@Size(max = NAME) String> levelDescriptors, AggregationDocument aggregation,
                          BigDecimal factor,
                          BigDecimal deductionPerViolation, List<BigDecimal> allowedMarks) {
        AspectDocument {
            levelDescriptors = levelDescriptors == null ? List.of() : levelDescriptors;
            allowedMarks = allowedMarks == null ? List.of() : allowedMarks;
        }
    }

    /** MEAN, MEDIAN, or TRIMMED_MEAN / TRIMMED_SUM dropping the {@code k} highest and lowest marks. */
    @Schema(name = "PanelAggregation")
    record AggregationDocument(PanelAggregation.Kind kind, Integer k) {
        AggregationDocument {
            k = k == null ? 0 : k;
        }
    }

    /** A missing scale or mode takes the engine's default ({@link Rounding#DEFAULT}). */
    @Schema(name = "Rounding")
    record RoundingDocument(Integer scale, RoundingMode mode) {
        RoundingDocument {
            scale = scale == null ? Rounding.DEFAULT.scale() : scale;
            mode = mode == null ? Rounding.DEFAULT.mode() : mode;
        }
    }
}
