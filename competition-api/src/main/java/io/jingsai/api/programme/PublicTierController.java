package io.jingsai.api.programme;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.boards.BoardPaging;
import io.jingsai.api.identifiers.AdministrativeDivisionCode;
import io.jingsai.api.shared.ListFilters;
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

    private static final String BOARD = "/api/public/programmes/{programmeId}";
    private static final String REGION = "only lines whose region lies within this administrative division code (a "
            + "province or city and everything inside it, a county itself); their ranks stay those of the whole board";

    private final ProgrammeBoards boards;
    private final PublicTiers tiers;

    PublicTierController(ProgrammeBoards boards, PublicTiers tiers) {
        this.boards = boards;
        this.tiers = tiers;
    }

    @GetMapping(BOARD + "/projects")
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
                    schema = @Schema(minimum = "1", maximum = "" + PublicProgrammeController.MAX_LIMIT,
                            defaultValue = "50")) int limit,
            @RequestParam(required = false) @Parameter(description = "only projects of this aspect (its code, "
                    + "/api/reference/aspects)") @Pattern(regexp = "[A-Z_]{0,32}", message = "{aspect.code}")
            String aspect,
            @RequestParam(required = false) @Parameter(description = "only projects of this key area of the "
                    + "programme (its code)") @Pattern(regexp = KeyArea.CODE, message = KeyArea.CODE_RULE)
            @Size(max = KeyArea.CODE_LENGTH) String keyArea,
            @RequestParam(required = false) @Parameter(description = REGION) String regionCode,
            @RequestParam(required = false) @Parameter(description = "only the members of this tier: KEY holds the "
                    + "demonstration projects too") ProjectTier tier) {
        Predicate<String> region = within(ListFilters.regionCode(regionCode));
        BoardPaging.page(offset, limit);
        Predicate<PublicProjectsView.Line> filter = line -> matches(aspect, line.aspect())
                && matches(keyArea, line.keyArea()) && region.test(line.regionCode())
                && (tier == null || tier.holds(line.tier()));
        return boards.board(programmeId).flatMap(stars -> tiers.projects(programmeId)).map(board -> {
            List<PublicProjectsView.Line> lines = board.lines().stream().filter(filter).toList();
            EvaluationStatus status = board.evaluation();
            return PublicProgrammeController.cached(board.version(), new PublicProjectsView(programmeId,
                    board.version(), status, board.released(), status == EvaluationStatus.REVIEWED,
                    status == EvaluationStatus.PUBLISHED, lines.size(), offset, page(lines, offset, limit)));
        });
    }

    @GetMapping(BOARD + "/enterprises")
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
                    schema = @Schema(minimum = "1", maximum = "" + PublicProgrammeController.MAX_LIMIT,
                            defaultValue = "50")) int limit,
            @RequestParam(required = false) @Parameter(description = REGION) String regionCode) {
        Predicate<String> region = within(ListFilters.regionCode(regionCode));
        BoardPaging.page(offset, limit);
        return boards.board(programmeId).flatMap(stars -> tiers.enterprises(programmeId)).map(board -> {
            List<PublicEnterprisesView.Line> lines = board.lines().stream()
                    .filter(line -> region.test(line.regionCode())).toList();
            return PublicProgrammeController.cached(board.version(), new PublicEnterprisesView(programmeId,
                    board.version(), StarBasis.PUBLISHED, board.published(), lines.size(), offset,
                    page(lines, offset, limit)));
        });
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

    private static <T> List<T> page(List<T> lines, int offset, int limit) {
        return lines.stream().skip(offset).limit(limit).toList();
    }
}
