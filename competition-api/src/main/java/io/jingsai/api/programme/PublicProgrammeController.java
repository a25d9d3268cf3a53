package io.jingsai.api.programme;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.boards.BoardPaging;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.ListFilters;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.leaderboard.Page;
import io.jingsai.leaderboard.Standing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Public programme boards", description = "The 十百千万 tiers of each programme, for everyone: the live "
        + "competition stars board (ranks, names, enterprises, trades, regions and standardised scores, served from "
        + "the boards each instance keeps in memory, current with every result committed), and the boards of key and "
        + "demonstration projects and of enterprises as the organizers released them. Nothing personal beyond a name")
class PublicProgrammeController {

    static final String PROGRAMME = "a programme with a public board: one of its events is from MARKING on "
            + "(a blind one once its identities are revealed); 404 for any other, as for one that does not exist";
    private static final String STARS = "/api/public/programmes/{programmeId}/stars";
    private static final String TRADE = "only contestants of this trade (ranked among themselves)";
    private static final String REGION = "only contestants of enterprises registered under exactly this "
            + "administrative division code (ranked among themselves); not together with tradeId";
    static final String SPLIT = "the board of this split of the stars quota (its key: a division code or a key-area "
            + "code, as the overview's starSplits list them), with the split's own quota; absent for the "
            + "programme-wide board; 400 for a key the programme does not split by";
    /** Dashboards and proxies may keep an answer this long, and then ask again with its ETag. */
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();
    static final int MAX_LIMIT = BoardPaging.MAX_LIMIT;
    private static final int MAX_K = BoardPaging.MAX_K;

    private final ProgrammeBoards boards;
    private final PublicTiers tiers;
    private final ProgrammeJson json;

    PublicProgrammeController(ProgrammeBoards boards, PublicTiers tiers, ProgrammeJson json) {
        this.boards = boards;
        this.tiers = tiers;
        this.json = json;
    }

    @GetMapping("/api/public/programmes")
    @Operation(operationId = "listPublicProgrammes", summary = "Programmes with a public board",
            description = "Every programme one of whose events is from MARKING on (a blind one once revealed), newest "
                    + "first: id, name, year, organizer, status, and whether its star board is provisional or "
                    + "published; nothing else. For anyone.")
    Mono<ResponseEntity<PageView<PublicProgrammeView>>> list(
            @RequestParam(defaultValue = "0") @Parameter(description = "zero-based page",
                    schema = @Schema(minimum = "0", defaultValue = "0")) int page,
            @RequestParam(defaultValue = "20") @Parameter(description = "programmes per page",
                    schema = @Schema(minimum = "1", maximum = "" + PageQuery.MAX_SIZE, defaultValue = "20")) int size) {
        // The order is fixed (newest first), so there is nothing to sort by; PageQuery checks the bounds.
        PageQuery paging = PageQuery.of(page, size, null, Map.of("id", "id"), "id");
        return boards.publicBoards().map(held -> ResponseEntity.ok().cacheControl(CACHING)
                .body(new PageView<>(held.stream().skip(paging.offset()).limit(paging.size())
                        .map(PublicProgrammeView::of).toList(), held.size(), paging.page(), paging.size())));
    }

    @GetMapping("/api/public/programmes/{programmeId}")
    @Operation(operationId = "getPublicProgramme", summary = "A programme's four tiers (十百千万)",
            description = "Demonstration projects, key projects, competition stars and enterprises, each with its "
                    + "quota, members, overflow, vacancies and cut-off score, as the programme's public boards show "
                    + "them: the stars tier as the live star board stands, the project tiers once the project "
                    + "evaluation is released (REVIEWED or PUBLISHED; before that kept false, the quota only), the "
                    + "enterprises tier on the PUBLISHED basis. The version is the ETag: 304 to a matching "
                    + "If-None-Match.")
    Mono<ResponseEntity<ProgrammeOverviewView>> overview(
            @PathVariable @Parameter(description = PROGRAMME) long programmeId) {
        return boards.board(programmeId).flatMap(stars -> Mono.zip(tiers.projects(programmeId),
                        tiers.enterprises(programmeId))
                .map(found -> overview(stars, found.getT1(), found.getT2())));
    }

