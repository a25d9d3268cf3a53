package io.jingsai.leaderboard;

/**
 * The 十百千万 quotas of a programme: demonstration projects, key projects, competition stars and enterprises.
 * Demonstration projects are the best of the key projects, so their quota must be smaller.
 *
 * @param demonstrationProjects places in the demonstration tier of the projects board, at least 1
 * @param keyProjects           places in the key tier of the projects board, more than demonstrationProjects
 * @param stars                 places in the stars tier of the stars board, at least 1
 * @param enterprises           places in the enterprises tier of the enterprises board, at least 1
 */
public record Quotas(int demonstrationProjects, int keyProjects, int stars, int enterprises) {

    /** The usual 10 / 100 / 1,000 / 10,000. */
    public static final Quotas DEFAULT = new Quotas(10, 100, 1_000, 10_000);

    public Quotas {
        if (demonstrationProjects < 1 || stars < 1 || enterprises < 1) {
            throw new IllegalArgumentException("quotas must be at least 1 but were " + demonstrationProjects + " / "
                    + keyProjects + " / " + stars + " / " + enterprises);
        }
        if (keyProjects <= demonstrationProjects) {
            throw new IllegalArgumentException("demonstration projects are the best of the key projects, so the key "
                    + "quota (" + keyProjects + ") must exceed the demonstration quota (" + demonstrationProjects + ")");
        }
    }
}
