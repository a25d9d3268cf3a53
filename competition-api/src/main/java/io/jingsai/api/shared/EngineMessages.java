package io.jingsai.api.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scoring engine's checks, as the API reports them. The engine ({@code scoring-engine}, a pure Java core) states
 * what is wrong in English sentences, such as {@code must be > 0, got -1} or
 * {@code weights add up to 0.9, must add up to 1}; this table gives each kind of sentence its rule key and takes
 * the values it names, so the rule is worded in the client's language like every other. A sentence the table does
 * not know (a new check in the engine) is reported as {@code engine.other} with the sentence as its value, and a
 * test lists the engine's sentences this table must know.
 */
public final class EngineMessages {

    /**
     * A kind of sentence: its pattern, whose groups are the values the rule's message names (for {@code oneOf}, the
     * names listed in all groups make one list), and values the sentence implies.
     */
    private record Sentence(Pattern pattern, String key, List<Object> implied) {

        List<Object> values(Matcher match) {
            List<Object> values = new ArrayList<>();
            for (int group = 1; group <= match.groupCount(); group++) {
                values.add(match.group(group));
            }
            if (key.equals(ONE_OF)) {
                return List.of(values.stream().flatMap(names -> Arrays.stream(((String) names).split(", "))).toList());
            }
            values.addAll(implied);
            return values;
        }
    }

    private static final String ONE_OF = "oneOf";

    private static final List<Sentence> SENTENCES = List.of(
            sentence("must not be blank", "notBlank"),
            sentence("(?:award band name|title|indicator id|tie-break key name) must not be blank", "notBlank"),
            sentence("must be set", "required"),
            sentence("must not be null", "required"),
            sentence("must have at least one (?:criterion|sub-criterion|aspect)", "notEmpty"),
            sentence("an indicator scheme needs at least one indicator", "notEmpty"),
            sentence("must be > 0, got .*", "positive"),
            sentence("(?:weight of indicator .* must|scale must) be > 0, got .*", "positive"),
            sentence("must be >= 0, got .*", "positiveOrZero"),
            sentence("(?:places|minimumStarters of band .*) must be >= 0, got .*", "positiveOrZero"),
            sentence("maxRank of title .* must be >= 1, got .*", "min", 1),
            sentence("must be (.*) or (\\w+)", ONE_OF),
            sentence("judgement needs at least (\\d+) judges, got .*", "scheme.judgementPanel"),
            sentence("duplicate (?:component|criterion|aspect) id '(.*)'(?: \\(aspect ids are unique in a scheme\\))?",
                    "scheme.duplicateId"),
            sentence("theory weight (.*) is above 30%; contests usually weight theory at 30% or less",
                    "scheme.theoryWeight"),
            sentence("weights add up to (.*), must add up to 1", "scheme.weightsSum"),
            sentence("refers to component '(.*)' but the scheme has no components", "scheme.noComponents"),
            sentence("must name one of the scheme's components \\[(.*)]", ONE_OF),
            sentence("unknown component '.*', expected one of \\[(.*)]", ONE_OF),
            sentence("must be within \\[0, maxMark], got .*", "scheme.allowedMark"),
            sentence("judgement aspect needs 4 level descriptors \\(scores 0-3\\), got (\\d+)",
                    "scheme.levelDescriptors"),
            sentence("one violation \\((.*)\\) costs more than the whole module \\((.*)\\); the module stops at zero",
                    "scheme.deductionAboveModule"),
            sentence("only a (\\w+) aspect takes .*, this is (\\w+)", "scheme.otherAspectType"),
            sentence("(\\w+) takes no k, got .*", "scheme.noK"),
            sentence("(\\w+) needs k >= 1, got .*", "scheme.k"),
            sentence("max marks add up to (.*) ≠ declared total (.*)", "scheme.total"),
            sentence("component '(.*)' has no criteria", "scheme.componentWithoutCriteria"),
            sentence("max marks of component '(.*)' add up to (.*) ≠ declared (.*)", "scheme.componentTotal"),
            sentence("rounding scale must be between (\\d+) and (\\d+), got .*", "number.range"),
            sentence("rounding mode UNNECESSARY cannot round an inexact mark; choose e.g. HALF_UP",
                    "rounding.unnecessary"),
            sentence("BEST_N needs n >= 1, got .*", "teamScore.bestN"),
            sentence("(\\w+) takes no n, got .*", "teamScore.noN"),
            sentence("award band name '(.*)' appears twice", "awards.bandTwice"),
            sentence("band '(.*)' awards by threshold but the plan has no score", "awards.thresholdWithoutScore"),
            sentence("cut-off policy BREAK_BY_CHAIN needs a break chain", "awards.breakWithoutChain"),
            sentence("share must be in \\(0, 1], got .*", "awards.share"),
            sentence("share rounding must say how to round, UNNECESSARY is not a rule", "awards.shareRounding"),
            sentence("indicator (.*) is (\\w+) but its target (.*) is (?:above|below) its baseline (.*)",
                    "indicator.targetSide"),
            sentence("target must differ from baseline, both are (.*)", "indicator.targetIsBaseline"),
            sentence("indicator id '(.*)' appears twice", "indicator.idTwice"));

    private EngineMessages() {
    }

    /** The rule an engine sentence states, with the values it names. */
    public static BrokenRule rule(String sentence) {
        String text = sentence == null ? "" : sentence;
        for (Sentence known : SENTENCES) {
            Matcher match = known.pattern().matcher(text);
            if (match.matches()) {
                return new BrokenRule(known.key(), known.values(match));
            }
        }
        return BrokenRule.of("engine.other", text);
    }

    /** The problem of {@code field} that an engine sentence states. */
    public static FieldProblem at(String field, String sentence) {
        return rule(sentence).at(field);
    }

    private static Sentence sentence(String regex, String key, Object... implied) {
        return new Sentence(Pattern.compile(regex), key, List.of(implied));
    }
}
