package io.jingsai.api.programme;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.boards.BoardPaging;
import io.jingsai.api.identifiers.AdministrativeDivisionCode;
import io.jingsai.api.shared.ListFilters;
import io.jingsai.api.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * The public boards of a programme's key and demonstration projects and of its enterprises. Only a programme with a
 * public star board has them (the same 404); each is the organizers' computation as released ({@link PublicTiers}).
 * A filter picks lines of the whole board and keeps their places: the tiers are cut on the whole board, and no rule
 * ranks projects within a key area or enterprises within a region.
 */
@RestController
@Tag(name = "Public programme boards")
class PublicTierController {

    private static final String PROJECTS = "/api/public/programmes/{programmeId}/projects";
    private static final String ENTERPRISES = "/api/public/programmes/{programmeId}/enterprises";
    /** An aspect's code, as the organizers' project list takes it. */
    private static final String ASPECT_CODE = "[A-Z_]{0,32}";
    private static final String ASPECT = "only projects of this aspect (its code, /api/reference/aspects)";
    private static final String KEY_AREA = "only projects of this key area of the programme (its code)";
    private static final String TIER = "only the members of this tier: KEY holds the demonstration projects too";
    private static final String REGION = "only lines whose region lies within this administrative division code (a "
            + "province or city and everything inside it, a county itself); their ranks stay those of the whole board";

    private final ProgrammeBoards boards;
    private final PublicTiers tiers;

    PublicTierController(ProgrammeBoards boards, PublicTiers tiers) {
        this.boards = boards;
        this.tiers = tiers;
    }

    @GetMapping(PROJECTS)
    @Operation(operationId = "getPublicProjects", summary = "A page of a programme's key and demonstration projects",
            description = "The evaluated projects ranked as the organizers' project standings rank them (score "
                    + "higher first, ties share a rank, \"1224\", and are shown by project id), with their tier: the "
                    + "key projects are the top quotas.key, the demonstration projects the top quotas.demonstration of "
                    + "them. Shown once the organizers released the evaluation: from public review (REVIEWED, "
                    + "provisional) to PUBLISHED (final); before that released is false and there are no entries. "
                    + "Filters keep the whole board's ranks. The first page is the top k. The version is the ETag: "
                    + "304 to a matching If-None-Match.")
    Mono<ResponseEntity<PublicProjectsView>> projects(
            @PathVariable @Parameter(description = PublicProgrammeController.PROGRAMME) long programmeId,
            @RequestParam(defaultValue = "0") @Parameter(description = "entries to skip",
                    schema = @Schema(minimum = "0", defaultValue = "0")) int offset,
            @RequestParam(defaultValue = "50") @Parameter(description = "entries to show",
                    schema = @Schema(minimum = "1", maximum = "" + BoardPaging.MAX_LIMIT, defaultValue = "50"))
            int limit,
            @RequestParam(required = false) @Parameter(description = ASPECT)
            @Pattern(regexp = ASPECT_CODE, message = "{aspect.code}") String aspect,
            @RequestParam(required = false) @Parameter(description = KEY_AREA)
            @Pattern(regexp = KeyArea.CODE, message = KeyArea.CODE_RULE) @Size(max = KeyArea.CODE_LENGTH)
            String keyArea,
            @RequestParam(required = false) @Parameter(description = REGION) String regionCode,
            @RequestParam(required = false) @Parameter(description = TIER) ProjectTier tier) {
        Predicate<PublicProjectsView.Line> filter = projectFilter(aspect, keyArea, regionCode, tier);
        BoardPaging.page(offset, limit);
        return projectBoard(programmeId, filter, lines -> Window.page(lines, offset, limit));
    }

