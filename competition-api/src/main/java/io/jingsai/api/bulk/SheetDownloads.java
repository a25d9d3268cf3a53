package io.jingsai.api.bulk;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.spreadsheet.SheetWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Spreadsheet files over HTTP: uploads read with a size limit, downloads (templates and exports) written off the
 * event loop and served as attachments with a UTF-8 file name.
 */
@Component
public class SheetDownloads {

    /** Uploads larger than this are refused with 413; 10,000 rows of any registry kind fit well within it. */
    static final int MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

    public static SheetFormat format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> SheetFormat.XLSX;
            case "csv" -> SheetFormat.CSV;
            default -> throw RejectedRequestException.of("format", "oneOf", List.of("xlsx", "csv"));
        };
    }

    static SheetFormat formatOf(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return SheetFormat.XLSX;
        }
        if (lower.endsWith(".csv")) {
            return SheetFormat.CSV;
        }
        // The file name is not repeated: it may name a person.
        throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ProblemDetail.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE), null, "upload.fileType", null);
    }

    Mono<byte[]> read(FilePart file) {
        return DataBufferUtils.join(file.content(), MAX_UPLOAD_BYTES).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        });
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

    private static ResponseEntity<byte[]> attachment(String baseName, SheetFormat format, byte[] bytes) {
        String fileName = baseName + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(bytes);
    }
}
