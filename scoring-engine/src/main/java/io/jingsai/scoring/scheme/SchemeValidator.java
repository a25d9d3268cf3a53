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
            error("id", "must not be blank");
        }
        requirePositive("declaredTotal", scheme.declaredTotal());
        if (scheme.defaultAggregation() == null) {
            error("defaultAggregation", "must be set");
        } else {
            checkAggregation("defaultAggregation", scheme.defaultAggregation());
        }
        if (scheme.judgementSpread() < 0) {
            error("judgementSpread", "must be >= 0, got " + scheme.judgementSpread());
        }
        if (scheme.minimumJudgementPanel() < 3) {
            error("minimumJudgementPanel", "judgement needs at least 3 judges, got " + scheme.minimumJudgementPanel());
        }
        if (scheme.rounding() == null) {
            error("rounding", "must be set");
        }
        if (scheme.criteria().isEmpty()) {
            error("criteria", "must have at least one criterion");
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
                error(path, "must not be null");
                weightsComplete = false;
                continue;
            }
            if (isBlank(component.id())) {
                error(path + ".id", "must not be blank");
            } else if (!ids.add(component.id())) {
                error(path + ".id", "duplicate component id '" + component.id() + "'");
            }
            if (component.kind() == null) {
                error(path + ".kind", "must be set");
            }
            requirePositive(path + ".declaredMax", component.declaredMax());
            if (!requirePositive(path + ".weight", component.weight())) {
                weightsComplete = false;
                continue;
            }
            weights = weights.add(component.weight());
            if (component.kind() == ComponentKind.THEORY && component.weight().compareTo(THEORY_WEIGHT_WARNING) > 0) {
                warning(path + ".weight", "theory weight " + percent(component.weight())
                        + " is above 30%; contests usually weight theory at 30% or less");
            }
        }
        if (!components.isEmpty() && weightsComplete && weights.compareTo(BigDecimal.ONE) != 0) {
            error("components", "weights add up to " + weights.toPlainString() + ", must add up to 1");
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
                error(path, "must not be null");
                continue;
            }
            if (isBlank(criterion.id())) {
                error(path + ".id", "must not be blank");
            } else if (!criterionIds.add(criterion.id())) {
                error(path + ".id", "duplicate criterion id '" + criterion.id() + "'");
            }
            checkComponentReference(path, criterion, componentIds);
            if (criterion.subCriteria().isEmpty()) {
                error(path + ".subCriteria", "must have at least one sub-criterion");
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
                error(path + ".componentId", "refers to component '" + ref + "' but the scheme has no components");
            }
        } else if (isBlank(ref)) {
            error(path + ".componentId", "must name one of the scheme's components " + componentIds);
        } else if (!componentIds.contains(ref)) {
            error(path + ".componentId", "unknown component '" + ref + "', expected one of " + componentIds);
        }
    }

    private void checkSubCriterion(String path, SubCriterion sub, String componentId) {
        if (sub == null) {
            error(path, "must not be null");
            return;
        }
        if (isBlank(sub.id())) {
            error(path + ".id", "must not be blank");
        }
        if (sub.aspects().isEmpty()) {
            error(path + ".aspects", "must have at least one aspect");
        }
        for (int k = 0; k < sub.aspects().size(); k++) {
            checkAspect(path + ".aspects[" + k + "]", sub.aspects().get(k), componentId);
        }
    }

    private void checkAspect(String path, Aspect aspect, String componentId) {
        if (aspect == null) {
            error(path, "must not be null");
            return;
        }
        if (isBlank(aspect.id())) {
            error(path + ".id", "must not be blank");
        } else if (!aspectIds.add(aspect.id())) {
            error(path + ".id", "duplicate aspect id '" + aspect.id() + "' (aspect ids are unique in a scheme)");
        }
        if (requirePositive(path + ".maxMark", aspect.maxMark())) {
            maxOfAll = maxOfAll.add(aspect.maxMark());
            if (componentId != null) {
                maxByComponent.merge(componentId, aspect.maxMark(), BigDecimal::add);
            }
        }
        if (aspect.type() == null) {
            error(path + ".type", "must be MEASUREMENT, JUDGEMENT or DEDUCTION");
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
                error(markPath, "must not be null");
            } else if (mark.signum() < 0 || (aspect.maxMark() != null && mark.compareTo(aspect.maxMark()) > 0)) {
                error(markPath, "must be within [0, maxMark], got " + mark.toPlainString());
            }
        }
        rejectForeignFields(path, aspect, true, false, false);
    }

    private void checkJudgement(String path, Aspect aspect) {
        List<String> descriptors = aspect.levelDescriptors();
        if (descriptors.size() != 4) {
            error(path + ".levelDescriptors",
                    "judgement aspect needs 4 level descriptors (scores 0-3), got " + descriptors.size());
        }
        for (int d = 0; d < descriptors.size(); d++) {
            if (isBlank(descriptors.get(d))) {
                error(path + ".levelDescriptors[" + d + "]", "must not be blank");
            }
        }
        rejectForeignFields(path, aspect, false, true, false);
    }

    private void checkDeduction(String path, Aspect aspect) {
        if (requirePositive(path + ".deductionPerViolation", aspect.deductionPerViolation())
                && aspect.maxMark() != null && aspect.deductionPerViolation().compareTo(aspect.maxMark()) > 0) {
            warning(path + ".deductionPerViolation", "one violation (" + aspect.deductionPerViolation().toPlainString()
                    + ") costs more than the whole module (" + aspect.maxMark().toPlainString()
                    + "); the module stops at zero");
        }
        rejectForeignFields(path, aspect, false, false, true);
    }

    /** Fields of another aspect type are an error: silently ignoring them would mark differently than the author meant. */
    private void rejectForeignFields(String path, Aspect aspect, boolean measurement, boolean judgement,
                                     boolean deduction) {
        String type = aspect.type().name();
        if (!measurement) {
            if (aspect.aggregation() != null) {
                error(path + ".aggregation", "only a MEASUREMENT aspect takes a panel aggregation, this is " + type);
            }
            if (aspect.factor() != null) {
                error(path + ".factor", "only a MEASUREMENT aspect takes a factor, this is " + type);
            }
            if (!aspect.allowedMarks().isEmpty()) {
                error(path + ".allowedMarks", "only a MEASUREMENT aspect takes allowed marks, this is " + type);
            }
        }
        if (!judgement && !aspect.levelDescriptors().isEmpty()) {
            error(path + ".levelDescriptors", "only a JUDGEMENT aspect takes level descriptors, this is " + type);
        }
        if (!deduction && aspect.deductionPerViolation() != null) {
            error(path + ".deductionPerViolation", "only a DEDUCTION aspect takes points per violation, this is " + type);
        }
    }

    private void checkAggregation(String path, PanelAggregation aggregation) {
        if (aggregation.kind() == null) {
            error(path + ".kind", "must be MEAN, MEDIAN, TRIMMED_MEAN or TRIMMED_SUM");
            return;
        }
        String problem = aggregation.problem();
        if (problem != null) {
            error(path + ".k", problem);
        }
    }

    private void checkTotals() {
        if (scheme.components().isEmpty()) {
            if (scheme.declaredTotal() != null && scheme.declaredTotal().signum() > 0
                    && maxOfAll.compareTo(scheme.declaredTotal()) != 0) {
                error("declaredTotal", "max marks add up to " + maxOfAll.toPlainString() + " ≠ declared total "
                        + scheme.declaredTotal().toPlainString());
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
                error("components[" + i + "]", "component '" + component.id() + "' has no criteria");
            } else if (sum.compareTo(component.declaredMax()) != 0) {
                error("components[" + i + "].declaredMax", "max marks of component '" + component.id()
                        + "' add up to " + sum.toPlainString() + " ≠ declared " + component.declaredMax().toPlainString());
            }
        }
    }

    private boolean requirePositive(String path, BigDecimal value) {
        if (value == null) {
            error(path, "must be set");
            return false;
        }
        if (value.signum() <= 0) {
            error(path, "must be > 0, got " + value.toPlainString());
            return false;
        }
        return true;
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private void error(String path, String message) {
        problems.add(ValidationProblem.error(path, message));
    }

    private void warning(String path, String message) {
        problems.add(ValidationProblem.warning(path, message));
    }
}
