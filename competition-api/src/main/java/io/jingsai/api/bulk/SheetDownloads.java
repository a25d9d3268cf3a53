package io.jingsai.api.bulk;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.spreadsheet.SheetTab;
import io.jingsai.api.spreadsheet.SheetWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Spreadsheet files over HTTP: downloads (templates and exports) written off the event loop and served as attachments
 * with a UTF-8 file name. Uploads are {@link SheetUploads}.
 */
@Component
public class SheetDownloads {

    public static SheetFormat format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> SheetFormat.XLSX;
            case "csv" -> SheetFormat.CSV;
            default -> throw RejectedRequestException.of("format", "oneOf", List.of("xlsx", "csv"));
        };
    }

    Mono<ResponseEntity<byte[]>> template(String baseName, SheetFormat format, List<SheetColumn> columns) {
        return Mono.fromCallable(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    SheetWriter.template(format, columns, out);
                    return out.toByteArray();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .map(bytes -> attachment(baseName, format, bytes));
    }

    /** Writes all rows (collected first: exports are bounded by the registry's size) as one file. */
    public Mono<ResponseEntity<byte[]>> export(String baseName, SheetFormat format, List<SheetColumn> columns,
                                               Flux<List<String>> rows) {
        return rows.collectList()
                .publishOn(Schedulers.boundedElastic())
                .map(all -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    SheetWriter.write(format, columns, all, out);
                    return attachment(baseName, format, out.toByteArray());
                });
    }

    /** Writes a workbook of several sheets (one per tab in XLSX, one after another in CSV) as one file. */
    public Mono<ResponseEntity<byte[]>> exportTabs(String baseName, SheetFormat format, Mono<List<SheetTab>> tabs) {
        return tabs.publishOn(Schedulers.boundedElastic())
                .map(all -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    SheetWriter.writeTabs(format, all, out);
                    return attachment(baseName, format, out.toByteArray());
                });
    }

    private static ResponseEntity<byte[]> attachment(String baseName, SheetFormat format, byte[] bytes) {
        String fileName = baseName + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(bytes);
    }
}