    @GetMapping(PROJECTS + "/around/{projectId}")
    @Operation(operationId = "getPublicProjectsAround", summary = "A project and its neighbours on the project board",
            description = "The project's line and up to k lines before and after it on the board (or its filtered "
                    + "part); 404 if it is not there: not evaluated, not released yet, or filtered out.")
    Mono<ResponseEntity<PublicProjectsView>> projectsAround(
            @PathVariable @Parameter(description = PublicProgrammeController.PROGRAMME) long programmeId,
            @PathVariable @Parameter(description = "the project's id") long projectId,
            @RequestParam(defaultValue = "5") @Parameter(description = "lines either side",
                    schema = @Schema(minimum = "0", maximum = "" + BoardPaging.MAX_K, defaultValue = "5")) int k,
            @RequestParam(required = false) @Parameter(description = ASPECT)
            @Pattern(regexp = ASPECT_CODE, message = "{aspect.code}") String aspect,
            @RequestParam(required = false) @Parameter(description = KEY_AREA)
            @Pattern(regexp = KeyArea.CODE, message = KeyArea.CODE_RULE) @Size(max = KeyArea.CODE_LENGTH)
            String keyArea,
            @RequestParam(required = false) @Parameter(description = REGION) String regionCode,
            @RequestParam(required = false) @Parameter(description = TIER) ProjectTier tier) {
        Predicate<PublicProjectsView.Line> filter = projectFilter(aspect, keyArea, regionCode, tier);
        BoardPaging.check().within("k", k, 0, BoardPaging.MAX_K).refuse();
        return projectBoard(programmeId, filter, lines -> Window.around(lines, line -> line.projectId() == projectId,
                k).orElseThrow(() -> NotFoundException.because("notFound.publicProject", projectId, programmeId)));
    }

    @GetMapping(ENTERPRISES)
    @Operation(operationId = "getPublicEnterprises", summary = "A page of a programme's enterprises board (万家企业)",
            description = "Every enterprise taking part, ranked as the organizers' enterprise standings rank the "
                    + "PUBLISHED basis (index higher first, ties share a rank, \"1224\", and are shown by enterprise "
                    + "id), with whether it is in the enterprises tier: stars, awards and projects count once "
                    + "published, so nothing on it is provisional. Name, region, index and tier only. Filtered by "
                    + "region, lines keep the whole board's ranks. The first page is the top k. The version is the "
                    + "ETag: 304 to a matching If-None-Match.")
    Mono<ResponseEntity<PublicEnterprisesView>> enterprises(
            @PathVariable @Parameter(description = PublicProgrammeController.PROGRAMME) long programmeId,
            @RequestParam(defaultValue = "0") @Parameter(description = "entries to skip",
                    schema = @Schema(minimum = "0", defaultValue = "0")) int offset,
            @RequestParam(defaultValue = "50") @Parameter(description = "entries to show",
                    schema = @Schema(minimum = "1", maximum = "" + BoardPaging.MAX_LIMIT, defaultValue = "50"))
            int limit,
            @RequestParam(required = false) @Parameter(description = REGION) String regionCode) {
        Predicate<String> region = within(ListFilters.regionCode(regionCode));
        BoardPaging.page(offset, limit);
        return enterpriseBoard(programmeId, region, lines -> Window.page(lines, offset, limit));
    }

    @GetMapping(ENTERPRISES + "/around/{enterpriseId}")
    @Operation(operationId = "getPublicEnterprisesAround", summary = "An enterprise and its neighbours on the "
            + "enterprises board", description = "The enterprise's line and up to k lines before and after it on the "
            + "board (or its part of a region); 404 if it is not there: not taking part, or filtered out.")
    Mono<ResponseEntity<PublicEnterprisesView>> enterprisesAround(
            @PathVariable @Parameter(description = PublicProgrammeController.PROGRAMME) long programmeId,
            @PathVariable @Parameter(description = "the enterprise's id") long enterpriseId,
            @RequestParam(defaultValue = "5") @Parameter(description = "lines either side",
                    schema = @Schema(minimum = "0", maximum = "" + BoardPaging.MAX_K, defaultValue = "5")) int k,
            @RequestParam(required = false) @Parameter(description = REGION) String regionCode) {
        Predicate<String> region = within(ListFilters.regionCode(regionCode));
        BoardPaging.check().within("k", k, 0, BoardPaging.MAX_K).refuse();
        return enterpriseBoard(programmeId, region, lines -> Window.around(lines,
                line -> line.enterpriseId() == enterpriseId, k).orElseThrow(() -> NotFoundException.because(
                "notFound.publicEnterprise", enterpriseId, programmeId)));
    }

