package io.jingsai.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.domain.Sort;

class PageQueryTest {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "created_at");

    @ParameterizedTest
    @ValueSource(strings = {",", ";", ",,", ";;", "name;", ";name", ",desc", "name,", "name,desc,", " , ", "name,,desc",
            "name;;createdAt", "nope", "name,up"})
    void malformedSortsAreRefusedNamingTheParameter(String sort) {
        assertThatThrownBy(() -> PageQuery.of(0, 20, sort, SORTABLE, "name"))
                .isInstanceOfSatisfying(RejectedRequestException.class, rejected -> assertThat(rejected.problems())
                        .isNotEmpty()
                        .allSatisfy(problem -> assertThat(problem.field()).isEqualTo("sort")));
    }

    @Test
    void wellFormedSortsEndWithTheId() {
        assertThat(PageQuery.of(0, 20, "createdAt,desc; name", SORTABLE, "name").sort())
                .isEqualTo(Sort.by(Sort.Order.desc("created_at"), Sort.Order.asc("name"), Sort.Order.asc("id")));
        assertThat(PageQuery.of(0, 20, " ", SORTABLE, "name").sort())
                .isEqualTo(Sort.by(Sort.Order.asc("name"), Sort.Order.asc("id")));
        assertThat(PageQuery.of(0, 20, "NAME", Map.of("NAME", "name"), "NAME").sort().getOrderFor("name")).isNotNull();
    }
}
