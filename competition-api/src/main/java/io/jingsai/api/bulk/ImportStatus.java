package io.jingsai.api.bulk;

import java.util.List;

/** Where an import job stands. Only SUCCEEDED wrote anything; every other end state wrote nothing. */
public enum ImportStatus {
    /** Reading and validating the file. */
    VALIDATING,
    /** Every row was valid; writing them all in one transaction. */
    WRITING,
    /** Every row was written. */
    SUCCEEDED,
    /** The file or some rows are invalid; the problems are listed and nothing was written. */
    REJECTED,
    /** The server failed, or stopped, while working; nothing was written, upload the file again. */
    FAILED;

    /** The statuses of a job still at work. */
    static final List<ImportStatus> RUNNING = List.of(VALIDATING, WRITING);

    /** Whether a job in this status is still at work. */
    boolean running() {
        return RUNNING.contains(this);
    }
}
