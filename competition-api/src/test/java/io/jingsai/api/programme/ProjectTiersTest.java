package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project board against a brute-force model of its policy: a project's rank is one more than the projects that
 * score strictly higher; it is a demonstration project if fewer than the demonstration quota do, a key project if
 * fewer than the key quota do (so every project tied at a cut-off is in), and in no tier otherwise.
 */
class ProjectTiersTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void tiersFollowTheIncludeAllPolicyAtBothCutOffs(long seed) {
        Random random = new Random(seed);
        List<ProjectTiers.Scored> projects = new ArrayList<>();
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            // few distinct scores, so that ties (also at the cut-offs) are common
            projects.add(new ProjectTiers.Scored(1000 + i, new BigDecimal(random.nextInt(8) * 12.5 + "")));
        }
        Collections.shuffle(projects, random);
        int key = 1 + random.nextInt(8);
        int demonstration = 1 + random.nextInt(key);

        ProjectTiers.Board board = ProjectTiers.place(projects, key, demonstration);

        assertThat(board.entries()).hasSize(count);
        int keys = 0;
        int demonstrations = 0;
        for (int i = 0; i < board.entries().size(); i++) {
            ProjectTiers.Placed placed = board.entries().get(i);
            long better = projects.stream().filter(p -> p.score().compareTo(placed.project().score()) > 0).count();
            ProjectTier expected = better < demonstration ? ProjectTier.DEMONSTRATION
                    : better < key ? ProjectTier.KEY : null;
            assertThat(placed.rank()).as("seed %d, %s", seed, placed).isEqualTo(better + 1);
            assertThat(placed.position()).isEqualTo(i + 1);
            assertThat(placed.tier()).as("seed %d, %s", seed, placed).isEqualTo(expected);
            if (i > 0) {
                ProjectTiers.Placed before = board.entries().get(i - 1);
                int order = before.project().score().compareTo(placed.project().score());
                assertThat(order > 0 || order == 0 && before.project().projectId() < placed.project().projectId())
                        .as("display order: score, then project id").isTrue();
            }
            keys += expected == null ? 0 : 1;
            demonstrations += expected == ProjectTier.DEMONSTRATION ? 1 : 0;
        }
        // the key tier counts its demonstration projects too: they are the best of the key projects
        assertThat(board.tiers()).containsExactly(
                new ProjectStandingsView.TierFill(ProjectTier.DEMONSTRATION, demonstration,
                        Math.min(demonstrations, keys), Math.max(0, demonstrations - demonstration),
                        Math.max(0, demonstration - demonstrations)),
                new ProjectStandingsView.TierFill(ProjectTier.KEY, key, keys, Math.max(0, keys - key),
                        Math.max(0, key - keys)));
    }
}
