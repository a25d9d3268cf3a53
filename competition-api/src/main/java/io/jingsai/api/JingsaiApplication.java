package io.jingsai.api;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Jingsai competition service: registry, judging, results and public boards over REST.
 *
 * <p>With no database configured it starts an embedded PostgreSQL (see {@code io.jingsai.api.database}).
 */
@SpringBootApplication
public class JingsaiApplication {

    public static void main(String[] args) {
        SpringApplication.run(JingsaiApplication.class, args);
    }

    /** The one clock of the application: every timestamp comes from here so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
