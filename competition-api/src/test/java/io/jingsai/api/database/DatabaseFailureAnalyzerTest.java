package io.jingsai.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class DatabaseFailureAnalyzerTest {

    private final DatabaseFailureAnalyzer analyzer = new DatabaseFailureAnalyzer(
            new MockEnvironment().withProperty("spring.flyway.url", "jdbc:postgresql://nowhere:5432/jingsai"));

    @Test
    void unreachableServerIsExplainedInOneLineNamingTheUrl() {
        RuntimeException failure = new IllegalStateException("flywayInitializer",
                new SQLException("Unable to obtain connection", "08001", new java.net.ConnectException("Connection refused")));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription())
                .isEqualTo("Cannot use the PostgreSQL database at jdbc:postgresql://nowhere:5432/jingsai: Connection refused");
        assertThat(analysis.getAction()).contains("JINGSAI_DB_URL", "JINGSAI_DB_USER", "JINGSAI_DB_PASSWORD");
    }

    @Test
    void embeddedStartFailureKeepsItsReason() {
        FailureAnalysis analysis = analyzer.analyze(
                new DatabaseConfigurationException("the embedded PostgreSQL could not start in /data: no space left"));

        assertThat(analysis.getDescription()).isEqualTo("the embedded PostgreSQL could not start in /data: no space left");
    }

    @Test
    void sqlErrorsThatAreNotAboutConnectingAreLeftToOthers() {
        assertThat(analyzer.analyze(new SQLException("syntax error", "42601"))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
    }
}
