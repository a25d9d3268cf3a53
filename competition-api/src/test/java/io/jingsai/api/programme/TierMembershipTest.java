package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differences between memberships, on seeded random memberships: applied to the membership recorded, the moves
 * give the membership now, each subject moves at most once per tier, exits come before entries; and between two
 * allocations, each member's difference is its part after minus before, adding up to the change of the fund.
 */
class TierMembershipTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void theMovesTakeTheRecordedMembershipToTheMembershipNow(long seed) {
        Random random = new Random(seed);
        Map<TierMembership.Key, String> recorded = new LinkedHashMap<>();
        Map<TierMembership.Key, TierMembership.Place> placed = new LinkedHashMap<>();
        Map<TierMembership.Key, TierMembership.Place> members = new LinkedHashMap<>();
        for (long subject = 1; subject <= 30; subject++) {
            FundTier tier = FundTier.values()[random.nextInt(3)];
            TierMembership.Key key = new TierMembership.Key(tier, subject);
            if (random.nextInt(3) == 0) {
                recorded.put(key, "旧名" + subject);
            }
            if (random.nextInt(4) > 0) { // a quarter are off the boards (withdrawn)
                TierMembership.Place place = new TierMembership.Place(key, "名" + subject, 1 + random.nextInt(20),
                        BigDecimal.valueOf(random.nextInt(100_000), 2));
                placed.put(key, place);
                if (random.nextBoolean()) {
                    members.put(key, place);
                }
            }
        }

        List<TierMembership.Move> moves = TierMembership.moves(recorded,
                new TierMembership.Boards(placed, members));

        Map<TierMembership.Key, String> replayed = new HashMap<>(recorded);
        boolean entering = false;
        for (TierMembership.Move move : moves) {
            TierMembership.Key key = move.place().key();
            if (move.movement() == TierMovement.ENTERED) {
                entering = true;
                assertThat(replayed.put(key, move.place().name())).as("entered once").isNull();
            } else {
                assertThat(entering).as("exits first").isFalse();
                assertThat(replayed.remove(key)).as("left once, having been in").isNotNull();
                assertThat(move.place().rank() == null).as("no rank only off the boards")
                        .isEqualTo(!placed.containsKey(key));
            }
        }
        assertThat(replayed.keySet()).isEqualTo(members.keySet());
        assertThat(moves.size()).isEqualTo(
                recorded.keySet().stream().filter(key -> !members.containsKey(key)).count()
                        + members.keySet().stream().filter(key -> !recorded.containsKey(key)).count());
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7, 1949})
    void eachMembersDifferenceIsAfterMinusBeforeAndTheyAddUpToTheFundsChange(long seed) {
        Random random = new Random(seed);
        List<FundAllocationView.TierPart> before = parts(random);
        List<FundAllocationView.TierPart> after = parts(random);
        long fundBefore = total(before);
        long fundAfter = total(after);

        FundChanges changes = FundChanges.between(1, fundBefore, before, fundAfter, after);

        Map<String, Long> was = byMember(before);
        Map<String, Long> is = byMember(after);
        assertThat(changes.members()).hasSize((int) Stream.concat(was.keySet().stream(),
                is.keySet().stream()).distinct().count());
        for (FundChanges.MemberChange member : changes.members()) {
            String key = member.tier() + "/" + member.id();
            assertThat(member.beforeFen()).isEqualTo(was.getOrDefault(key, 0L));
            assertThat(member.afterFen()).isEqualTo(is.getOrDefault(key, 0L));
            assertThat(member.differenceFen()).isEqualTo(member.afterFen() - member.beforeFen());
            assertThat(member.movement()).isEqualTo(!was.containsKey(key) ? TierMovement.ENTERED
                    : !is.containsKey(key) ? TierMovement.LEFT : null);
        }
        assertThat(changes.differenceFen()).isEqualTo(fundAfter - fundBefore)
                .isEqualTo(changes.members().stream().mapToLong(FundChanges.MemberChange::differenceFen).sum());
    }

    private static List<FundAllocationView.TierPart> parts(Random random) {
        List<FundAllocationView.TierPart> parts = new ArrayList<>();
        for (FundTier tier : FundTier.values()) {
            List<FundAllocationView.Member> members = new ArrayList<>();
            for (long id = 1; id <= 12; id++) {
                if (random.nextBoolean()) {
                    members.add(new FundAllocationView.Member(id, "名" + id, members.size() + 1, BigDecimal.ONE,
                            random.nextLong(1_000_000)));
                }
            }
            parts.add(new FundAllocationView.TierPart(tier, BigDecimal.ONE, !members.isEmpty(),
                    members.stream().mapToLong(FundAllocationView.Member::fen).sum(), members));
        }
        return parts;
    }

    private static long total(List<FundAllocationView.TierPart> parts) {
        return parts.stream().mapToLong(FundAllocationView.TierPart::fen).sum();
    }

    private static Map<String, Long> byMember(List<FundAllocationView.TierPart> parts) {
        Map<String, Long> byMember = new HashMap<>();
        parts.forEach(part -> part.members().forEach(member -> byMember.put(part.tier() + "/" + member.id(),
                member.fen())));
        return byMember;
    }
}
