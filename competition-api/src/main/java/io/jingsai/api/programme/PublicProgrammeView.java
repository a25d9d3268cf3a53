package io.jingsai.api.programme;

/**
 * A programme with a public board: what a dashboard lists, nothing else.
 *
 * @param provisional a counted event is still marking: scores may still move
 * @param published   every counted event is PUBLISHED: the star board is final
 */
record PublicProgrammeView(long id, String name, int year, String organizer, ProgrammeStatus status,
                           boolean provisional, boolean published) {

    static PublicProgrammeView of(ProgrammeStars stars) {
        ProgrammeRow row = stars.programme();
        return new PublicProgrammeView(row.id(), row.name(), row.year(), row.organizer(), row.status(),
                stars.provisional(), stars.published());
    }
}
