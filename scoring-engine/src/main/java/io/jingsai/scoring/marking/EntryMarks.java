package io.jingsai.scoring.marking;

import java.util.List;

/**
 * Everything marked for one entry (a contestant or team) in one event.
 *
 * @param entryId          the entry
 * @param aspects          marks per aspect; at most one {@link AspectMarks} per aspect. Aspects without marks are
 *                         MISSING (DEDUCTION aspects need no marks)
 * @param deductions       deductions in DEDUCTION modules, approved or pending
 * @param disqualification a disqualification, or null
 * @throws IllegalArgumentException if the entry id is blank or lists are null
 */
public record EntryMarks(String entryId, List<AspectMarks> aspects, List<Deduction> deductions,
                         Disqualification disqualification) {

    public EntryMarks {
        Checks.requireText(entryId, "entryId");
        aspects = List.copyOf(Checks.requireNonNull(aspects, "aspects of entry " + entryId));
        deductions = List.copyOf(Checks.requireNonNull(deductions, "deductions of entry " + entryId));
    }

    /** Marks without deductions or disqualification. */
    public static EntryMarks of(String entryId, List<AspectMarks> aspects) {
        return new EntryMarks(entryId, aspects, List.of(), null);
    }

    public EntryMarks withDeductions(List<Deduction> newDeductions) {
        return new EntryMarks(entryId, aspects, newDeductions, disqualification);
    }

    public EntryMarks withDisqualification(Disqualification newDisqualification) {
        return new EntryMarks(entryId, aspects, deductions, newDisqualification);
    }
}
