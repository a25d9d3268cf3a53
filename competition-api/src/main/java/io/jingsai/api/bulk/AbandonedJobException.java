package io.jingsai.api.bulk;

import java.util.UUID;

/**
 * A job found to have ended (marked FAILED by a sweep) when it came to record its success: thrown inside the write's
 * transaction to roll its rows back, so the job's report that nothing was written stays true.
 */
class AbandonedJobException extends RuntimeException {

    AbandonedJobException(UUID job) {
        super("import job " + job + " had been marked abandoned; its rows are rolled back");
    }
}
