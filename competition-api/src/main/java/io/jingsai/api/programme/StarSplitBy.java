package io.jingsai.api.programme;

/** What a programme splits its stars quota by, one board per split. */
public enum StarSplitBy {
    /**
     * The region of the contestant's enterprise: a split's key is a division code that encloses it (a province, a
     * prefecture or a county, {@code 610100} Xi'an); all of the contestant's counted entries count on its board.
     */
    REGION,
    /**
     * The key area of the project an entry's event belongs to: a split's key is a key-area code of the programme;
     * only the contestant's entries in events of that key area count on its board (events of no project count on
     * none).
     */
    KEY_AREA
}
