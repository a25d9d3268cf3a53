package io.jingsai.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * A test of the whole application against PostgreSQL: the embedded one, or the server {@code JINGSAI_DB_URL} names.
 * Every integration test uses exactly these settings, so the Spring context (and the database) is built once per run.
 * Tests must not assume an empty database: a configured server keeps data between runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "jingsai.admin.username=" + IntegrationTest.ADMIN,
        "jingsai.admin.password=" + IntegrationTest.ADMIN_PASSWORD})
@AutoConfigureWebTestClient
public @interface IntegrationTest {

    String ADMIN = "admin";
    String ADMIN_PASSWORD = "integration-test-secret";
}
