package io.jingsai.api.privacy;

import java.util.ArrayList;
import java.util.List;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.RejectedRequestException;

/**
 * An organizer's request to see personal data in full: {@code reveal} names what (the one value an operation
 * allows), {@code reason} says why, in words kept in the reveal audit. A reveal without a reason is refused.
 *
 * @param reason why, stripped, 1 to {@value #REASON_MAX} characters
 */
public record RevealRequest(String reason) {

    public static final int REASON_MAX = 500;
    /** The OpenAPI description of the {@code reason} parameter, the same for every operation that reveals. */
    public static final String REASON_DESCRIPTION = "Why the data is revealed (required with reveal, at most 500 "
            + "characters); kept with who revealed what and when in the reveal audit (GET /api/privacy/reveals)";

    /**
     * The reveal the parameters ask for, or {@code null} when they ask for none.
     *
     * @param allowed the one {@code reveal} value the operation takes
     * @throws RejectedRequestException naming {@code reveal} (another value) and {@code reason} (missing, blank,
     *         too long, or given without {@code reveal}); all problems at once
     */
    public static RevealRequest of(String reveal, String reason, String allowed) {
        String why = reason == null ? null : reason.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (reveal != null && !allowed.equals(reveal)) {
            problems.add(FieldProblem.of("reveal", "oneOf", List.of(allowed)));
        }
        if (reveal == null && reason != null) {
            problems.add(new FieldProblem("reason", "reveal.reasonWithoutReveal"));
        } else if (reveal != null && (why == null || why.isEmpty())) {
            problems.add(new FieldProblem("reason", "reveal.reasonRequired"));
        } else if (why != null && why.length() > REASON_MAX) {
            problems.add(FieldProblem.of("reason", "size.max", REASON_MAX));
        }
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(problems);
        }
        return reveal == null ? null : new RevealRequest(why);
    }
}
