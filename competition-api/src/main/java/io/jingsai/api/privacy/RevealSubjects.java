package io.jingsai.api.privacy;

import java.util.List;

/** What a reveal shows in full, as the reveal audit names it. */
public final class RevealSubjects {

    /** One contestant's ID number, birth date and phone. */
    public static final String CONTESTANT = "contestant";
    /** One judge's phone and e-mail address. */
    public static final String JUDGE = "judge";
    /** The contestants of an export file: their ID numbers and phones. */
    public static final String CONTESTANT_EXPORT = "contestantExport";
    static final List<String> ALL = List.of(CONTESTANT, JUDGE, CONTESTANT_EXPORT);

    private RevealSubjects() {
    }
}
