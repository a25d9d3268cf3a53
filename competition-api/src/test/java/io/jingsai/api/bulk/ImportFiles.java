package io.jingsai.api.bulk;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.spreadsheet.SheetWriter;

/** Import files and jobs for tests: write a file, upload it, poll its job. */
public final class ImportFiles {

    /** The enterprise template's columns, in order. */
    public static final List<SheetColumn> ENTERPRISE_COLUMNS = List.of(
            SheetColumn.required("企业名称", null, "x"), SheetColumn.required("统一社会信用代码", null, "x"),
            SheetColumn.required("行政区划代码", null, "x"), SheetColumn.optional("行业", null, "x"),
            SheetColumn.required("所有制", null, "x"));

    private ImportFiles() {
    }

    public static byte[] file(SheetFormat format, List<SheetColumn> columns, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.write(format, columns, rows, out);
        return out.toByteArray();
    }

    /** Uploads a file; returns the id of its job. */
    public static String submit(WebTestClient web, String kind, String fileName, byte[] content) {
        Map<?, ?> accepted = web.post().uri("/api/imports/{kind}", kind)
                .body(BodyInserters.fromMultipartData(multipart(fileName, content)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        return accepted.get("id").toString();
    }

    /** The job as it is now. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> job(WebTestClient web, String id) {
        return web.get().uri("/api/imports/jobs/{id}", id).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Polls the job until its status is one of {@code statuses} (two minutes at most). */
    public static Map<String, Object> awaitStatus(WebTestClient web, String id, List<String> statuses) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> job = job(web, id);
            if (statuses.contains(job.get("status"))) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("import job " + id + " did not reach " + statuses + " in time");
    }

    /** Polls the job until it has finished. */
    public static Map<String, Object> awaitEnd(WebTestClient web, String id) {
        return awaitStatus(web, id, List.of("SUCCEEDED", "REJECTED", "FAILED"));
    }

    public static MultiValueMap<String, HttpEntity<?>> multipart(String fileName, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return body.build();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
