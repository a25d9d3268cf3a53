package io.jingsai.api.bulk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.jingsai.api.spreadsheet.RowProblem;

/**
 * An import job as its submitter polls it. {@code problems} lists at most the first
 * {@value ImportJobService#MAX_LISTED_PROBLEMS} problems in row order; {@code problemCount} counts them all, and
 * {@code problemsTruncated} says whether some were left out of the list.
 */
record ImportJobView(UUID id, String kind, String fileName, ImportStatus status, int rowsRead, int rowsWritten,
                     int problemCount, List<RowProblem> problems, boolean problemsTruncated, String message,
                     Instant createdAt, Instant finishedAt) {
}
