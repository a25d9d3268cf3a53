package io.jingsai.api.boards;

import java.util.ArrayList;
import java.util.List;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.RejectedRequestException;

/** The bounds of the boards' query parameters, checked together so that every problem is reported at once. */
final class BoardPaging {

    static final int MAX_LIMIT = 200;
    static final int MAX_K = 100;

    private final List<FieldProblem> problems = new ArrayList<>();

    private BoardPaging() {
    }

    static BoardPaging check() {
        return new BoardPaging();
    }

    /** The offset and limit of a page. */
    static void page(int offset, int limit) {
        check().within("offset", offset, 0, Integer.MAX_VALUE).within("limit", limit, 1, MAX_LIMIT).refuse();
    }

    BoardPaging within(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(FieldProblem.of(parameter, "number.range", min, max));
        }
        return this;
    }

    /** 400 naming every parameter out of its bounds, if any. */
    void refuse() {
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(problems);
        }
    }
}
