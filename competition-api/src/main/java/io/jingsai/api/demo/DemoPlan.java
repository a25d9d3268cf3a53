package io.jingsai.api.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.jingsai.api.enterprise.Ownership;
import io.jingsai.api.judge.Qualification;

/**
 * What the demo writes, as a pure function of its settings: the same seed gives the same enterprises, contestants,
 * events, panels and marks. Trades are named by their index in the list of reference trades the database holds
 * (sorted by id); the filler maps them to ids.
 */
record DemoPlan(List<Enterprise> enterprises, List<Contestant> contestants, List<Event> events, List<Judge> judges) {

    record Enterprise(String name, String creditCode, String regionCode, String industry, Ownership ownership) {
    }

    record Contestant(String name, String idNumber, int enterprise, int trade) {
    }

    /** An event in {@code trade}: its entrants (contestant indexes, in station order) and its panel (judge indexes). */
    record Event(int trade, List<Integer> entrants, List<Integer> judges) {
    }

    record Judge(String name, Qualification qualification) {
    }

    /** One judge's sheet for one entry: indexes into an event, its entrants and its panel. */
    record Sheet(int event, int entry, int judge) {
    }

    /** Shaanxi prefectures' urban districts, where contestants were born (any county code of the province would do). */
    private static final List<String> BIRTH_DIVISIONS = List.of("610102", "610113", "610116", "610202", "610302",
            "610402", "610502", "610602", "610702", "610802", "610902", "611002");
    /**
     * Ownership forms, the frequent ones repeated. Not HONG_KONG_MACAO_TAIWAN: its 22 characters do not fit the
     * enterprise table's ownership column (VARCHAR(20)), so the API answers it with a 500 (reported, not fixed here).
     */
    private static final List<Ownership> OWNERSHIPS = List.of(Ownership.PRIVATE, Ownership.PRIVATE, Ownership.PRIVATE,
            Ownership.PRIVATE, Ownership.PRIVATE, Ownership.STATE_OWNED, Ownership.STATE_OWNED, Ownership.STATE_OWNED,
            Ownership.MIXED, Ownership.MIXED, Ownership.COLLECTIVE, Ownership.FOREIGN, Ownership.OTHER);
    private static final List<Qualification> QUALIFICATIONS = List.of(Qualification.NATIONAL,
            Qualification.PROVINCIAL, Qualification.PROVINCIAL, Qualification.PROVINCIAL, Qualification.MUNICIPAL,
            Qualification.MUNICIPAL, Qualification.ENTERPRISE);

    DemoPlan {
        enterprises = List.copyOf(enterprises);
        contestants = List.copyOf(contestants);
        events = List.copyOf(events);
        judges = List.copyOf(judges);
    }

    static DemoPlan of(DemoSettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        DemoIdentities identities = new DemoIdentities(random.split());
        List<Enterprise> enterprises = enterprises(settings, random.split(), identities);
        List<Integer> eventTrades = eventTrades(settings, random.split());
        List<Contestant> contestants = contestants(settings, eventTrades, random.split(), identities);
        List<Judge> judges = judges(settings, random.split());
        List<Event> events = new ArrayList<>();
        for (int e = 0; e < eventTrades.size(); e++) {
            int first = e * settings.entriesPerEvent();
            int firstJudge = e * settings.judgesPerEvent();
            events.add(new Event(eventTrades.get(e), IntStream.range(first, first + settings.entriesPerEvent())
                    .boxed().toList(), IntStream.range(firstJudge, firstJudge + settings.judgesPerEvent()).boxed()
                    .toList()));
        }
        return new DemoPlan(enterprises, contestants, events, judges);
    }

    /**
     * Every sheet of every event, in the order judges would hand them in: station by station, all judges of a
     * station, with the events side by side so that every board moves.
     */
    List<Sheet> sheets() {
        List<Sheet> sheets = new ArrayList<>();
        int longest = events.stream().mapToInt(event -> event.entrants().size()).max().orElse(0);
        for (int entry = 0; entry < longest; entry++) {
            for (int e = 0; e < events.size(); e++) {
                Event event = events.get(e);
                for (int judge = 0; entry < event.entrants().size() && judge < event.judges().size(); judge++) {
                    sheets.add(new Sheet(e, entry, judge));
                }
            }
        }
        return sheets;
    }

    /** The distinct trades that have contestants. */
    Set<Integer> tradesWithContestants() {
        Set<Integer> trades = new HashSet<>();
        contestants.forEach(contestant -> trades.add(contestant.trade()));
        return trades;
    }

    private static List<Enterprise> enterprises(DemoSettings settings, SplittableRandom random,
                                                DemoIdentities identities) {
        Set<String> names = new HashSet<>();
        List<Enterprise> enterprises = new ArrayList<>();
        while (enterprises.size() < settings.enterprises()) {
            String[] nameAndLine = DemoNames.enterprise(random);
            if (!names.add(nameAndLine[0])) {
                continue;
            }
            String division = DemoNames.DIVISIONS.get(random.nextInt(DemoNames.DIVISIONS.size()));
            enterprises.add(new Enterprise(nameAndLine[0], identities.creditCode(division), division, nameAndLine[1],
                    OWNERSHIPS.get(random.nextInt(OWNERSHIPS.size()))));
        }
        return enterprises;
    }

    private static List<Integer> eventTrades(DemoSettings settings, SplittableRandom random) {
        List<Integer> trades = new ArrayList<>(IntStream.range(0, settings.trades()).boxed().toList());
        Collections.shuffle(trades, new java.util.Random(random.nextLong()));
        return List.copyOf(trades.subList(0, settings.events()));
    }

    /** Each event's entrants first (in its trade), then one of every other trade, then the rest at random. */
    private static List<Contestant> contestants(DemoSettings settings, List<Integer> eventTrades,
                                                SplittableRandom random, DemoIdentities identities) {
        List<Integer> trades = new ArrayList<>();
        eventTrades.forEach(trade -> trades.addAll(Collections.nCopies(settings.entriesPerEvent(), trade)));
        IntStream.range(0, settings.trades()).filter(trade -> !eventTrades.contains(trade)).forEach(trades::add);
        while (trades.size() < settings.contestants()) {
            trades.add(random.nextInt(settings.trades()));
        }
        List<Contestant> contestants = new ArrayList<>();
        for (int trade : trades) {
            boolean male = random.nextInt(10) < 7;
            String birthPlace = BIRTH_DIVISIONS.get(random.nextInt(BIRTH_DIVISIONS.size()));
            contestants.add(new Contestant(DemoNames.person(random, male), identities.residentId(birthPlace, male),
                    random.nextInt(settings.enterprises()), trade));
        }
        return contestants;
    }

    private static List<Judge> judges(DemoSettings settings, SplittableRandom random) {
        List<Judge> judges = new ArrayList<>();
        for (int i = 0; i < settings.events() * settings.judgesPerEvent(); i++) {
            judges.add(new Judge(DemoNames.person(random, random.nextInt(10) < 6),
                    QUALIFICATIONS.get(random.nextInt(QUALIFICATIONS.size()))));
        }
        return judges;
    }
}
