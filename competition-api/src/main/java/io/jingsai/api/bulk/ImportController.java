package io.jingsai.api.bulk;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Bulk import", description = "Enterprises, contestants and judges from CSV or XLSX, all or nothing")
class ImportController {

    private static final String KIND = "what the rows are (404 for any other kind)";

    private final ImportJobService imports;
    private final SheetDownloads downloads;
    private final SheetUploads uploads;

    ImportController(ImportJobService imports, SheetDownloads downloads, SheetUploads uploads) {
        this.imports = imports;
        this.downloads = downloads;
        this.uploads = uploads;
    }

    @GetMapping("/{kind}/template")
    @Operation(operationId = "getImportTemplate", summary = "The import template of a kind",
            description = "An xlsx or csv file with the kind's Chinese column headers and one example row.")
    Mono<ResponseEntity<byte[]>> template(@Parameter(description = KIND, schema = @Schema(allowableValues = {
                                                  "enterprises", "contestants", "judges"})) @PathVariable String kind,
                                          @RequestParam(defaultValue = "xlsx") String format) {
        BulkImportKind importKind = imports.kind(kind);
        return downloads.template(kind + "-template", SheetDownloads.format(format), importKind.columns());
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "startImport", summary = "Import a spreadsheet",
            description = "Upload a .csv or .xlsx file as the multipart part 'file'. The answer is 202 with the job "
                    + "to poll at its Location. All rows are written or none: one bad row rejects the file, and the "
                    + "job lists every problem by row and column.")
    @ApiResponse(responseCode = "202", description = "Accepted: the job runs in the background",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<ImportJobView>> upload(@Parameter(description = KIND, schema = @Schema(allowableValues = {
                                                   "enterprises", "contestants", "judges"})) @PathVariable String kind,
                                               @RequestPart(SheetUploads.FIELD)
                                               @Parameter(schema = @Schema(type = "string", format = "binary"))
                                               Mono<Part> file,
                                               ServerHttpRequest request) {
        // The part is taken as any Part, lazily, so that a broken multipart body or a form field in its place is
        // answered as a bad 'file' here instead of failing argument resolution.
        BulkImportKind importKind = imports.kind(kind);
        return uploads.receive(request.getHeaders().getContentType(), file)
                .flatMap(upload -> imports.submit(importKind, upload.fileName(), upload.format(), upload.content()))
                .map(job -> ResponseEntity.accepted().location(URI.create("/api/imports/jobs/" + job.id())).body(job));
    }

    @GetMapping("/jobs/{id}")
    @Operation(operationId = "getImportJob", summary = "One import job",
            description = "An import job: its status, the rows read and written, and its problems by row and "
                    + "column.")
    Mono<ImportJobView> job(@PathVariable UUID id) {
        return imports.find(id);
    }
}