    private ResponseEntity<ProgrammeOverviewView> overview(ProgrammeStars stars, PublicTiers.Projects projects,
                                                           PublicTiers.Enterprises enterprises) {
        StarTable.Sight sight = stars.whole().sight(null, null);
        ProgrammeRow row = stars.programme();
        List<KeyArea> keyAreas = json.keyAreas(row.keyAreas());
        TierQuotas quotas = row.quotas();
        List<ProgrammeOverviewView.Tier> tiers = List.of(
                projects.tier(ProjectTier.DEMONSTRATION, quotas.demonstration()),
                projects.tier(ProjectTier.KEY, quotas.key()),
                StarTable.starsTier(stars.whole().tier()),
                enterprises.overviewTier());
        // The whole board's version moves with every change, the splits' included: it versions them too.
        String version = sight.version() + "." + projects.version() + "." + enterprises.version();
        return cached(version, new ProgrammeOverviewView(row.id(), row.name(), row.year(), row.organizer(), version,
                stars.countedEvents(), sight.view().count(), stars.provisional(), stars.published(), tiers,
                row.starsSplitBy(), splitBoards(stars, keyAreas), keyAreas));
    }

    private static List<ProgrammeOverviewView.StarSplitBoard> splitBoards(ProgrammeStars stars,
                                                                          List<KeyArea> keyAreas) {
        Map<String, KeyArea> areas = new HashMap<>();
        keyAreas.forEach(area -> areas.put(area.code(), area));
        return stars.splits().stream().map(table -> {
            KeyArea area = areas.get(table.split());
            return new ProgrammeOverviewView.StarSplitBoard(table.split(), area == null ? null : area.nameZh(),
                    area == null ? null : area.nameEn(), table.sight(null, null).view().count(),
                    StarTable.starsTier(table.tier()));
        }).toList();
    }

    @GetMapping(STARS)
    @Operation(operationId = "getPublicStars", summary = "A page of a programme's live star board",
            description = "One line per contestant entered alone in the programme's public events, ranked as the "
                    + "organizers' star standings rank the LIVE basis (the programme's star rule; ties share a rank "
                    + "and are shown by contestant id); star says whether the contestant is in the stars tier. "
                    + "Filtered by trade or by region (not both), the contestants of that part are ranked among "
                    + "themselves. The version is the ETag: 304 to a matching If-None-Match.")
    Mono<ResponseEntity<StarPageView>> page(
            @PathVariable @Parameter(description = PROGRAMME) long programmeId,
            @RequestParam(defaultValue = "0") @Parameter(description = "entries to skip",
                    schema = @Schema(minimum = "0", defaultValue = "0")) int offset,
            @RequestParam(defaultValue = "50") @Parameter(description = "entries to show",
                    schema = @Schema(minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "50")) int limit,
            @RequestParam(required = false) @Parameter(description = TRADE) @Positive Long tradeId,
            @RequestParam(required = false) @Parameter(description = REGION) String regionCode,
            @RequestParam(required = false) @Parameter(description = SPLIT)
            @Pattern(regexp = KeyArea.CODE, message = KeyArea.CODE_RULE) @Size(max = KeyArea.CODE_LENGTH)
            String split) {
        Long trade = tradeId;
        String region = ListFilters.regionCode(regionCode);
        checked(trade, region).within("offset", offset, 0, Integer.MAX_VALUE).within("limit", limit, 1, MAX_LIMIT)
                .refuse();
        return boards.board(programmeId).map(stars -> {
            StarTable table = table(stars, split);
            StarTable.Sight sight = sight(table, trade, region);
            Page page = sight.view().page(offset, limit);
            return cached(sight.version(), view(table, sight, page.total(), offset, page.entries()));
        });
    }

