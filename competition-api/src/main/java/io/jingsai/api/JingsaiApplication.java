package io.jingsai.api;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The Jingsai competition service: registry, judging, results and public boards over REST.
 *
 * <p>With no database configured it starts an embedded PostgreSQL (see {@code io.jingsai.api.database}).
 */
@SpringBootApplication
public class JingsaiApplication {

    /**
     * The option that makes the application a command checking stored results against their marks (see
     * {@code result.ResultCheckCommand}): it starts without a web server and exits when done.
     */
    public static final String CHECK_RESULTS = "jingsai.check-results";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(JingsaiApplication.class);
        boolean command = Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + CHECK_RESULTS));
        if (command) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        ConfigurableApplicationContext context = application.run(args);
        if (command) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * The one clock of the application: every timestamp comes from here so tests can fix time. Its zone (default
     * Asia/Shanghai) decides calendar dates, such as whether a birth date lies in the future. It ticks in whole
     * microseconds, PostgreSQL's precision, so that a record answered on creation shows the very instants it is
     * read back with.
     */
    @Bean
    Clock clock(@Value("${jingsai.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.tick(Clock.system(zone), Duration.ofNanos(1_000));
    }

    /** Bean Validation judges dates (birth dates in ID numbers) by the application clock, not the JVM's. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
