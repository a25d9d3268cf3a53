package io.jingsai.api.audit;

/**
 * Walks a chain's entries in position order and finds the first place where it breaks. Not thread-safe: one walk
 * follows one stream of entries.
 */
final class ChainWalk {

    private long expectedPosition = 1;
    private String previousHash = AuditTrail.GENESIS;

    /**
     * One stored entry as the walk sees it.
     *
     * @param contentHash the hash the entry's stored content and previous hash give now; equal to {@code entryHash}
     *                    unless the entry was altered
     */
    record Link(long position, String previousHash, String entryHash, String contentHash) {
    }

    /** The break at this entry, or null when the entry follows its predecessor faithfully. */
    ChainBreak step(Link entry) {
        if (entry.position() != expectedPosition) {
            return new ChainBreak(expectedPosition, ChainBreak.Kind.MISSING);
        }
        if (!entry.contentHash().equals(entry.entryHash())) {
            return new ChainBreak(entry.position(), ChainBreak.Kind.ALTERED);
        }
        if (!entry.previousHash().equals(previousHash)) {
            return new ChainBreak(entry.position(), ChainBreak.Kind.RELINKED);
        }
        expectedPosition++;
        previousHash = entry.entryHash();
        return null;
    }

    /** After the last entry: the break if the entries end short of the chain's head or do not lead to its hash. */
    ChainBreak end(long headLength, String headHash) {
        long walked = expectedPosition - 1;
        if (walked < headLength) {
            return new ChainBreak(expectedPosition, ChainBreak.Kind.MISSING);
        }
        if (!previousHash.equals(headHash)) {
            return new ChainBreak(walked, ChainBreak.Kind.HEAD_MISMATCH);
        }
        return null;
    }

    long entriesChecked() {
        return expectedPosition - 1;
    }
}
