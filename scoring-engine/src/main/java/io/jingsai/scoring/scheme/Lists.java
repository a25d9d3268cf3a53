package io.jingsai.scoring.scheme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Unmodifiable copies that keep null elements, so validation can report them instead of failing on them. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
