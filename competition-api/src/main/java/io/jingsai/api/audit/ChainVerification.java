package io.jingsai.api.audit;

/**
 * The outcome of checking one chain from its first entry to its head.
 *
 * @param chain          the chain's name
 * @param length         how many entries the chain's head records
 * @param headHash       the hash of the last entry, as the head records it (publish it to anchor the chain)
 * @param entriesChecked how many entries verified before the first break (all of them when intact)
 * @param intact         whether every entry verified and the entries lead to the head
 * @param firstBreak     where the chain first breaks; absent when intact
 */
record ChainVerification(String chain, long length, String headHash, long entriesChecked, boolean intact,
                         ChainBreak firstBreak) {
}
