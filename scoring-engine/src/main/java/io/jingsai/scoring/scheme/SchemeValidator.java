package io.jingsai.scoring.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects every problem of one scheme; one method per level of the structure. */
final class SchemeValidator {

    static final BigDecimal THEORY_WEIGHT_WARNING = new BigDecimal("0.3");

    private final MarkingScheme scheme;
    private final List<ValidationProblem> problems = new ArrayList<>();
    private final Set<String> aspectIds = new HashSet<>();
    private final Map<String, BigDecimal> maxByComponent = new HashMap<>();
    private BigDecimal maxOfAll = BigDecimal.ZERO;

    SchemeValidator(MarkingScheme scheme) {
        this.scheme = scheme;
    }

    ValidationReport validate() {
        checkSchemeFields();
        Set<String> componentIds = checkComponents();
        checkCriteria(componentIds);
        checkTotals();
        return new ValidationReport(problems);
    }

    private void checkSchemeFields() {
        if (isBlank(scheme.id())) {
            error("id", "notBlank", "must not be blank");
        }
        requirePositive("declaredTotal", scheme.declaredTotal());
        if (scheme.defaultAggregation() == null) {
            error("defaultAggregation", "required", "must be set");
        } else {
            checkAggregation("defaultAggregation", scheme.defaultAggregation());
        }
        if (scheme.judgementSpread() < 0) {
            error("judgementSpread", "positiveOrZero", "must be >= 0, got " + scheme.judgementSpread());
        }
        if (scheme.minimumJudgementPanel() < MarkingScheme.FEWEST_JUDGES) {
            error("minimumJudgementPanel", "scheme.judgementPanel", "judgement needs at least "
                    + MarkingScheme.FEWEST_JUDGES + " judges, got " + scheme.minimumJudgementPanel(),
                    String.valueOf(MarkingScheme.FEWEST_JUDGES));
        }
        if (scheme.rounding() == null) {
            error("rounding", "required", "must be set");
        }
        if (scheme.criteria().isEmpty()) {
            error("criteria", "notEmpty", "must have at least one criterion");
        }
    }

    private Set<String> checkComponents() {
        Set<String> ids = new java.util.LinkedHashSet<>();
        List<Component> components = scheme.components();
        BigDecimal weights = BigDecimal.ZERO;
        boolean weightsComplete = true;
        for (int i = 0; i < components.size(); i++) {
            String path = "components[" + i + "]";
            Component component = components.get(i);
            if (component == null) {
                error(path, "required", "must not be null");
                weightsComplete = false;
                continue;
            }
            if (isBlank(component.id())) {
                error(path + ".id", "notBlank", "must not be blank");
            } else if (!ids.add(component.id())) {
                error(path + ".id", "scheme.duplicateId", "duplicate component id '" + component.id() + "'", component.id());
            }
            if (component.kind() == null) {
                error(path + ".kind", "required", "must be set");
            }
            requirePositive(path + ".declaredMax", component.declaredMax());
            if (!requirePositive(path + ".weight", component.weight())) {
                weightsComplete = false;
                continue;
            }
            weights = weights.add(component.weight());
            if (component.kind() == ComponentKind.THEORY && component.weight().compareTo(THEORY_WEIGHT_WARNING) > 0) {
                warning(path + ".weight", "scheme.theoryWeight", "theory weight " + percent(component.weight())
                        + " is above 30%; contests usually weight theory at 30% or less", percent(component.weight()));
            }
        }
        if (!components.isEmpty() && weightsComplete && weights.compareTo(BigDecimal.ONE) != 0) {
            error("components", "scheme.weightsSum", "weights add up to " + weights.toPlainString() + ", must add up to 1",
                    weights.toPlainString());
        }
        return ids;
    }

