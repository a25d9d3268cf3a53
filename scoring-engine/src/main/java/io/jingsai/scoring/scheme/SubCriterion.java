package io.jingsai.scoring.scheme;

import java.util.List;

/**
 * A group of aspects within a criterion. Plain data, validated by {@link MarkingScheme#validate()}.
 *
 * @param id      an identifier (unique within its criterion)
 * @param name    what it covers
 * @param aspects at least one
 */
public record SubCriterion(String id, String name, List<Aspect> aspects) {

    public SubCriterion {
        aspects = Lists.copy(aspects);
    }

    public static SubCriterion of(String id, String name, Aspect... aspects) {
        return new SubCriterion(id, name, List.of(aspects));
    }
}
