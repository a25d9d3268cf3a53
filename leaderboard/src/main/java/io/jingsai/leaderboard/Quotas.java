package io.jingsai.leaderboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The 十百千万 quotas of a programme: demonstration projects, key projects, competition stars and enterprises. This
 * is the one statement of their rules and defaults; the service checks a programme's quotas with
 * {@link #violations} and fills missing ones from {@link #DEFAULT}.
 *
 * <p>The rules: every quota is at least 1; demonstration projects are the best of the key projects (domain: "10
 * demonstration projects … are the best of the key projects"), so there are never more of them than key projects.
 * Equal quotas are allowed: every key project is then a demonstration project, and the projects board's two tiers
 * hold the same entries (labelled with the more exclusive one).
 *
 * @param demonstrationProjects places in the demonstration tier of the projects board, at least 1
 * @param keyProjects           places in the key tier of the projects board, at least demonstrationProjects
 * @param stars                 places in the stars tier of the stars board, at least 1
 * @param enterprises           places in the enterprises tier of the enterprises board, at least 1
 * @throws IllegalArgumentException listing every violation
 */
public record Quotas(int demonstrationProjects, int keyProjects, int stars, int enterprises) {

    /** The usual 10 / 100 / 1,000 / 10,000. */
    public static final Quotas DEFAULT = new Quotas(10, 100, 1_000, 10_000);

    /** Names of the quotas in {@link Violation#quota()}. */
    public static final String DEMONSTRATION = "demonstration";
    public static final String KEY = "key";
    public static final String STARS = "stars";
    public static final String ENTERPRISES = "enterprises";

    /** Rule key: a quota below 1; no bound. */
    public static final String POSITIVE = "positive";
    /** Rule key: more demonstration than key projects; the bound is the key quota. */
    public static final String DEMONSTRATION_ABOVE_KEY = "quotas.demonstrationAboveKey";

    /**
     * One broken rule, as a value.
     *
     * @param quota which quota: {@link #DEMONSTRATION}, {@link #KEY}, {@link #STARS} or {@link #ENTERPRISES}
     * @param rule  the rule's key: {@link #POSITIVE} or {@link #DEMONSTRATION_ABOVE_KEY}
     * @param bound the bound the rule names (the key quota), or null
     */
    public record Violation(String quota, String rule, Integer bound) {
    }

    public Quotas {
        List<Violation> violations = violations(demonstrationProjects, keyProjects, stars, enterprises);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("quotas " + demonstrationProjects + " / " + keyProjects + " / " + stars
                    + " / " + enterprises + " break the rules: " + violations);
        }
    }

    /** Every rule the four quotas break, in the order of the quotas; empty if they are valid. */
    public static List<Violation> violations(int demonstrationProjects, int keyProjects, int stars, int enterprises) {
        List<Violation> violations = new ArrayList<>();
        atLeastOne(DEMONSTRATION, demonstrationProjects, violations);
        if (demonstrationProjects >= 1 && demonstrationProjects > keyProjects && keyProjects >= 1) {
            violations.add(new Violation(DEMONSTRATION, DEMONSTRATION_ABOVE_KEY, keyProjects));
        }
        atLeastOne(KEY, keyProjects, violations);
        atLeastOne(STARS, stars, violations);
        atLeastOne(ENTERPRISES, enterprises, violations);
        return List.copyOf(violations);
    }

    private static void atLeastOne(String quota, int value, List<Violation> violations) {
        if (value < 1) {
            violations.add(new Violation(quota, POSITIVE, null));
        }
    }
}
