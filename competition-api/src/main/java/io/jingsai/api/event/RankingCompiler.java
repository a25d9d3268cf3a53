package io.jingsai.api.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.ranking.TieBreakKey;
import io.jingsai.scoring.scheme.RuleChecks;

/**
 * The rules' tie-break chain, rank style and tie policy as the engine's {@link RankingRule}: every key names a value
 * the scheme has ({@link TieBreakValues}), once; exact ties are shown in registration-number order.
 */
final class RankingCompiler {

    private static final String PATH = "rules.tieBreak";
    static final Comparator<Standing> DISPLAY_ORDER = Comparator.comparingInt(Standing::registrationNumber);

    private RankingCompiler() {
    }

    /** The ranking rule, or null if a key is wrong (reported). */
    static RankingRule<Standing> compile(RulesDocument rules, Set<String> known, Findings findings) {
        List<TieBreakKey<Standing>> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean clean = true;
        for (int i = 0; i < rules.tieBreak().size(); i++) {
            RulesDocument.TieBreakDocument key = rules.tieBreak().get(i);
            String path = PATH + "[" + i + "]";
            if (key == null) {
                findings.error(new FieldProblem(path, "required"));
                clean = false;
            } else if (findings.add(path, RuleChecks.tieBreakKey(key.key(), key.order()))
                    && named(key.key(), path, known, seen, findings)) {
                String name = key.key();
                keys.add(new TieBreakKey<>(name, key.order(), standing -> standing.keys().get(name)));
            } else {
                clean = false;
            }
        }
        return clean ? new RankingRule<>(new TieBreakChain<>(keys), rules.rankStyle(), rules.tiePolicy(),
                DISPLAY_ORDER) : null;
    }

    /** Whether a key names something the scheme has, for the first time in the chain (else reported). */
    private static boolean named(String name, String path, Set<String> known, Set<String> seen, Findings findings) {
        if (!known.contains(name)) {
            findings.error(FieldProblem.of(path + ".key", "oneOf", List.copyOf(known)));
            return false;
        }
        if (!seen.add(name)) {
            findings.error(FieldProblem.of(path + ".key", "tieBreak.keyTwice", name));
            return false;
        }
        return true;
    }
}
