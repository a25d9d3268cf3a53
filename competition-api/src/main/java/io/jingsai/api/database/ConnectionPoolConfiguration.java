package io.jingsai.api.database;

import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

/**
 * The connection pool in {@code /actuator/health}. Its size and time limits are the standard
 * {@code spring.r2dbc.pool.*} settings in application.properties; the max acquire time there makes sure no request
 * waits for a connection for ever (it is answered 503 instead).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionPoolConfiguration {

    /**
     * {@code connectionPool} in {@code /actuator/health}: how many connections are in use, idle and awaited. Down
     * when every connection is in use and requests are waiting for one, which is what a leak looks like from
     * outside (requests then fail with 503 after the pool's max acquire time).
     */
    @Bean
    ReactiveHealthIndicator connectionPoolHealthIndicator(ConnectionFactory connections) {
        return () -> Mono.fromSupplier(() -> metrics(connections)
                .map(ConnectionPoolConfiguration::health)
                .orElseGet(() -> Health.unknown().build()));
    }

    private static Optional<PoolMetrics> metrics(ConnectionFactory connections) {
        return connections instanceof ConnectionPool pool ? pool.getMetrics() : Optional.empty();
    }

    private static Health health(PoolMetrics pool) {
        boolean exhausted = pool.acquiredSize() >= pool.getMaxAllocatedSize() && pool.pendingAcquireSize() > 0;
        return (exhausted ? Health.down() : Health.up())
                .withDetail("acquired", pool.acquiredSize())
                .withDetail("idle", pool.idleSize())
                .withDetail("pending", pool.pendingAcquireSize())
                .withDetail("max", pool.getMaxAllocatedSize())
                .build();
    }
}
