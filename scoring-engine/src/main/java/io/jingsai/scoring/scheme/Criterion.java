package io.jingsai.scoring.scheme;

import java.util.List;

/**
 * A top-level part of a marking scheme (WorldSkills: a criterion such as "work organisation and safety").
 * Plain data, validated by {@link MarkingScheme#validate()}.
 *
 * @param id          unique within the scheme
 * @param name        what it covers
 * @param componentId the {@link Component} it counts towards, or null when the scheme has no components
 * @param subCriteria at least one
 */
public record Criterion(String id, String name, String componentId, List<SubCriterion> subCriteria) {

    public Criterion {
        subCriteria = Lists.copy(subCriteria);
    }

    /** A criterion of a scheme without components. */
    public static Criterion of(String id, String name, SubCriterion... subCriteria) {
        return new Criterion(id, name, null, List.of(subCriteria));
    }

    /** A criterion counting towards the given component. */
    public static Criterion inComponent(String componentId, String id, String name, SubCriterion... subCriteria) {
        return new Criterion(id, name, componentId, List.of(subCriteria));
    }
}
