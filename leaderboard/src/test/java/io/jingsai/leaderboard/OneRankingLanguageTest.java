package io.jingsai.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.indicator.Direction;
import io.jingsai.scoring.ranking.Order;
import io.jingsai.scoring.ranking.RankStyle;
import io.jingsai.scoring.ranking.Ranking;
import io.jingsai.scoring.ranking.TiePolicy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One enum per concept across the two cores: scans the compiled classes of {@code scoring-engine} and
 * {@code leaderboard}. The ranking vocabulary lives in the engine and the leaderboard declares no enum of its own
 * (it had {@code Direction}, {@code RankingStyle} and {@code CutOffPolicy}, duplicates of the engine's); no two
 * enums of the cores share a name (a nested enum counts with its outer class: {@code PanelAggregation$Kind}) or a
 * set of constants.
 */
class OneRankingLanguageTest {

    /** The ranking vocabulary: each concept and the one enum that names it. */
    private static final Map<String, Class<?>> VOCABULARY = Map.of(
            "which value of a ranking key ranks first", Order.class,
            "how tied ranks are numbered (1224, 1223, 1334)", RankStyle.class,
            "whether exact ties may share a rank (排名不并列)", TiePolicy.class,
            "who gets a place when ties straddle a band's or tier's cut-off", CutOffPolicy.class,
            "whether more of an indicator is better (normalisation of KPIs)", Direction.class);

    @Test
    void theLeaderboardDeclaresNoEnumOfItsOwn() throws Exception {
        assertThat(enumsIn(Board.class, "io/jingsai/leaderboard/")).isEmpty();
    }

    @Test
    void noTwoEnumsOfTheCoresShareANameOrTheirConstants() throws Exception {
        List<Class<?>> enums = new ArrayList<>(enumsIn(Ranking.class, "io/jingsai/scoring/"));
        enums.addAll(enumsIn(Board.class, "io/jingsai/leaderboard/"));
        assertThat(enums).containsAll(VOCABULARY.values());
        Map<String, Class<?>> byName = new HashMap<>();
        Map<Set<String>, Class<?>> byConstants = new HashMap<>();
        for (Class<?> e : enums) {
            String name = e.getName().substring(e.getPackageName().length() + 1); // Outer$Kind for a nested enum
            assertThat(byName.put(name, e)).as("another enum named %s", e.getName()).isNull();
            Set<String> constants = new TreeSet<>(Arrays.stream(e.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            assertThat(byConstants.put(constants, e)).as("another enum with the constants of %s", e.getName()).isNull();
        }
    }

    /** The enums among the classes under {@code prefix} of the directory or jar that holds {@code anchor}. */
    private static List<Class<?>> enumsIn(Class<?> anchor, String prefix) throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location.resolve(prefix))) {
                files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(prefix)).forEach(names::add);
            }
        }
        List<Class<?>> enums = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".class") && !name.endsWith("package-info.class")) {
                Class<?> c = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false,
                        anchor.getClassLoader());
                if (c.isEnum()) {
                    enums.add(c);
                }
            }
        }
        assertThat(names).as("classes found under %s of %s", prefix, location).isNotEmpty();
        return enums;
    }
}
