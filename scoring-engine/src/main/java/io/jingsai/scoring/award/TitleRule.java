package io.jingsai.scoring.award;

import io.jingsai.scoring.scheme.RuleChecks;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A title (e.g. 技术能手) conferred on eligible entries placed within a rank band and meeting a condition
 * (e.g. a youth title for those under 35).
 *
 * @param title     the title
 * @param maxRank   the lowest rank among eligible entries that still earns it ({@link Integer#MAX_VALUE} for a purely
 *                  conditional title)
 * @param condition a predicate on the entry; {@code e -> true} for none
 * @param <T>       the entry type
 */
public record TitleRule<T>(String title, int maxRank, Predicate<? super T> condition) {

    public TitleRule {
        RuleChecks.require(RuleChecks.title(title, maxRank));
        Objects.requireNonNull(condition, "condition of title " + title);
    }

    public static <T> TitleRule<T> topRanks(String title, int maxRank) {
        return new TitleRule<>(title, maxRank, e -> true);
    }
}
