package io.jingsai.api.result;

import java.util.List;

/**
 * Every result of an event recomputed from the marks alone and compared with what is stored.
 *
 * @param checked     entries compared: those with marks or a stored result
 * @param differences one per entry whose stored result differs (none expected)
 */
record RecomputationView(long eventId, int checked, List<Difference> differences) {

    RecomputationView {
        differences = List.copyOf(differences);
    }

    /**
     * @param fields what differs: {@code result} when no result is stored, else the names of the differing parts
     *               ({@code status}, {@code exactTotal}, {@code total}, {@code components}, {@code aspects},
     *               {@code standing}, {@code sheets})
     */
    record Difference(long registrationId, int registrationNumber, List<String> fields) {

        Difference {
            fields = List.copyOf(fields);
        }
    }
}
