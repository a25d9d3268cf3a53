package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.util.List;

import io.jingsai.api.event.EventStatus;
import io.jingsai.scoring.scheme.AspectType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What one judge has to mark in an event (评分任务): the aspects a score sheet takes, as the scheme defines them, and
 * the entries the judge may mark, by station number, each with how far the judge's own sheet has come. Entries show
 * no names: judges mark stations; in a blind event, until identities are revealed, not even registration numbers.
 * Entries the judge is recused from, and withdrawn ones, are not listed.
 *
 * @param open    whether the event takes marks now (MARKING); otherwise the page is read-only
 * @param aspects the aspects a sheet takes, in the scheme's order (DEDUCTION modules take deductions, not marks)
 * @param entries by station number, then registration number
 */
@Schema(name = "Worklist")
record WorklistView(long eventId, EventStatus status, boolean open, long judgeId, List<AspectToMark> aspects,
                    List<Entry> entries, Counts counts) {

    WorklistView {
        aspects = List.copyOf(aspects);
        entries = List.copyOf(entries);
    }

    /**
     * @param maxMark          the most the aspect earns; a JUDGEMENT aspect takes a whole score 0–3 instead
     * @param levelDescriptors JUDGEMENT: what scores 0, 1, 2 and 3 mean
     * @param allowedMarks     MEASUREMENT: the only marks allowed, or empty for any mark from 0 to the maximum
     */
    record AspectToMark(String aspectId, String description, AspectType type, BigDecimal maxMark,
                        List<String> levelDescriptors, List<BigDecimal> allowedMarks) {

        AspectToMark {
            levelDescriptors = List.copyOf(levelDescriptors);
            allowedMarks = List.copyOf(allowedMarks);
        }
    }

    /** How far the judge's sheet for an entry has come. */
    enum Progress {
        /** No sheet yet. */
        TO_MARK,
        /** A sheet without a mark for every aspect. */
        PARTLY_MARKED,
        /** A mark for every aspect. */
        MARKED,
        /** The judges disagree beyond the allowed spread on aspects this judge marked: re-mark them. */
        TO_REVIEW
    }

    /**
     * @param registrationNumber absent in a blind event until identities are revealed: judges see the station only
     * @param sheetVersion the version of the judge's sheet (send it as If-Match to replace it), or null before the
     *                     first submission
     * @param marks        the judge's current marks, by aspect, in the sheet's order
     * @param toReview     aspects of this entry to re-mark (TO_REVIEW)
     */
    record Entry(long registrationId, Integer registrationNumber, String stationNumber, Progress progress,
                 Long sheetVersion, List<Mark> marks, List<String> toReview) {

        Entry {
            marks = List.copyOf(marks);
            toReview = List.copyOf(toReview);
        }

        /** The entry as a blind event shows it: its station, nothing that would tell who. */
        Entry withoutIdentity() {
            return new Entry(registrationId, null, stationNumber, progress, sheetVersion, marks, toReview);
        }
    }

    record Mark(String aspectId, BigDecimal value) {
    }

    /** Entries per progress, and all of them. */
    record Counts(int entries, int toMark, int partlyMarked, int marked, int toReview) {
    }
}
