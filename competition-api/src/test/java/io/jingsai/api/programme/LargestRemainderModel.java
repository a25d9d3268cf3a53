package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A brute-force model of largest-remainder (Hamilton) allocation, independent of the engine's arithmetic: of every
 * way to give each share its floor or one fen more with the parts adding up to the amount, it takes the one nearest
 * the exact quotas (least sum of squared deviations, in exact integers), and among equally near ones the one whose
 * extra fen go to the earliest shares (the documented tie order). Only for a few shares (it tries 2^n ways).
 */
final class LargestRemainderModel {

    private LargestRemainderModel() {
    }

    static long[] allocate(long amount, List<BigDecimal> weights) {
        int n = weights.size();
        int scale = weights.stream().mapToInt(BigDecimal::scale).max().orElse(0);
        scale = Math.max(scale, 0);
        List<BigInteger> w = new ArrayList<>();
        for (BigDecimal weight : weights) {
            w.add(weight.movePointRight(scale).toBigIntegerExact());
        }
        BigInteger total = w.stream().reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger a = BigInteger.valueOf(amount);
        long[] floors = new long[n];
        for (int i = 0; i < n; i++) {
            floors[i] = a.multiply(w.get(i)).divide(total).longValueExact();
        }
        long[] best = null;
        BigInteger bestDistance = null;
        for (int mask = 0; mask < 1 << n; mask++) {
            long[] parts = new long[n];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                parts[i] = floors[i] + ((mask >> i) & 1);
                sum += parts[i];
            }
            if (sum != amount) {
                continue;
            }
            BigInteger distance = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                // (part − exact quota) × total, squared: exact
                BigInteger d = BigInteger.valueOf(parts[i]).multiply(total).subtract(a.multiply(w.get(i)));
                distance = distance.add(d.multiply(d));
            }
            if (best == null || distance.compareTo(bestDistance) < 0
                    || distance.equals(bestDistance) && earlier(parts, best, floors)) {
                best = parts;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** True when the first share where the two differ has its extra fen in {@code candidate}. */
    private static boolean earlier(long[] candidate, long[] best, long[] floors) {
        for (int i = 0; i < candidate.length; i++) {
            if (candidate[i] != best[i]) {
                return candidate[i] > floors[i];
            }
        }
        return false;
    }
}
