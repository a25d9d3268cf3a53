package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;

/**
 * What a panel's marks for one aspect amount to: a mark, a hold for review, or a rejection. Callers must handle all
 * three; only {@link Aggregated} counts towards a total.
 */
public sealed interface PanelOutcome permits PanelOutcome.Aggregated, PanelOutcome.NeedsReview, PanelOutcome.Rejected {

    /** The exact aggregated mark (before any rounding). */
    record Aggregated(ExactValue mark) implements PanelOutcome {
    }

    /**
     * Judgement scores further apart than allowed: the aspect is held out of totals until re-marked.
     *
     * @param spread  highest minus lowest score
     * @param allowed the scheme's allowed spread
     */
    record NeedsReview(int spread, int allowed) implements PanelOutcome {
        public String reason() {
            return "judgement scores spread " + spread + " > allowed " + allowed + ": needs review";
        }
    }

    /** The marks cannot be aggregated by the rule (wrong panel size, a judgement score that is not 0-3). */
    record Rejected(String reason) implements PanelOutcome {
    }
}
