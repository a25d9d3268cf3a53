package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetTab;

/**
 * A stored allocation as the file organizers print: one sheet with every member's part, one with what changed since
 * the allocation before. Amounts in yuan, written exactly from the fen with two places ({@code 12345.60}); headers
 * and words in the request's language (Chinese unless English is asked for).
 */
@Component
class FundAllocationExport {

    private final MessageSource messages;

    FundAllocationExport(MessageSource messages) {
        this.messages = messages;
    }

    List<SheetTab> tabs(StoredFundAllocationView allocation, Locale language) {
        return List.of(parts(allocation, language), changes(allocation.changesSincePrevious(), language));
    }

    private SheetTab parts(StoredFundAllocationView allocation, Locale language) {
        List<SheetColumn> columns = columns(language, "tier", "rank", "id", "name", "weight", "amount");
        List<List<String>> rows = new ArrayList<>();
        for (FundAllocationView.TierPart tier : allocation.tiers()) {
            for (FundAllocationView.Member member : tier.members()) {
                rows.add(List.of(tierName(tier.tier(), language), String.valueOf(member.rank()),
                        String.valueOf(member.id()), member.name(), member.weight().toPlainString(),
                        yuan(member.fen())));
            }
        }
        String title = word(language, "export.fund.title", String.valueOf(allocation.programmeId()),
                String.valueOf(allocation.number()),
                yuan(allocation.fundFen()), allocation.allocatedAt().toString(), allocation.allocatedBy());
        return new SheetTab(word(language, "export.fund.partsSheet"), List.of(title), columns, rows, List.of());
    }

    private SheetTab changes(FundChanges changes, Locale language) {
        List<SheetColumn> columns = columns(language, "tier", "id", "name", "before", "after", "difference",
                "movement");
        if (changes == null) {
            return new SheetTab(word(language, "export.fund.changesSheet"),
                    List.of(word(language, "export.fund.first")), columns, List.of(), List.of());
        }
        List<List<String>> rows = new ArrayList<>();
        for (FundChanges.MemberChange member : changes.members()) {
            rows.add(List.of(tierName(member.tier(), language), String.valueOf(member.id()), member.name(),
                    yuan(member.beforeFen()), yuan(member.afterFen()), yuan(member.differenceFen()),
                    member.movement() == null ? "" : word(language, "export.fund.movement." + member.movement())));
        }
        String title = word(language, "export.fund.comparedWith", String.valueOf(changes.previousNumber()),
                yuan(changes.fundFenBefore()), yuan(changes.fundFenAfter()), yuan(changes.differenceFen()));
        return new SheetTab(word(language, "export.fund.changesSheet"), List.of(title), columns, rows, List.of());
    }

    /** Fen as yuan, exactly: two places, never rounded. */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private String tierName(FundTier tier, Locale language) {
        return word(language, "export.fund.tier." + tier);
    }

    private List<SheetColumn> columns(Locale language, String... names) {
        List<SheetColumn> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(SheetColumn.optional(word(language, "export.fund.column." + name), name, null));
        }
        return columns;
    }

    /** Values are given as text: MessageFormat would group the digits of numbers (12,345). */
    private String word(Locale language, String key, Object... values) {
        return messages.getMessage(key, values, language);
    }
}
