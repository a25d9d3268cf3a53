package io.jingsai.api.bulk;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.spreadsheet.SheetFormat;
import reactor.core.publisher.Mono;

/**
 * Receives an uploaded spreadsheet: one multipart part named {@code file}, with a file name that fits the job record
 * and says its format, and content within the upload limit. Whatever is wrong with the request is a 400 naming
 * {@code file} and the rule; a file over the limit is a 413, refused by the multipart reader as soon as the limit is
 * passed, before the rest of the body is read (see {@code spring.webflux.multipart.*} in application.properties).
 */
@Component
class SheetUploads {

    static final String FIELD = "file";
    /** The length of {@code import_job.file_name}. */
    static final int MAX_FILE_NAME_LENGTH = 255;

    /** An uploaded file: its name as sent, its format (from the name) and its content. */
    record Upload(String fileName, SheetFormat format, byte[] content) {
    }

    private final int maxBytes;

    SheetUploads(@Value("${spring.webflux.multipart.max-disk-usage-per-part}") DataSize maxUpload) {
        this.maxBytes = Math.toIntExact(maxUpload.toBytes());
    }

    /**
     * The upload in {@code part}, read whole.
     *
     * @param contentType the request's content type (multipart/form-data, checked by the route)
     */
    Mono<Upload> receive(MediaType contentType, Mono<Part> part) {
        if (contentType == null || contentType.getParameter("boundary") == null) {
            return Mono.error(RejectedRequestException.of(FIELD, "upload.boundary"));
        }
        return part
                .onErrorMap(SheetUploads::isMalformedMultipart,
                        e -> RejectedRequestException.of(FIELD, "upload.malformed"))
                .flatMap(SheetUploads::requireFile)
                .flatMap(file -> {
                    SheetFormat format = formatOf(file.filename());
                    return read(file).map(content -> new Upload(file.filename(), format, content));
                });
    }

    /**
     * A broken multipart body, or a part without a Content-Disposition name (Spring fails with an
     * IllegalStateException while it files the parts by name). A body over the size limit is an IllegalStateException
     * too ({@link DataBufferLimitException}), but it stays a 413.
     */
    private static boolean isMalformedMultipart(Throwable error) {
        return error instanceof DecodingException
                || error instanceof IllegalStateException && !(error instanceof DataBufferLimitException);
    }

    private static Mono<FilePart> requireFile(Part part) {
        if (!(part instanceof FilePart file)) {
            return Mono.error(RejectedRequestException.of(FIELD, "upload.notAFile"));
        }
        String name = file.filename();
        if (name.codePointCount(0, name.length()) > MAX_FILE_NAME_LENGTH) {
            return Mono.error(RejectedRequestException.of(FIELD, "upload.fileNameLength", MAX_FILE_NAME_LENGTH));
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Mono.error(RejectedRequestException.of(FIELD, "upload.fileNameControl"));
        }
        return Mono.just(file);
    }

    /** The format the file name announces; anything else is 415 (the name itself is not repeated). */
    private static SheetFormat formatOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return SheetFormat.XLSX;
        }
        if (lower.endsWith(".csv")) {
            return SheetFormat.CSV;
        }
        throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ProblemDetail.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE), null, "upload.fileType", null);
    }

    /** The part's content; more than the limit is refused with DataBufferLimitException (413). */
    private Mono<byte[]> read(FilePart file) {
        return DataBufferUtils.join(file.content(), maxBytes).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        });
    }
}