    @GetMapping(STARS + "/top")
    @Operation(operationId = "getPublicStarsTop", summary = "The leading contestants of a programme's star board",
            description = "The first k lines in display order, with the board's version as ETag.")
    Mono<ResponseEntity<StarPageView>> top(
            @PathVariable @Parameter(description = PROGRAMME) long programmeId,
            @RequestParam(defaultValue = "10") @Parameter(description = "how many lines",
                    schema = @Schema(minimum = "1", maximum = "" + MAX_K, defaultValue = "10")) int k,
            @RequestParam(required = false) @Parameter(description = TRADE) @Positive Long tradeId,
            @RequestParam(required = false) @Parameter(description = REGION) String regionCode,
            @RequestParam(required = false) @Parameter(description = SPLIT)
            @Pattern(regexp = KeyArea.CODE, message = KeyArea.CODE_RULE) @Size(max = KeyArea.CODE_LENGTH)
            String split) {
        Long trade = tradeId;
        String region = ListFilters.regionCode(regionCode);
        checked(trade, region).within("k", k, 1, MAX_K).refuse();
        return boards.board(programmeId).map(stars -> {
            StarTable table = table(stars, split);
            StarTable.Sight sight = sight(table, trade, region);
            return cached(sight.version(), view(table, sight, sight.view().count(), 0, sight.view().top(k)));
        });
    }

    @GetMapping(STARS + "/around/{contestantId}")
    @Operation(operationId = "getPublicStarsAround", summary = "A contestant and his neighbours on the star board",
            description = "The contestant's line and up to k lines before and after it; 404 if the contestant is not "
                    + "on the board (or on its filtered part): no standardised score in a public event yet.")
    Mono<ResponseEntity<StarPageView>> around(
            @PathVariable @Parameter(description = PROGRAMME) long programmeId,
            @PathVariable @Parameter(description = "the contestant's id") long contestantId,
            @RequestParam(defaultValue = "5") @Parameter(description = "lines either side",
                    schema = @Schema(minimum = "0", maximum = "" + MAX_K, defaultValue = "5")) int k,
            @RequestParam(required = false) @Parameter(description = TRADE) @Positive Long tradeId,
            @RequestParam(required = false) @Parameter(description = REGION) String regionCode,
            @RequestParam(required = false) @Parameter(description = SPLIT)
            @Pattern(regexp = KeyArea.CODE, message = KeyArea.CODE_RULE) @Size(max = KeyArea.CODE_LENGTH)
            String split) {
        Long trade = tradeId;
        String region = ListFilters.regionCode(regionCode);
        checked(trade, region).within("k", k, 0, MAX_K).refuse();
        return boards.board(programmeId).map(stars -> {
            StarTable table = table(stars, split);
            StarTable.Sight sight = sight(table, trade, region);
            List<Standing> near = sight.view().around(contestantId, k);
            if (near.isEmpty()) {
                throw NotFoundException.because("notFound.star", contestantId, programmeId);
            }
            return cached(sight.version(), view(table, sight, sight.view().count(), near.get(0).position() - 1,
                    near));
        });
    }

    /** The filters' rule: a view filters one facet, so trade and region are not asked for together. */
    private static BoardPaging checked(Long trade, String region) {
        BoardPaging check = BoardPaging.check();
        return trade != null && region != null ? check.also(new FieldProblem("regionCode", "stars.oneFilter")) : check;
    }

    /** The board of the split asked for, or the programme-wide board. */
    static StarTable table(ProgrammeStars stars, String split) {
        return stars.table(split).orElseThrow(() -> new RejectedRequestException(List.of(
                FieldProblem.of("split", "starSplit.unknown", stars.programme().id()))));
    }

    private static StarTable.Sight sight(StarTable table, Long trade, String region) {
        if (trade != null) {
            return table.sight(io.jingsai.leaderboard.ProgrammeBoards.TRADE, Long.toString(trade));
        }
        return region == null ? table.sight(null, null)
                : table.sight(io.jingsai.leaderboard.ProgrammeBoards.REGION, region);
    }

    private static StarPageView view(StarTable table, StarTable.Sight sight, int total, int offset,
                                     List<Standing> standings) {
        List<StarPageView.Line> lines = standings.stream().map(table::publicLine).toList();
        return new StarPageView(table.programmeId(), table.split(), sight.version(), total, offset, lines);
    }

    /** The public boards' answer: the version as ETag, kept by dashboards and proxies for a moment. */
    static <T> ResponseEntity<T> cached(String version, T body) {
        return ResponseEntity.ok().eTag("\"" + version + "\"").cacheControl(CACHING).body(body);
    }
}
