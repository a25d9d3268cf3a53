package io.jingsai.api.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The marking scheme of every demo event and the marks its judges give. Four aspects add up to 100: three
 * measurements and one judgement (scores 0–3, which needs three judges). Each entry has a skill drawn from the seed;
 * a judge's measurement marks scatter around it in half points, and judges' judgement scores for one entry differ by
 * at most one, the scheme's allowed spread, so that results complete instead of waiting for review.
 */
final class DemoScheme {

    /** A mark as a score sheet carries it. */
    record Mark(String aspectId, BigDecimal value) {
    }

    private record Measurement(String id, int maxMark) {
    }

    private static final List<Measurement> MEASUREMENTS = List.of(new Measurement("A1a", 40),
            new Measurement("A1b", 20), new Measurement("B1b", 10));
    private static final String JUDGEMENT = "B1a";

    private DemoScheme() {
    }

    /** The scheme as the API takes it ({@code scheme} of an event). */
    static Map<String, Object> document() {
        return Map.of("declaredTotal", 100, "criteria", List.of(
                Map.of("id", "A", "name", "实操技能", "subCriteria", List.of(Map.of("id", "A1", "name", "操作过程",
                        "aspects", List.of(
                                measurement("A1a", "操作规范、步骤正确", 40),
                                measurement("A1b", "尺寸精度与功能达标", 20))))),
                Map.of("id", "B", "name", "作品质量与职业素养", "subCriteria", List.of(Map.of("id", "B1",
                        "name", "作品与现场", "aspects", List.of(
                                Map.of("id", JUDGEMENT, "description", "工艺美观", "type", "JUDGEMENT", "maxMark", 30,
                                        "levelDescriptors", List.of("不合格", "合格", "良好", "优秀")),
                                measurement("B1b", "安全文明生产", 10)))))));
    }

    /** The marks of one judge's sheet for one entry in its {@code round} (0 first, then each replacement). */
    static List<Mark> marks(long seed, DemoPlan.Sheet sheet, int round) {
        double skill = skill(seed, sheet.event(), sheet.entry());
        SplittableRandom judge = new SplittableRandom(mix(seed, sheet.event(), sheet.entry(), sheet.judge(), round));
        int level = Math.min(3, Math.max(0, (int) Math.floor(skill * 3.4 - 0.4)));
        int judgement = Math.min(3, level + (judge.nextInt(3) == 0 ? 1 : 0));
        return List.of(
                measured(MEASUREMENTS.get(0), skill, judge),
                measured(MEASUREMENTS.get(1), skill, judge),
                new Mark(JUDGEMENT, BigDecimal.valueOf(judgement)),
                measured(MEASUREMENTS.get(2), skill, judge));
    }

    /** An entry's skill, 0.5–0.97: what all of its judges' marks scatter around. */
    static double skill(long seed, int event, int entry) {
        return 0.5 + new SplittableRandom(mix(seed, event, entry, -1, -1)).nextDouble() * 0.47;
    }

    private static Mark measured(Measurement aspect, double skill, SplittableRandom judge) {
        double share = Math.min(1, Math.max(0, skill + (judge.nextDouble() - 0.5) * 0.12));
        BigDecimal halves = BigDecimal.valueOf(Math.round(share * aspect.maxMark() * 2));
        return new Mark(aspect.id(), halves.divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY));
    }

    private static Map<String, Object> measurement(String id, String description, int maxMark) {
        return Map.of("id", id, "description", description, "type", "MEASUREMENT", "maxMark", maxMark);
    }

    private static long mix(long seed, int event, int entry, int judge, int round) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int part : new int[] {event, entry, judge, round}) {
            h = (h ^ part) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }
}
