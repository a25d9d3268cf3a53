package io.jingsai.api.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;

@IntegrationTest
class EnterpriseControllerTests {

    @Autowired
    WebTestClient anonymous;

    WebTestClient web;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(anonymous);
    }

    static Map<String, Object> enterprise(String name, String creditCode) {
        return Map.of("name", name, "creditCode", creditCode, "regionCode", "610100",
                "industry", "建筑业", "ownership", "STATE_OWNED");
    }

    long register(String name, String creditCode) {
        return web.post().uri("/api/enterprises").bodyValue(enterprise(name, creditCode)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id") instanceof Number n ? n.longValue() : -1;
    }

    @Test
    void registersReadsChangesAndRemovesAnEnterprise() {
        String code = TestIdentities.creditCode();
        String name = TestIdentities.unique("中铁一局");
        long id = register(name, code.toLowerCase());

        web.get().uri("/api/enterprises/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo(name)
                .jsonPath("$.creditCode").isEqualTo(code)
                .jsonPath("$.ownership").isEqualTo("STATE_OWNED");

        web.put().uri("/api/enterprises/{id}", id).header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", name + "改", "creditCode", code, "regionCode", "610100",
                        "ownership", "MIXED"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.name").isEqualTo(name + "改").jsonPath("$.industry").doesNotExist();

        web.delete().uri("/api/enterprises/{id}", id).header("If-Match", "\"1\"").exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/enterprises/{id}", id).exchange().expectStatus().isNotFound();
    }

    /** Every ownership the API offers is stored and read back (the longest once overflowed its column: a 500). */
    @ParameterizedTest
    @EnumSource(Ownership.class)
    void everyOwnershipIsStored(Ownership ownership) {
        Map<String, Object> body = new java.util.HashMap<>(enterprise(TestIdentities.unique("企业"),
                TestIdentities.creditCode()));
        body.put("ownership", ownership.name());
        web.post().uri("/api/enterprises").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.ownership").isEqualTo(ownership.name());
    }

    @Test
    void staleOrMissingVersionIsRefusedAndChangesNothing() {
        String name = TestIdentities.unique("陕建");
        String code = TestIdentities.creditCode();
        long id = register(name, code);
        web.put().uri("/api/enterprises/{id}", id).header("If-Match", "\"0\"")
                .bodyValue(enterprise(name + "A", code)).exchange().expectStatus().isOk();

        web.put().uri("/api/enterprises/{id}", id).header("If-Match", "\"0\"")
                .bodyValue(enterprise(name + "B", code)).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.put().uri("/api/enterprises/{id}", id)
                .bodyValue(enterprise(name + "C", code)).exchange()
                .expectStatus().isEqualTo(428);
        web.delete().uri("/api/enterprises/{id}", id).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(412);

        web.get().uri("/api/enterprises/{id}", id).exchange()
                .expectBody().jsonPath("$.name").isEqualTo(name + "A");
    }

    @Test
    void duplicateCreditCodeIsAConflict() {
        String code = TestIdentities.creditCode();
        register(TestIdentities.unique("甲"), code);

        web.post().uri("/api/enterprises").bodyValue(enterprise(TestIdentities.unique("乙"), code)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.title").isEqualTo("冲突")
                .jsonPath("$.detail").isEqualTo("已有使用该统一社会信用代码的企业");
    }

    @Test
    void wrongCheckCharacterIsRejectedNamingTheFieldAndRule() {
        String valid = TestIdentities.creditCode();
        String wrong = TestIdentities.withWrongCheckCharacter(valid);

        web.post().uri("/api/enterprises").bodyValue(enterprise(TestIdentities.unique("丙"), wrong)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("creditCode")
                .jsonPath("$.errors[0].rule").isEqualTo("creditCode.checkCharacter")
                .jsonPath("$.errors[0].message").isEqualTo("第 18 位（校验码）应为 " + valid.charAt(17));
        web.post().uri("/api/enterprises").header("Accept-Language", "en")
                .bodyValue(enterprise(TestIdentities.unique("丙"), wrong)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].rule").isEqualTo("creditCode.checkCharacter")
                .jsonPath("$.errors[0].message").isEqualTo("check character (character 18) must be " + valid.charAt(17));
    }

    @Test
    void everyMissingFieldIsListedAtOnce() {
        web.post().uri("/api/enterprises").bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("creditCode", "name", "ownership", "regionCode"));
    }

    @Test
    void unknownOwnershipIsRejectedNamingTheField() {
        Map<String, Object> body = new java.util.HashMap<>(enterprise("丁", TestIdentities.creditCode()));
        body.put("ownership", "MARTIAN");

        web.post().uri("/api/enterprises").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("ownership")
                .jsonPath("$.errors[0].rule").isEqualTo("oneOf")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .startsWith("须为以下之一：STATE_OWNED、COLLECTIVE、PRIVATE"));
    }

    @Test
    void listsFilterByNameAndRegionAndPageStably() {
        String tag = TestIdentities.unique("筛选");
        for (String suffix : new String[] {"张", "李", "王"}) {
            register(tag + suffix, TestIdentities.creditCode());
        }

        web.get().uri(b -> b.path("/api/enterprises").queryParam("q", tag).queryParam("regionCode", "610000")
                        .queryParam("size", 2).queryParam("sort", "name").build())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                // pinyin order: 李 (li) < 王 (wang) < 张 (zhang)
                .jsonPath("$.items[0].name").isEqualTo(tag + "李")
                .jsonPath("$.items[1].name").isEqualTo(tag + "王");
        web.get().uri(b -> b.path("/api/enterprises").queryParam("q", tag).queryParam("size", 2)
                        .queryParam("page", 1).build())
                .exchange()
                .expectBody().jsonPath("$.items[0].name").isEqualTo(tag + "张");
        web.get().uri(b -> b.path("/api/enterprises").queryParam("q", tag).queryParam("ownership", "PRIVATE").build())
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        web.get().uri(b -> b.path("/api/enterprises").queryParam("q", tag).queryParam("ownership", "STATE_OWNED")
                        .queryParam("regionCode", "620000").build())
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void badPagingAndSortingAreRejected() {
        web.get().uri("/api/enterprises?size=0&sort=password").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("size", "sort"));
    }
}
