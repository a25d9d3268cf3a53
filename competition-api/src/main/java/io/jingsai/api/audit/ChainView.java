package io.jingsai.api.audit;

/**
 * A chain of the audit trail.
 *
 * @param chain    its name: {@code event-<id>}, {@code programme-<id>} or {@code system}
 * @param length   how many entries it has
 * @param headHash the hash of its last entry (publish it to anchor the chain: entries cannot then be rewritten
 *                 unnoticed, even by someone who can rewrite the whole table)
 */
record ChainView(String chain, long length, String headHash) {

    static ChainView of(ChainRow row) {
        return new ChainView(row.chain(), row.length(), row.headHash());
    }
}
