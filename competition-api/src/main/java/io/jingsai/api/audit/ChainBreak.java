package io.jingsai.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The first place where a chain does not verify.
 *
 * @param position the position of the first entry that is missing or does not verify
 * @param kind     what is wrong there
 */
record ChainBreak(long position, Kind kind) {

    @Schema(description = "MISSING: no entry at this position (removed); ALTERED: the entry's content does not give "
            + "its hash (changed); RELINKED: the entry does not follow the entry before it (replaced, inserted or "
            + "moved); HEAD_MISMATCH: the entries do not lead to the hash the chain's head records")
    enum Kind {
        MISSING, ALTERED, RELINKED, HEAD_MISMATCH
    }
}
