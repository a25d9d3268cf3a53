package io.jingsai.api.programme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.jingsai.api.identifiers.AdministrativeDivisionCode;
import io.jingsai.api.identifiers.Parsed;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.award.CutOffPolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How the programme ranks its competition stars across events and trades. Missing fields take their defaults.
 *
 * @param combination  how a contestant's standardised scores in several events combine; default BEST
 * @param cutOffPolicy who of those tied at the stars tier's last place enter it; default INCLUDE_ALL
 * @param splitBy      what the stars quota is split by, one board per split; absent (the default) for none
 * @param splits       the splits with their quotas; empty exactly when {@code splitBy} is absent
 */
@Schema(name = "StarRule")
record StarRule(
        @Schema(description = "how one contestant's standardised scores in several events combine: BEST (default), "
                + "SUM, or MEAN (rounded HALF_UP to two places)") StarCombination combination,
        @Schema(description = "contestants tied at the stars tier's last place: INCLUDE_ALL (default, the overflow "
                + "is reported), EXCLUDE_ALL (the places stay empty), BREAK_BY_CHAIN (the board has no further key, "
                + "so as INCLUDE_ALL)") CutOffPolicy cutOffPolicy,
        @Schema(description = "split the stars quota by REGION (the contestant's enterprise) or KEY_AREA (the "
                + "project of the entry's event), one board per split; absent for none") StarSplitBy splitBy,
        @Schema(description = "the splits and their quotas, which add up to at most quotas.stars")
        @Size(max = MAX_SPLITS) List<@Valid @NotNull StarSplit> splits) {

    static final StarRule DEFAULTS = new StarRule(null, null, null, null);
    static final int MAX_SPLITS = 100;

    StarRule {
        combination = combination == null ? StarCombination.BEST : combination;
        cutOffPolicy = cutOffPolicy == null ? CutOffPolicy.INCLUDE_ALL : cutOffPolicy;
        splits = splits == null ? List.of() : splits;
    }

    /** The split of that key; empty when there is none (or the quota is not split). */
    Optional<StarSplit> split(String key) {
        return splits.stream().filter(split -> split.key().equals(key)).findFirst();
    }

    /**
     * The rules across fields of the splits, as problems of {@code starRule.*} (each field on its own is checked by
     * Bean Validation first, so keys and quotas are present here): splitBy and splits come together, keys are unique,
     * a REGION key is a division code and no region split lies within another (a contestant would be on two boards),
     * a KEY_AREA key is one of the programme's key areas, and the splits' quotas add up to at most the stars quota.
     */
    List<FieldProblem> problems(List<KeyArea> keyAreas, int starsQuota) {
        List<FieldProblem> problems = new ArrayList<>();
        if (splitBy == null && !splits.isEmpty()) {
            problems.add(new FieldProblem("starRule.splitBy", "starSplit.splitByMissing"));
        }
        if (splitBy != null && splits.isEmpty()) {
            problems.add(new FieldProblem("starRule.splits", "starSplit.splitsMissing"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < splits.size(); i++) {
            String key = splits.get(i).key();
            if (!keys.add(key)) {
                problems.add(FieldProblem.of("starRule.splits[" + i + "].key", "starSplit.keyTwice", key));
            }
        }
        if (splitBy == StarSplitBy.REGION) {
            problems.addAll(regionProblems());
        } else if (splitBy == StarSplitBy.KEY_AREA) {
            problems.addAll(keyAreaProblems(keyAreas));
        }
        long quotas = splits.stream().mapToLong(StarSplit::quota).sum();
        if (quotas > starsQuota) {
            problems.add(FieldProblem.of("starRule.splits", "starSplit.overQuota", quotas, starsQuota));
        }
        return problems;
    }

    private List<FieldProblem> keyAreaProblems(List<KeyArea> keyAreas) {
        Set<String> areas = new HashSet<>();
        keyAreas.forEach(area -> areas.add(area.code()));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            if (!areas.contains(splits.get(i).key())) {
                problems.add(FieldProblem.of("starRule.splits[" + i + "].key", "starSplit.unknownKeyArea",
                        splits.get(i).key()));
            }
        }
        return problems;
    }

    private List<FieldProblem> regionProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        List<AdministrativeDivisionCode> regions = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            String field = "starRule.splits[" + i + "].key";
            Parsed<AdministrativeDivisionCode> parsed = AdministrativeDivisionCode.parse(splits.get(i).key());
            if (parsed instanceof Parsed.Invalid<AdministrativeDivisionCode> invalid) {
                problems.add(FieldProblem.of(field, invalid.rejection().key(),
                        invalid.rejection().arguments().toArray()));
                continue;
            }
            AdministrativeDivisionCode region = parsed.orElseThrow();
            if (regions.contains(region)) {
                continue; // the same key again: reported once, as given twice
            }
            regions.stream().filter(other -> !other.equals(region)
                            && (other.encloses(region) || region.encloses(other)))
                    .findFirst()
                    .ifPresent(other -> problems.add(FieldProblem.of(field, "starSplit.regionsOverlap", other)));
            regions.add(region);
        }
        return problems;
    }
}