    /** The lines a route shows of those the filter kept, and where they start. */
    private record Window<L>(int total, int offset, List<L> lines) {

        static <L> Window<L> page(List<L> kept, int offset, int limit) {
            return new Window<>(kept.size(), offset, kept.stream().skip(offset).limit(limit).toList());
        }

        /** The wanted line and up to {@code k} lines either side; empty if no line is wanted. */
        static <L> Optional<Window<L>> around(List<L> kept, Predicate<L> wanted, int k) {
            for (int at = 0; at < kept.size(); at++) {
                if (wanted.test(kept.get(at))) {
                    int from = Math.max(0, at - k);
                    return Optional.of(new Window<>(kept.size(), from,
                            kept.subList(from, Math.min(kept.size(), at + k + 1))));
                }
            }
            return Optional.empty();
        }
    }

    private Mono<ResponseEntity<PublicProjectsView>> projectBoard(
            long programmeId, Predicate<PublicProjectsView.Line> filter,
            Function<List<PublicProjectsView.Line>, Window<PublicProjectsView.Line>> shown) {
        return boards.board(programmeId).flatMap(stars -> tiers.projects(programmeId)).map(board -> {
            EvaluationStatus status = board.evaluation();
            Window<PublicProjectsView.Line> window = shown.apply(board.lines().stream().filter(filter).toList());
            return PublicProgrammeController.cached(board.version(), new PublicProjectsView(programmeId,
                    board.version(), status, board.released(), status == EvaluationStatus.REVIEWED,
                    status == EvaluationStatus.PUBLISHED, window.total(), window.offset(), window.lines(),
                    regions(board.lines().stream().map(PublicProjectsView.Line::regionCode).toList())));
        });
    }

    private Mono<ResponseEntity<PublicEnterprisesView>> enterpriseBoard(
            long programmeId, Predicate<String> region,
            Function<List<PublicEnterprisesView.Line>, Window<PublicEnterprisesView.Line>> shown) {
        return boards.board(programmeId).flatMap(stars -> tiers.enterprises(programmeId)).map(board -> {
            Window<PublicEnterprisesView.Line> window = shown.apply(board.lines().stream()
                    .filter(line -> region.test(line.regionCode())).toList());
            return PublicProgrammeController.cached(board.version(), new PublicEnterprisesView(programmeId,
                    board.version(), StarBasis.PUBLISHED, board.published(), window.total(), window.offset(),
                    window.lines(), regions(board.lines().stream().map(PublicEnterprisesView.Line::regionCode)
                    .toList())));
        });
    }

    /** The filters of the project board; the region is checked here, the codes by their patterns. */
    private static Predicate<PublicProjectsView.Line> projectFilter(String aspect, String keyArea, String regionCode,
                                                                    ProjectTier tier) {
        Predicate<String> region = within(ListFilters.regionCode(regionCode));
        return line -> matches(aspect, line.aspect()) && matches(keyArea, line.keyArea())
                && region.test(line.regionCode()) && (tier == null || tier.holds(line.tier()));
    }

    /** The region filter's useful values: the lines' regions and the divisions enclosing them, in code order. */
    private static List<String> regions(List<String> lineRegions) {
        return lineRegions.stream().distinct()
                .flatMap(code -> AdministrativeDivisionCode.parse(code).optionalValue().stream())
                .flatMap(code -> code.withEnclosing().stream())
                .distinct().sorted().toList();
    }

    /** A blank filter is no filter. */
    private static boolean matches(String filter, String value) {
        return filter == null || filter.isBlank() || filter.strip().equals(value);
    }

    /** Codes within the division (any code when there is none). */
    private static Predicate<String> within(String division) {
        if (division == null) {
            return code -> true;
        }
        AdministrativeDivisionCode area = AdministrativeDivisionCode.of(division);
        return code -> AdministrativeDivisionCode.parse(code).optionalValue().filter(area::encloses).isPresent();
    }
}
