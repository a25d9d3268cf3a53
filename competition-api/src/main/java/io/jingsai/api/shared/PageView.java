package io.jingsai.api.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the total count matching the filters, and the page asked for (zero-based).
 * Pages are stable: lists always end their ordering with the id, so equal sort values never swap between pages.
 */
public record PageView<T>(List<T> items, long total, int page, int size) {

    public PageView {
        items = List.copyOf(items);
    }

    public <U> PageView<U> map(Function<? super T, ? extends U> mapper) {
        return new PageView<>(items.stream().<U>map(mapper).toList(), total, page, size);
    }
}
