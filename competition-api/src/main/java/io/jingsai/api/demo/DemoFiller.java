package io.jingsai.api.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;

import io.jingsai.api.account.AccountCommands.JudgeAccountsCommand;
import io.jingsai.api.account.AccountService;
import io.jingsai.api.account.AccountViews.NewAccount;
import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Grant;
import io.jingsai.api.account.Role;
import io.jingsai.api.contestant.ContestantCommand;
import io.jingsai.api.contestant.ContestantService;
import io.jingsai.api.contestant.ContestantView;
import io.jingsai.api.enterprise.EnterpriseCommand;
import io.jingsai.api.enterprise.EnterpriseService;
import io.jingsai.api.enterprise.EnterpriseView;
import io.jingsai.api.event.EventCommand;
import io.jingsai.api.event.EventService;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.event.EventView;
import io.jingsai.api.event.StatusChange;
import io.jingsai.api.judge.JudgeCommand;
import io.jingsai.api.judge.JudgeService;
import io.jingsai.api.judge.JudgeView;
import io.jingsai.api.judging.PanelAssignment;
import io.jingsai.api.judging.PanelRole;
import io.jingsai.api.judging.PanelService;
import io.jingsai.api.programme.ProgrammeCommand;
import io.jingsai.api.programme.ProgrammeService;
import io.jingsai.api.programme.ProgrammeStatus;
import io.jingsai.api.programme.ProgrammeView;
import io.jingsai.api.registration.RegistrationCommand;
import io.jingsai.api.registration.RegistrationService;
import io.jingsai.api.registration.RegistrationView;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.trade.TradeService;
import io.jingsai.api.trade.TradeView;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link DemoPlan} through the application's own services, as the API's controllers do: each command is
 * first checked with Bean Validation (what {@code @Valid} does at the edge), then handed to the service, which checks
 * the rest and writes the audit trail, results and result changes. Organizer steps are taken by a caller named
 * {@code demo} with the administrator's role, so the audit trail says who made the data; judges mark as themselves,
 * with the accounts the demo gives them (they never sign in, so their one-time passwords stay unused).
 *
 * <p>Only a database without a programme is filled. The programme is written first and its name and year are
 * unique, so of two instances starting together on one empty database exactly one writes it and goes on; the other
 * is refused (409) and adds nothing.
 */
final class DemoFiller {

    private static final Logger log = LoggerFactory.getLogger(DemoFiller.class);
    /** Requests in flight at once: enough to keep a small pool busy, few enough to leave room for the API. */
    private static final int PARALLEL = 4;
    static final String ACTOR = "demo";
    /** The demo programme's name after its year; how a restart finds it. */
    static final String PROGRAMME_NAME = "年西安市职工职业技能大赛（演示数据）";
    private static final List<String> VENUES = List.of("西安技师学院实训楼", "西安市职工技能培训中心",
            "陕西工业职业技术学院实训基地", "西安航空职业技术学院实训中心");

    private final DemoServices services;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final Caller organizer = new Caller(0, ACTOR, List.of(Grant.admin()), false);

