package io.jingsai.api.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.jingsai.scoring.scheme.AspectType;
import io.jingsai.scoring.scheme.ComponentKind;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A marking scheme (评分标准) as organizers write it: criteria → sub-criteria → aspects, each with a max mark, adding
 * up to the declared total, optionally split into weighted components (theory / practical / oral). Stored as sent;
 * checked by the scoring engine, which reports every problem at once with its path (e.g.
 * {@code scheme.criteria[2].subCriteria[0].aspects[1].maxMark}).
 *
 * <p>Deliberately without Bean Validation: the engine is the one judge of a scheme, and a partial check here would
 * report some problems in a first round and the rest in a second.
 *
 * @param judgementSpread       judges' scores further apart than this need review; default 1
 * @param minimumJudgementPanel fewest judges of a judgement aspect; default 3
 * @param defaultAggregation    panel rule for measurement aspects without their own; default mean
 * @param rounding              the one rounding of published figures; default HALF_UP to 2 places
 */
@Schema(name = "MarkingScheme")
record SchemeDocument(BigDecimal declaredTotal, List<ComponentDocument> components,
                      List<CriterionDocument> criteria, AggregationDocument defaultAggregation,
                      Integer judgementSpread, Integer minimumJudgementPanel, RoundingDocument rounding) {

    SchemeDocument {
        components = components == null ? List.of() : components;
        criteria = criteria == null ? List.of() : criteria;
        defaultAggregation = defaultAggregation == null ? new AggregationDocument(PanelAggregation.Kind.MEAN, 0)
                : defaultAggregation;
        judgementSpread = judgementSpread == null ? 1 : judgementSpread;
        minimumJudgementPanel = minimumJudgementPanel == null ? 3 : minimumJudgementPanel;
        rounding = rounding == null ? new RoundingDocument(2, RoundingMode.HALF_UP) : rounding;
    }

    /** A weighted part of the total; weights add up to 1; a THEORY weight above 0.3 draws a warning. */
    @Schema(name = "SchemeComponent")
    record ComponentDocument(String id, ComponentKind kind, BigDecimal weight, BigDecimal declaredMax) {
    }

    /** A criterion; {@code componentId} names its component when the scheme has components. */
    @Schema(name = "SchemeCriterion")
    record CriterionDocument(String id, String name, String componentId, List<SubCriterionDocument> subCriteria) {
        CriterionDocument {
            subCriteria = subCriteria == null ? List.of() : subCriteria;
        }
    }

    @Schema(name = "SchemeSubCriterion")
    record SubCriterionDocument(String id, String name, List<AspectDocument> aspects) {
        SubCriterionDocument {
            aspects = aspects == null ? List.of() : aspects;
        }
    }

    /**
     * The smallest marked unit. JUDGEMENT aspects need four level descriptors (scores 0–3); MEASUREMENT aspects may
     * set a panel aggregation, a factor and allowed marks; DEDUCTION modules set the points a violation costs.
     */
    @Schema(name = "SchemeAspect")
    record AspectDocument(String id, String description, AspectType type, BigDecimal maxMark,
                          List<String> levelDescriptors, AggregationDocument aggregation, BigDecimal factor,
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

    @Schema(name = "Rounding")
    record RoundingDocument(Integer scale, RoundingMode mode) {
    }
}
