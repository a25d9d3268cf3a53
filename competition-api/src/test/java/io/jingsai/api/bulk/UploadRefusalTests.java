package io.jingsai.api.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;

/**
 * Uploads that are not a well-formed multipart request with one file part named {@code file}: each is a 400
 * problem naming {@code file} and the rule, and no import job is recorded.
 */
@IntegrationTest
class UploadRefusalTests {

    private static final String CSV = "企业名称,统一社会信用代码,行政区划代码,行业,所有制\n";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient database;

    WebTestClient web;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(client);
    }

    @Test
    void aFileNameLongerThan255CharactersIsRefused() {
        String name = "企".repeat(252) + ".csv";

        expectFileRefused(multipart("b0undary", filePart("b0undary", name, CSV) + closing("b0undary")),
                "upload.fileNameLength");
    }

    @Test
    void aFileNameOfThousandsOfCharactersIsToldTheSameRule() {
        String name = "企".repeat(4_000) + ".csv"; // 12 KB of part header

        expectFileRefused(multipart("b0undary", filePart("b0undary", name, CSV) + closing("b0undary")),
                "upload.fileNameLength");
    }

    @Test
    void aFileNameWithAControlCharacterIsRefused() {
        expectFileRefused(multipart("b0undary", filePart("b0undary", "a\u0001b.csv", CSV) + closing("b0undary")),
                "upload.fileNameControl");
    }

    @Test
    void aMultipartRequestWithoutABoundaryIsRefused() {
        expectFileRefused(MediaType.MULTIPART_FORM_DATA,
                (filePart("b0undary", "a.csv", CSV) + closing("b0undary")).getBytes(StandardCharsets.UTF_8),
                "upload.boundary");
    }

    @Test
    void aMultipartRequestWithoutItsClosingBoundaryIsRefused() {
        expectFileRefused(multipart("b0undary", filePart("b0undary", "a.csv", CSV)), "upload.malformed");
    }

    @Test
    void aPartWithoutHeadersIsRefused() {
        expectFileRefused(multipart("b0undary", "--b0undary\r\n\r\nx\r\n" + closing("b0undary")), "upload.malformed");
    }

    @Test
    void aMultipartRequestWithNoPartsAtAllIsRefused() {
        expectFileRefused(multipart("b0undary", "--b0undary--\r\n"), "required");
    }

    @Test
    void fileSentAsAPlainFormFieldIsRefused() {
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + CSV + "\r\n"
                + closing("b0undary");

        expectFileRefused(multipart("b0undary", body), "upload.notAFile");
    }

    @Test
    void aMissingFilePartIsRefused() {
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"other\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CSV + "\r\n" + closing("b0undary");

        expectFileRefused(multipart("b0undary", body), "required");
    }

    @Test
    void aSecondPartIsRefused() {
        String body = filePart("b0undary", "a.csv", CSV) + filePart("b0undary", "b.csv", CSV) + closing("b0undary");

        expectFileRefused(multipart("b0undary", body), "upload.malformed");
    }

    @Test
    void theUploadIsDocumentedAsOneBinaryFilePart() {
        TestClients.documentReader(web).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/imports/{kind}'].post.requestBody.content['multipart/form-data']"
                        + ".schema.properties.file.format").isEqualTo("binary")
                .jsonPath("$.paths['/api/imports/{kind}'].post.requestBody.content['multipart/form-data']"
                        + ".schema.required[0]").isEqualTo("file");
    }

    private void expectFileRefused(Map.Entry<MediaType, byte[]> request, String ruleKey) {
        expectFileRefused(request.getKey(), request.getValue(), ruleKey);
    }

    private void expectFileRefused(MediaType contentType, byte[] body, String ruleKey) {
        long jobsBefore = jobCount();
        web.post().uri("/api/imports/enterprises")
                .contentType(contentType)
                .bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("file")
                .jsonPath("$.errors[0].rule").isEqualTo(ruleKey)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("Exception"));
        assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    private long jobCount() {
        return database.sql("SELECT count(*) AS n FROM import_job").map(row -> row.get("n", Long.class)).one()
                .block();
    }

    private static Map.Entry<MediaType, byte[]> multipart(String boundary, String body) {
        return Map.entry(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String filePart(String boundary, String fileName, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n";
    }

    private static String closing(String boundary) {
        return "--" + boundary + "--\r\n";
    }
}
