package io.jingsai.scoring.fund;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount of money (in fen) by weights, exactly: largest-remainder (Hamilton) rounding.
 *
 * <p>Each share first gets {@code floor(amount × weight / Σ weights)} fen; the fen left over go one each to the shares
 * with the largest remainders. Equal remainders are served in the order the shares were given, so the allocation is
 * deterministic and reproducible from published data. The parts always add up to the amount exactly; no share gets
 * less than its floor or more than one fen above its exact quota. All arithmetic is exact.
 *
 * <p>Invalid input ({@link IllegalArgumentException}): a negative amount, no shares, or weights that add up to zero.
 */
public final class FundAllocation {

    private FundAllocation() {
    }

    /** Allocates {@code amountFen} across the shares; the result follows the shares' order. */
    public static <K> List<Allocation<K>> allocate(long amountFen, List<Share<K>> shares) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("amount must be >= 0 fen, got " + amountFen);
        }
        if (shares == null || shares.isEmpty()) {
            throw new IllegalArgumentException("cannot allocate " + amountFen + " fen to no shares");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Share<K> share : shares) {
            total = total.add(share.weight());
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights add up to zero: nothing to allocate " + amountFen + " fen by");
        }
        BigDecimal amount = BigDecimal.valueOf(amountFen);
        long[] fen = new long[shares.size()];
        BigDecimal[] remainders = new BigDecimal[shares.size()];
        long allocated = 0;
        for (int i = 0; i < fen.length; i++) {
            // amount × w / W = q + r / W with 0 <= r < W: q and r are exact, and remainders compare as r.
            BigDecimal[] qr = amount.multiply(shares.get(i).weight()).divideAndRemainder(total);
            fen[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allocated += fen[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < fen.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int left = (int) (amountFen - allocated), k = 0; left > 0; left--, k++) {
            fen[order.get(k)]++;
        }
        List<Allocation<K>> result = new ArrayList<>(fen.length);
        for (int i = 0; i < fen.length; i++) {
            result.add(new Allocation<>(shares.get(i).key(), fen[i]));
        }
        return result;
    }

    /**
     * Allocates across tiers by tier weight, then each tier's part across its entries by entry weight. Both levels
     * use largest remainders, so every tier's entries add up to the tier's part and all parts add up to the amount.
     *
     * <p>A tier with weight zero gets nothing and so do its entries.
     *
     * @return one {@link TierAllocation} per tier, in tier order
     */
    public static <K> List<TierAllocation<K>> allocateByTier(long amountFen, List<TierFund<K>> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            throw new IllegalArgumentException("cannot allocate " + amountFen + " fen to no tiers");
        }
        List<Share<K>> tierShares = tiers.stream().map(t -> new Share<>(t.tier(), t.weight())).toList();
        List<Allocation<K>> tierParts = allocate(amountFen, tierShares);
        List<TierAllocation<K>> result = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            long part = tierParts.get(i).fen();
            List<Share<K>> entries = tiers.get(i).entries();
            List<Allocation<K>> entryParts = part == 0
                    ? entries.stream().map(e -> new Allocation<>(e.key(), 0L)).toList()
                    : allocate(part, entries);
            result.add(new TierAllocation<>(tiers.get(i).tier(), part, entryParts));
        }
        return result;
    }

    /** A tier's part and how it is split across the tier's entries. */
    public record TierAllocation<K>(K tier, long fen, List<Allocation<K>> entries) {
        public TierAllocation {
            entries = List.copyOf(entries);
        }
    }
}