    DemoFiller(DemoServices services, Validator validator, JsonMapper json, Clock clock) {
        this.services = services;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The demo's events in MARKING, or empty when the database already had a programme. The events' own entrants
     * are written first, so that boards fill soon; the contestants of the other trades are left to
     * {@link DemoMarking.Entries#rest()}, to be written while the first sheets are handed in.
     */
    Mono<DemoMarking.Entries> fill(DemoPlan plan) {
        return services.programmes().anyExists().flatMap(any -> {
            if (any) {
                log.info("Demo data: the database already has a programme, so it is not filled");
                return Mono.empty();
            }
            return trades().flatMap(trades -> programme()
                    .flatMap(programme -> write(plan, programme, trades)
                            .flatMap(entries -> running(programme).thenReturn(entries))));
        });
    }

    /** The reference trades in the order the plan names them (by id). */
    Mono<List<TradeView>> trades() {
        return services.trades().list(null, new PageQuery(0, PageQuery.MAX_SIZE, Sort.by("id")))
                .map(PageView::items);
    }

    /** The station number of the entry at {@code position} (1-based) of an event. */
    static String station(int position) {
        return String.format("A-%03d", position);
    }

    private ProgrammeCommand programmeCommand(ProgrammeStatus status) {
        int year = LocalDate.now(clock).getYear();
        return new ProgrammeCommand(year + PROGRAMME_NAME, year, "西安市总工会", "610100", null, null, null, null,
                500_000_000L, status, null);
    }

    /** Once its events are in MARKING, the programme runs, as an organizer would mark it. */
    private Mono<ProgrammeView> running(ProgrammeView programme) {
        return valid(programmeCommand(ProgrammeStatus.RUNNING)).flatMap(command -> services.programmes()
                .change(programme.id(), programme.version(), command, ACTOR));
    }

    private Mono<ProgrammeView> programme() {
        return valid(programmeCommand(null)).flatMap(services.programmes()::create)
                .onErrorResume(ConflictException.class, taken -> {
                    log.info("Demo data: another instance is writing the demo programme, so this one adds nothing");
                    return Mono.empty();
                });
    }

    private Mono<DemoMarking.Entries> write(DemoPlan plan, ProgrammeView programme, List<TradeView> trades) {
        if (trades.size() < plan.tradesWithContestants().size()) {
            return Mono.error(new IllegalStateException("the demo needs " + plan.tradesWithContestants().size()
                    + " trades but the database has " + trades.size() + "; lower jingsai.demo.trades"));
        }
        Instant started = clock.instant();
        int entrants = plan.events().stream().mapToInt(event -> event.entrants().size()).sum();
        return inOrder(plan.enterprises(), this::enterprise)
                .flatMap(enterprises -> inOrder(plan.contestants().subList(0, entrants),
                        contestant -> contestant(contestant, enterprises, trades))
                        .zipWith(inOrder(plan.judges(), this::judge))
                        .flatMap(people -> Flux.range(0, plan.events().size())
                                .flatMapSequential(e -> event(programme, plan, e, trades, people.getT1(),
                                        people.getT2()), PARALLEL)
                                .collectList())
                        .map(events -> new DemoMarking.Entries(plan, events,
                                inOrder(plan.contestants().subList(entrants, plan.contestants().size()),
                                        contestant -> contestant(contestant, enterprises, trades)).then())))
                .doOnNext(entries -> log.info("Demo data: programme {}: {} events in MARKING with {} judges, written "
                                + "in {} s; the other contestants follow", programme.id(), plan.events().size(),
                        plan.judges().size(), Duration.between(started, clock.instant()).toMillis() / 1000.0));
    }

    private Mono<Long> enterprise(DemoPlan.Enterprise enterprise) {
        return valid(new EnterpriseCommand(enterprise.name(), enterprise.creditCode(), enterprise.regionCode(),
                enterprise.industry(), enterprise.ownership()))
                .flatMap(services.enterprises()::register).map(EnterpriseView::id);
    }

    private Mono<Long> contestant(DemoPlan.Contestant contestant, List<Long> enterprises, List<TradeView> trades) {
        return valid(new ContestantCommand(contestant.name(), contestant.idNumber(),
                enterprises.get(contestant.enterprise()), trades.get(contestant.trade()).id(), null))
                .flatMap(services.contestants()::register).map(ContestantView::id);
    }

    private Mono<Long> judge(DemoPlan.Judge judge) {
        return valid(new JudgeCommand(judge.name(), null, judge.qualification(), null, null))
                .flatMap(services.judges()::register).map(JudgeView::id);
    }

    /** One event: created, its panel with accounts, its entries, then OPEN and MARKING. */
    private Mono<DemoMarking.Event> event(ProgrammeView programme, DemoPlan plan, int index, List<TradeView> trades,
                                         List<Long> contestants, List<Long> judges) {
        DemoPlan.Event planned = plan.events().get(index);
        TradeView trade = trades.get(planned.trade());
        List<Long> panel = planned.judges().stream().map(judges::get).toList();
        return eventCommand(programme, trade, index)
                .flatMap(services.events()::create)
                .flatMap(event -> Flux.fromIterable(panel)
                        .concatMap(judge -> valid(new PanelAssignment(judge, PanelRole.JUDGE))
                                .flatMap(assignment -> services.panels().assign(event.id(), assignment, ACTOR)))
                        .then(accounts(event, panel, programme.id()))
                        .flatMap(callers -> Flux.fromIterable(planned.entrants())
                                .index()
                                .concatMap(entrant -> register(event.id(), contestants.get(entrant.getT2()),
                                        entrant.getT1().intValue() + 1))
                                .collectList()
                                .flatMap(registrations -> move(event, EventStatus.OPEN)
                                        .flatMap(open -> move(open, EventStatus.MARKING))
                                        .map(marking -> new DemoMarking.Event(event.id(), registrations,
                                                callers)))));
    }

    /** The command as the API would read it from JSON: the scheme is a JSON document of the API. */
    private Mono<EventCommand> eventCommand(ProgrammeView programme, TradeView trade, int index) {
        Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", programme.id());
        body.put("tradeId", trade.id());
        body.put("name", trade.nameZh() + "职业技能竞赛");
        body.put("entryKind", "INDIVIDUAL");
        body.put("venue", VENUES.get(index % VENUES.size()));
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofHours(8)).toString());
        body.put("scheme", DemoScheme.document());
        return valid(json.readValue(json.writeValueAsString(body), EventCommand.class));
    }

    /** Judges' accounts for the event; each judge then marks as the account's caller. */
    private Mono<List<DemoMarking.Judge>> accounts(EventView event, List<Long> panel, long programme) {
        return valid(new JudgeAccountsCommand(event.id(), Role.JUDGE, panel))
                .flatMap(command -> services.accounts().createForJudges(organizer, command))
                .map(made -> {
                    Map<Long, NewAccount> byJudge = made.items().stream()
                            .collect(Collectors.toMap(item -> item.account().judgeId(), item -> item));
                    List<DemoMarking.Judge> judges = new ArrayList<>();
                    for (long judge : panel) {
                        NewAccount account = byJudge.get(judge);
                        judges.add(new DemoMarking.Judge(judge, new Caller(account.account().id(),
                                account.account().username(), account.account().grants(), false)));
                    }
                    return judges;
                });
    }

    private Mono<Long> register(long event, long contestant, int station) {
        return valid(new RegistrationCommand(contestant, null, station(station), null))
                .flatMap(command -> services.registrations().register(event, command))
                .map(RegistrationView::id);
    }

    private Mono<EventView> move(EventView event, EventStatus status) {
        return valid(new StatusChange(status, null))
                .flatMap(change -> services.events().move(event.id(), event.version(), change, organizer));
    }

    /** The items written one request after another in parallel, their ids in the order of the items. */
    private static <T> Mono<List<Long>> inOrder(List<T> items, java.util.function.Function<T, Mono<Long>> write) {
        return Flux.fromIterable(items).flatMapSequential(write, PARALLEL).collectList();
    }

    /** What {@code @Valid} checks at the API's edge; demo data breaking it is a bug of the demo. */
    private <T> Mono<T> valid(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        return violations.isEmpty() ? Mono.just(command) : Mono.error(new IllegalStateException(
                "demo data breaks a rule of the API: " + violations.stream()
                        .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                        .collect(Collectors.joining("; "))));
    }
}
