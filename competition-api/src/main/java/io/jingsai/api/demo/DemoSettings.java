package io.jingsai.api.demo;

/**
 * The demo's sizes and pace ({@code jingsai.demo.*}; defaults in the constants below, documented in docs/demo.md).
 *
 * @param seed            everything generated follows from it: the same seed, the same names, codes and marks
 * @param trades          how many of the reference trades have contestants (at most the trades there are)
 * @param enterprises     enterprises with their credit codes
 * @param contestants     contestants with their ID numbers, at least one per trade and enough for every event
 * @param events          events (赛项), each in a trade of its own
 * @param entriesPerEvent contestants registered for each event
 * @param judgesPerEvent  judges on each event's panel (at least 3, the smallest panel of a judgement aspect)
 * @param initialShare    share (0–1) of all planned score sheets submitted while filling, before the steady pace
 * @param marksPerSecond  score sheets submitted per second afterwards; 0 stops marking after the fill
 */
record DemoSettings(long seed, int trades, int enterprises, int contestants, int events, int entriesPerEvent,
                    int judgesPerEvent, double initialShare, double marksPerSecond) {

    static final String SEED = "2025";
    static final String TRADES = "60";
    static final String ENTERPRISES = "300";
    static final String CONTESTANTS = "3000";
    static final String EVENTS = "8";
    static final String ENTRIES_PER_EVENT = "40";
    static final String JUDGES_PER_EVENT = "5";
    static final String INITIAL_SHARE = "0.3";
    static final String MARKS_PER_SECOND = "3";

    DemoSettings {
        require(trades >= events && events >= 1, "jingsai.demo.trades must be at least jingsai.demo.events (>= 1)");
        require(enterprises >= 1, "jingsai.demo.enterprises must be at least 1");
        require(entriesPerEvent >= 1, "jingsai.demo.entries-per-event must be at least 1");
        require((long) contestants >= (long) events * entriesPerEvent + trades - events,
                "jingsai.demo.contestants must cover every event's entries and one contestant of every other trade");
        require(judgesPerEvent >= 3, "jingsai.demo.judges-per-event must be at least 3");
        require(initialShare >= 0 && initialShare <= 1, "jingsai.demo.initial-share must lie between 0 and 1");
        require(marksPerSecond >= 0 && marksPerSecond <= 1000, "jingsai.demo.marks-per-second must lie in 0–1000");
    }

    static DemoSettings defaults() {
        return new DemoSettings(Long.parseLong(SEED), Integer.parseInt(TRADES), Integer.parseInt(ENTERPRISES),
                Integer.parseInt(CONTESTANTS), Integer.parseInt(EVENTS), Integer.parseInt(ENTRIES_PER_EVENT),
                Integer.parseInt(JUDGES_PER_EVENT), Double.parseDouble(INITIAL_SHARE),
                Double.parseDouble(MARKS_PER_SECOND));
    }

    private static void require(boolean holds, String message) {
        if (!holds) {
            throw new IllegalArgumentException(message);
        }
    }
}
