package io.jingsai.api.spreadsheet;

import java.util.Objects;

/**
 * A file that cannot be read as a sheet at all, as opposed to a readable file with bad rows (those go into an
 * {@link ImportReport}). The {@link Reason} lets the web layer pick the status (e.g. 415 for
 * {@link Reason#WRONG_TYPE}, 413 for {@link Reason#TOO_MANY_ROWS}, 400 otherwise); the message is for the user.
 */
public class UnreadableSheetException extends RuntimeException {

    /** What is wrong with the file as a whole. */
    public enum Reason {
        /** No bytes, no header row, or a header row but no data rows. */
        EMPTY,
        /** The content is not of the announced format (e.g. a workbook uploaded as CSV, a PDF as XLSX). */
        WRONG_TYPE,
        /** The format is right but the content is broken (unclosed quote, corrupt workbook). */
        MALFORMED,
        /** A required column is absent from the header row. */
        MISSING_COLUMN,
        /** The same column appears twice in the header row (possibly once by its alias). */
        DUPLICATE_COLUMN,
        /** More data rows than the reader's limit. */
        TOO_MANY_ROWS
    }

    private final Reason reason;

    public UnreadableSheetException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    UnreadableSheetException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the file was refused. */
    public Reason reason() {
        return reason;
    }
}
