package io.jingsai.api.bulk;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import io.r2dbc.postgresql.codec.Json;

@Table("import_job")
record ImportJobRow(@Id UUID id, String kind, String fileName, ImportStatus status, int rowsRead, int rowsWritten,
                    int problemCount, Json problems, String message, Instant createdAt, Instant finishedAt,
                    Instant heartbeatAt) {
}
