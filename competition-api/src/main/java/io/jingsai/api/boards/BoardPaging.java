package io.jingsai.api.boards;

import java.util.ArrayList;
import java.util.List;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.RejectedRequestException;

/**
 * The bounds of the public boards' query parameters (event and programme boards), checked together so that every
 * problem is reported at once.
 */
public final class BoardPaging {

    public static final int MAX_LIMIT = 200;
    public static final int MAX_K = 100;

    private final List<FieldProblem> problems = new ArrayList<>();

    private BoardPaging() {
    }

    public static BoardPaging check() {
        return new BoardPaging();
    }

    /** The offset and limit of a page. */
    public static void page(int offset, int limit) {
        check().within("offset", offset, 0, Integer.MAX_VALUE).within("limit", limit, 1, MAX_LIMIT).refuse();
    }

    public BoardPaging within(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(FieldProblem.of(parameter, "number.range", min, max));
        }
        return this;
    }

    /** A problem of another rule, reported with the bounds' problems. */
    public BoardPaging also(FieldProblem problem) {
        problems.add(problem);
        return this;
    }

    /** 400 naming every parameter out of its bounds, if any. */
    public void refuse() {
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(problems);
        }
    }
}
