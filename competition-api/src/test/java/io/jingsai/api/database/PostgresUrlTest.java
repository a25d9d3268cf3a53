package io.jingsai.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db:5432/jingsai", "r2dbc:postgresql://db:5432/jingsai",
            "postgresql://db:5432/jingsai", " JDBC:POSTGRESQL://db:5432/jingsai "})
    void acceptsEveryCommonSpelling(String url) {
        PostgresUrl parsed = PostgresUrl.parse(url);

        assertThat(parsed.jdbc()).isEqualTo("jdbc:postgresql://db:5432/jingsai");
        assertThat(parsed.r2dbc()).isEqualTo("r2dbc:postgresql://db:5432/jingsai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://db/jingsai", "db:5432/jingsai", "jdbc:postgresql://"})
    void rejectsWhatIsNotAPostgresUrl(String url) {
        assertThatThrownBy(() -> PostgresUrl.parse(url))
                .isInstanceOf(DatabaseConfigurationException.class)
                .hasMessageContaining("is not a PostgreSQL URL");
    }
}