    private void checkCriteria(Set<String> componentIds) {
        Set<String> criterionIds = new HashSet<>();
        List<Criterion> criteria = scheme.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            String path = "criteria[" + i + "]";
            Criterion criterion = criteria.get(i);
            if (criterion == null) {
                error(path, "required", "must not be null");
                continue;
            }
            if (isBlank(criterion.id())) {
                error(path + ".id", "notBlank", "must not be blank");
            } else if (!criterionIds.add(criterion.id())) {
                error(path + ".id", "scheme.duplicateId", "duplicate criterion id '" + criterion.id() + "'", criterion.id());
            }
            checkComponentReference(path, criterion, componentIds);
            if (criterion.subCriteria().isEmpty()) {
                error(path + ".subCriteria", "notEmpty", "must have at least one sub-criterion");
            }
            for (int j = 0; j < criterion.subCriteria().size(); j++) {
                checkSubCriterion(path + ".subCriteria[" + j + "]", criterion.subCriteria().get(j),
                        criterion.componentId());
            }
        }
    }

    private void checkComponentReference(String path, Criterion criterion, Set<String> componentIds) {
        String ref = criterion.componentId();
        if (scheme.components().isEmpty()) {
            if (ref != null) {
                error(path + ".componentId", "scheme.noComponents",
                        "refers to component '" + ref + "' but the scheme has no components", ref);
            }
        } else if (isBlank(ref)) {
            error(path + ".componentId", "oneOf", "must name one of the scheme's components " + componentIds,
                    List.copyOf(componentIds));
        } else if (!componentIds.contains(ref)) {
            error(path + ".componentId", "oneOf", "unknown component '" + ref + "', expected one of " + componentIds,
                    List.copyOf(componentIds));
        }
    }

    private void checkSubCriterion(String path, SubCriterion sub, String componentId) {
        if (sub == null) {
            error(path, "required", "must not be null");
            return;
        }
        if (isBlank(sub.id())) {
            error(path + ".id", "notBlank", "must not be blank");
        }
        if (sub.aspects().isEmpty()) {
            error(path + ".aspects", "notEmpty", "must have at least one aspect");
        }
        for (int k = 0; k < sub.aspects().size(); k++) {
            checkAspect(path + ".aspects[" + k + "]", sub.aspects().get(k), componentId);
        }
    }

    private void checkAspect(String path, Aspect aspect, String componentId) {
        if (aspect == null) {
            error(path, "required", "must not be null");
            return;
        }
        if (isBlank(aspect.id())) {
            error(path + ".id", "notBlank", "must not be blank");
        } else if (!aspectIds.add(aspect.id())) {
            error(path + ".id", "scheme.duplicateId",
                    "duplicate aspect id '" + aspect.id() + "' (aspect ids are unique in a scheme)", aspect.id());
        }
        if (requirePositive(path + ".maxMark", aspect.maxMark())) {
            maxOfAll = maxOfAll.add(aspect.maxMark());
            if (componentId != null) {
                maxByComponent.merge(componentId, aspect.maxMark(), BigDecimal::add);
            }
        }
        if (aspect.type() == null) {
            error(path + ".type", "oneOf", "must be MEASUREMENT, JUDGEMENT or DEDUCTION", names(AspectType.values()));
            return;
        }
        switch (aspect.type()) {
            case MEASUREMENT -> checkMeasurement(path, aspect);
            case JUDGEMENT -> checkJudgement(path, aspect);
            case DEDUCTION -> checkDeduction(path, aspect);
        }
    }

    private void checkMeasurement(String path, Aspect aspect) {
        if (aspect.aggregation() != null) {
            checkAggregation(path + ".aggregation", aspect.aggregation());
        }
        if (aspect.factor() != null) {
            requirePositive(path + ".factor", aspect.factor());
        }
        List<BigDecimal> allowed = aspect.allowedMarks();
        for (int m = 0; m < allowed.size(); m++) {
            BigDecimal mark = allowed.get(m);
            String markPath = path + ".allowedMarks[" + m + "]";
            if (mark == null) {
                error(markPath, "required", "must not be null");
            } else if (mark.signum() < 0 || (aspect.maxMark() != null && mark.compareTo(aspect.maxMark()) > 0)) {
                error(markPath, "scheme.allowedMark", "must be within [0, maxMark], got " + mark.toPlainString());
            }
        }
        rejectForeignFields(path, aspect, true, false, false);
    }

    private void checkJudgement(String path, Aspect aspect) {
        List<String> descriptors = aspect.levelDescriptors();
        if (descriptors.size() != 4) {
            error(path + ".levelDescriptors", "scheme.levelDescriptors",
                    "judgement aspect needs 4 level descriptors (scores 0-3), got " + descriptors.size(),
                    String.valueOf(descriptors.size()));
        }
        for (int d = 0; d < descriptors.size(); d++) {
            if (isBlank(descriptors.get(d))) {
                error(path + ".levelDescriptors[" + d + "]", "notBlank", "must not be blank");
            }
        }
        rejectForeignFields(path, aspect, false, true, false);
    }

    private void checkDeduction(String path, Aspect aspect) {
        if (requirePositive(path + ".deductionPerViolation", aspect.deductionPerViolation())
                && aspect.maxMark() != null && aspect.deductionPerViolation().compareTo(aspect.maxMark()) > 0) {
            String perViolation = aspect.deductionPerViolation().toPlainString();
            String module = aspect.maxMark().toPlainString();
            warning(path + ".deductionPerViolation", "scheme.deductionAboveModule", "one violation (" + perViolation
                    + ") costs more than the whole module (" + module + "); the module stops at zero", perViolation,
                    module);
        }
        rejectForeignFields(path, aspect, false, false, true);
    }

    /** Fields of another aspect type are an error: silently ignoring them would mark differently than the author meant. */
    private void rejectForeignFields(String path, Aspect aspect, boolean measurement, boolean judgement,
                                     boolean deduction) {
        String type = aspect.type().name();
        if (!measurement) {
            if (aspect.aggregation() != null) {
                otherType(path + ".aggregation", "MEASUREMENT", "a panel aggregation", type);
            }
            if (aspect.factor() != null) {
                otherType(path + ".factor", "MEASUREMENT", "a factor", type);
            }
            if (!aspect.allowedMarks().isEmpty()) {
                otherType(path + ".allowedMarks", "MEASUREMENT", "allowed marks", type);
            }
        }
        if (!judgement && !aspect.levelDescriptors().isEmpty()) {
            otherType(path + ".levelDescriptors", "JUDGEMENT", "level descriptors", type);
        }
        if (!deduction && aspect.deductionPerViolation() != null) {
            otherType(path + ".deductionPerViolation", "DEDUCTION", "points per violation", type);
        }
    }

    private void checkAggregation(String path, PanelAggregation aggregation) {
        if (aggregation.kind() == null) {
            error(path + ".kind", "oneOf", "must be MEAN, MEDIAN, TRIMMED_MEAN or TRIMMED_SUM",
                    names(PanelAggregation.Kind.values()));
            return;
        }
        ValidationProblem problem = aggregation.problem();
        if (problem != null) {
            problems.add(problem.under(path));
        }
    }

    private void checkTotals() {
        if (scheme.components().isEmpty()) {
            if (scheme.declaredTotal() != null && scheme.declaredTotal().signum() > 0
                    && maxOfAll.compareTo(scheme.declaredTotal()) != 0) {
                String sum = maxOfAll.toPlainString();
                String declared = scheme.declaredTotal().toPlainString();
                error("declaredTotal", "scheme.total", "max marks add up to " + sum + " ≠ declared total " + declared,
                        sum, declared);
            }
            return;
        }
        List<Component> components = scheme.components();
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            if (component == null || isBlank(component.id()) || component.declaredMax() == null) {
                continue;
            }
            BigDecimal sum = maxByComponent.getOrDefault(component.id(), BigDecimal.ZERO);
            if (sum.signum() == 0) {
                error("components[" + i + "]", "scheme.componentWithoutCriteria",
                        "component '" + component.id() + "' has no criteria", component.id());
            } else if (sum.compareTo(component.declaredMax()) != 0) {
                String declared = component.declaredMax().toPlainString();
                error("components[" + i + "].declaredMax", "scheme.componentTotal", "max marks of component '"
                        + component.id() + "' add up to " + sum.toPlainString() + " ≠ declared " + declared,
                        component.id(), sum.toPlainString(), declared);
            }
        }
    }

    private boolean requirePositive(String path, BigDecimal value) {
        if (value == null) {
            error(path, "required", "must be set");
            return false;
        }
        if (value.signum() <= 0) {
            error(path, "positive", "must be > 0, got " + value.toPlainString());
            return false;
        }
        return true;
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** A field that only another type of aspect takes. */
    private void otherType(String path, String takingType, String what, String type) {
        error(path, "scheme.otherAspectType", "only a " + takingType + " aspect takes " + what + ", this is " + type,
                takingType, type);
    }

    /** The names of enum constants, as a {@code oneOf} rule lists them. */
    static List<String> names(Enum<?>[] constants) {
        return java.util.Arrays.stream(constants).map(Enum::name).toList();
    }

    private void error(String path, String rule, String message, Object... values) {
        problems.add(ValidationProblem.error(path, rule, message, values));
    }

    private void warning(String path, String rule, String message, Object... values) {
        problems.add(ValidationProblem.warning(path, rule, message, values));
    }
}
