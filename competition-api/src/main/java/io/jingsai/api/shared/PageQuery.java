package io.jingsai.api.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.Sort;

/**
 * Which page of a list to return and in what order, checked against the fields a list may be sorted by.
 *
 * <p>{@code sort} is {@code field} or {@code field,asc|desc}, several separated by {@code ;}. The id is always the
 * last sort key, so the order is total and pages never overlap. Invalid values are rejected naming the parameter.
 */
public record PageQuery(int page, int size, Sort sort) {

    public static final int MAX_SIZE = 200;

    /**
     * @param sortable API field name → column property, for the fields this list may be sorted by
     * @param defaultSort API field used when {@code sort} is blank
     */
    public static PageQuery of(int page, int size, String sort, Map<String, String> sortable, String defaultSort) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(FieldProblem.of("page", "min", 0));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(FieldProblem.of("size", "number.range", 1, MAX_SIZE));
        }
        Sort order = parseSort(sort == null || sort.isBlank() ? defaultSort : sort, sortable, problems);
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(problems.stream().distinct().toList());
        }
        return new PageQuery(page, size, order.and(Sort.by("id")));
    }

    public long offset() {
        return (long) page * size;
    }

    private static Sort parseSort(String sort, Map<String, String> sortable, List<FieldProblem> problems) {
        Sort order = Sort.unsorted();
        // A limit of -1 keeps empty parts ("name;" or ","), which are refused like any other malformed key.
        for (String part : sort.split(";", -1)) {
            String[] pieces = part.split(",", -1);
            String field = pieces[0].strip();
            String column = sortable.get(field);
            String direction = pieces.length > 1 ? pieces[1].strip().toLowerCase(Locale.ROOT) : "asc";
            if (column == null) {
                problems.add(FieldProblem.of("sort", "sort.field", sortable.keySet().stream().sorted().toList()));
            } else if (pieces.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                problems.add(FieldProblem.of("sort", "sort.direction", field));
            } else {
                order = order.and(Sort.by(direction.equals("asc") ? Sort.Direction.ASC : Sort.Direction.DESC, column));
            }
        }
        return order;
    }
}
