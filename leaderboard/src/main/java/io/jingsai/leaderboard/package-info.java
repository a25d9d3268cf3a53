/**
 * Live 十百千万 leaderboards: order-statistic boards with O(log n) updates and rank queries, nested tiers with
 * quotas and cut-off policies, facet-filtered views, a freezable public view and a coalesced change feed.
 * Pure Java plus Reactor; no Spring, no database.
 *
 * <h2>Setting up a programme</h2>
 * <pre>{@code
 * BoardRuntime runtime = BoardRuntime.of(clock);                 // 200 ms feed tick on Schedulers.parallel()
 * ProgrammeBoards boards = ProgrammeBoards.create(ProgrammePlan.of("SX-2024")
 *         .withQuotas(Quotas.DEFAULT)                              // 10 / 100 / 1,000 / 10,000
 *         .withCutOffPolicy(CutOffPolicy.INCLUDE_ALL), runtime);
 * RankingRule<Result> rule = eventRules.ranking();                // the scoring engine's rule of the event
 * BoardRule<Result> boardRule = BoardRule.of(rule, 2);            // published figures, two decimal places
 * Board welding = boards.openEvent("welder-2024", boardRule);
 * }</pre>
 *
 * <h2>Publishing results</h2>
 * <pre>{@code
 * SortKey key = boardRule.key(result);                            // published decimals, never rounded here
 * welding.upsert(Entry.of(contestantId, registrationNo, key).withFacet("region", "Xi'an"));
 * int rank = welding.upsertAndRank(contestantId, registrationNo, key); // update and answer the new rank atomically
 * welding.remove(contestantId);                                    // withdrawn
 * welding.rebuild(results.stream().map(this::toEntry));           // 1e6 entries in about a second
 * }</pre>
 *
 * <h2>Reading for REST and dashboards</h2>
 * <pre>{@code
 * BoardView view = boards.stars().publicView();                   // frozen while results are under review
 * Page page = view.page(offset, limit);                            // standings with rank, position and tier
 * List<Standing> near = view.around(contestantId, 5);
 * List<TierStatus> tiers = view.tiers();                           // members, overflow, cut-off key
 * BoardView welders = view.filter(ProgrammeBoards.TRADE, "welder");
 * Flux<BoardChange> sse = boards.stars().changes();                // snapshot, then one delta per tick
 * }</pre>
 *
 * <h2>Semantics in one place</h2>
 * <ul>
 *   <li><b>One ranking language:</b> boards use the scoring engine's terms: {@code ranking.Order},
 *       {@code ranking.RankStyle}, {@code ranking.TiePolicy} and {@code award.CutOffPolicy}; {@link
 *       io.jingsai.leaderboard.BoardRule} turns an event's {@code RankingRule} into a board that ranks as the
 *       engine does (published figures, missing values last, what 排名不并列 shows).</li>
 *   <li><b>Order:</b> best {@link io.jingsai.leaderboard.SortKey} first; exact ties by display key (e.g. the
 *       registration number), then by id. Ties share a rank ("1224", dense "1223" or modified "1334"); display
 *       order never changes a rank.</li>
 *   <li><b>Tiers</b> are nested prefixes of the board; a cut-off inside a tie group either takes the whole group
 *       ({@code INCLUDE_ALL}, and {@code BREAK_BY_CHAIN}, since board ties are tied on the whole chain; overflow
 *       reported) or none of it ({@code EXCLUDE_ALL}).</li>
 *   <li><b>Consistency:</b> writes are linearizable per board (board and filtered views change together); every
 *       read sees one state; readers never block writers.</li>
 *   <li><b>Invalid input</b> fails fast with {@link java.lang.IllegalArgumentException} naming the board,
 *       key or facet concerned; unknown ids give empty results, never exceptions.</li>
 * </ul>
 *
 * <p>Internals (package-private): a counted B+-tree ({@code OrderTree}) over slots of an open-addressing table
 * whose cells are the entries' records (id, display key, key values), optimistic
 * {@link java.util.concurrent.locks.StampedLock} reads, pages copied out as flat arrays ({@code StandingList}), and
 * a replay-latest sink per board for the feed.
 */
package io.jingsai.leaderboard;

import io.jingsai.scoring.award.CutOffPolicy;
