package io.jingsai.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the whole application over real HTTP on a random port, for what only a real server shows: connections
 * kept alive or dropped, raw requests a client library would not send. Same settings as {@link IntegrationTest}, so
 * every such test shares one server (and the one database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jingsai.admin.username=" + IntegrationTest.ADMIN,
        "jingsai.admin.password=" + IntegrationTest.ADMIN_PASSWORD})
public @interface ServerTest {
}
