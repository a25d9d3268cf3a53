package io.jingsai.api.programme;

import io.jingsai.api.identifiers.AdministrativeDivisionCode;

/**
 * Which entries a star board counts: all of them (the programme-wide board), or those of one split of the stars
 * quota: of a contestant whose enterprise lies in the split's region, or in an event whose project is of the split's
 * key area. The organizers' standings ({@link StarStandings}) and the live public boards ({@link ProgrammeStars})
 * both ask it.
 *
 * @param split  the split, or null for the programme-wide board
 * @param region the split's region when it splits by REGION, else null
 */
record StarScope(StarSplitBy by, StarSplit split, AdministrativeDivisionCode region) {

    /** The programme-wide board. */
    static final StarScope WHOLE = new StarScope(null, null, null);

    static StarScope of(StarSplitBy by, StarSplit split) {
        return split == null ? WHOLE : new StarScope(by, split, by == StarSplitBy.REGION
                ? AdministrativeDivisionCode.parse(split.key()).optionalValue().orElse(null) : null);
    }

    /**
     * Whether an entry counts on this board.
     *
     * @param contestantRegion the region code of the contestant's enterprise
     * @param eventKeyArea     the key area of the project of the entry's event, null when it has none
     */
    boolean counts(String contestantRegion, String eventKeyArea) {
        if (split == null) {
            return true;
        }
        return switch (by) {
            case REGION -> region != null && AdministrativeDivisionCode.parse(contestantRegion).optionalValue()
                    .filter(region::encloses).isPresent();
            case KEY_AREA -> split.key().equals(eventKeyArea);
        };
    }

    /** The board's stars tier: the programme's stars quota, or the split's. */
    int quota(int starsQuota) {
        return split == null ? starsQuota : split.quota();
    }

    /** The split's key, null for the programme-wide board. */
    String key() {
        return split == null ? null : split.key();
    }
}
