package io.jingsai.leaderboard;

/** A stable merge sort of {@code (primary, slot)} pairs, by primary and then by a {@link OrderTree.SlotOrder}. */
final class PairSort {

    private PairSort() {
    }

    static void sort(long[] primaries, int[] slots, int n, OrderTree.SlotOrder order) {
        long[] auxP = new long[n];
        int[] auxS = new int[n];
        System.arraycopy(primaries, 0, auxP, 0, n);
        System.arraycopy(slots, 0, auxS, 0, n);
        mergeSort(auxP, auxS, primaries, slots, 0, n, order);
    }

    // sorts src[from,to) into dst[from,to); src and dst start with equal content
    private static void mergeSort(long[] srcP, int[] srcS, long[] dstP, int[] dstS, int from, int to,
                                  OrderTree.SlotOrder order) {
        if (to - from < 16) {
            insertionSort(dstP, dstS, from, to, order);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dstP, dstS, srcP, srcS, from, mid, order);
        mergeSort(dstP, dstS, srcP, srcS, mid, to, order);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(srcP[i], srcS[i], srcP[j], srcS[j], order) <= 0)) {
                dstP[k] = srcP[i];
                dstS[k] = srcS[i++];
            } else {
                dstP[k] = srcP[j];
                dstS[k] = srcS[j++];
            }
        }
    }

    private static void insertionSort(long[] p, int[] s, int from, int to, OrderTree.SlotOrder order) {
        for (int i = from + 1; i < to; i++) {
            long kp = p[i];
            int ks = s[i];
            int j = i - 1;
            while (j >= from && compare(p[j], s[j], kp, ks, order) > 0) {
                p[j + 1] = p[j];
                s[j + 1] = s[j];
                j--;
            }
            p[j + 1] = kp;
            s[j + 1] = ks;
        }
    }

    private static int compare(long pa, int sa, long pb, int sb, OrderTree.SlotOrder order) {
        if (pa != pb) {
            return pa < pb ? -1 : 1;
        }
        return order.compareFull(sa, sb);
    }
}
