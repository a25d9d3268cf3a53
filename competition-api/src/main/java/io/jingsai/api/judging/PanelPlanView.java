package io.jingsai.api.judging;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An event's automatic panel assignment as it stands now: which judges (role JUDGE) mark which entries. Pairs a
 * judge is recused from are left out whenever the recusal arose, and so are entries that no longer compete; a judge
 * who joined the panel after the plan was made has no entries until it is made again.
 *
 * @param planned        whether the event has a plan; without one every judge marks every entry they are not
 *                       recused from, and the other fields are empty
 * @param minimum        judges each entry needs under the scheme now
 * @param minimumAspect  the first aspect that needs that many (null for a scheme of deductions only)
 * @param judges         the panel's judges (not the chief judge) by id, each with the entries they mark
 * @param entries        the competing entries by registration number, each with its judges
 * @param uncovered      registration ids of entries with fewer judges than the minimum (a judge removed from the
 *                       panel, a conflict declared or an entry registered after the plan was made): make it again
 */
@Schema(name = "PanelPlan")
record PanelPlanView(long eventId, boolean planned, Long seed, Integer judgesPerEntry, int minimum,
                     String minimumAspect, Instant madeAt, String madeBy, List<JudgeEntries> judges,
                     List<EntryJudges> entries, List<Long> uncovered) {

    PanelPlanView {
        judges = List.copyOf(judges);
        entries = List.copyOf(entries);
        uncovered = List.copyOf(uncovered);
    }

    /** @param registrationIds the entries the judge marks, by id */
    record JudgeEntries(long judgeId, String name, int entries, List<Long> registrationIds) {

        JudgeEntries {
            registrationIds = List.copyOf(registrationIds);
        }
    }

    /** @param judgeIds the judges who mark the entry, by id */
    record EntryJudges(long registrationId, int registrationNumber, String stationNumber, List<Long> judgeIds) {

        EntryJudges {
            judgeIds = List.copyOf(judgeIds);
        }
    }
}
