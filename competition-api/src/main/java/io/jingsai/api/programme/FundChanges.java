package io.jingsai.api.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who gains and who loses how much between two stored allocations of a programme's fund: every member of either,
 * with its part before and after in fen. A member is a tier and a contestant or project: a project that moved from
 * KEY to DEMONSTRATION left one tier and entered the other. The differences add up to the change of the fund, so to
 * 0 when the fund is the same.
 *
 * @param previousNumber the allocation compared with
 * @param fundFenBefore  its fund
 * @param fundFenAfter   this allocation's fund
 * @param differenceFen  the sum of every member's difference: fundFenAfter − fundFenBefore
 * @param members        tier by tier (DEMONSTRATION, KEY, STARS): the members now in their order, then those that
 *                       left in theirs
 */
record FundChanges(int previousNumber, long fundFenBefore, long fundFenAfter, long differenceFen,
                   List<MemberChange> members) {

    /**
     * @param movement ENTERED (no part before), LEFT (no part now), or absent: a member of both
     */
    record MemberChange(FundTier tier, long id, String name, long beforeFen, long afterFen, long differenceFen,
                        TierMovement movement) {
    }

    private record Key(FundTier tier, long id) {
    }

    static FundChanges between(int previousNumber, long fundBefore, List<FundAllocationView.TierPart> before,
                               long fundAfter, List<FundAllocationView.TierPart> after) {
        Map<Key, FundAllocationView.Member> was = byMember(before);
        Map<Key, FundAllocationView.Member> is = byMember(after);
        List<MemberChange> changes = new ArrayList<>();
        for (FundTier tier : FundTier.values()) {
            is.forEach((key, member) -> {
                if (key.tier() == tier) {
                    FundAllocationView.Member old = was.get(key);
                    changes.add(change(key, member.name(), old == null ? 0 : old.fen(), member.fen(),
                            old == null ? TierMovement.ENTERED : null));
                }
            });
            was.forEach((key, member) -> {
                if (key.tier() == tier && !is.containsKey(key)) {
                    changes.add(change(key, member.name(), member.fen(), 0, TierMovement.LEFT));
                }
            });
        }
        long difference = changes.stream().mapToLong(MemberChange::differenceFen).sum();
        return new FundChanges(previousNumber, fundBefore, fundAfter, difference, changes);
    }

    private static MemberChange change(Key key, String name, long before, long after, TierMovement movement) {
        return new MemberChange(key.tier(), key.id(), name, before, after, after - before, movement);
    }

    private static Map<Key, FundAllocationView.Member> byMember(List<FundAllocationView.TierPart> parts) {
        Map<Key, FundAllocationView.Member> members = new LinkedHashMap<>();
        parts.forEach(part -> part.members().forEach(member -> members.put(new Key(part.tier(), member.id()),
                member)));
        return members;
    }
}
