/**
 * Ranking by an ordered tie-break chain: standard (1224), dense (1223) or modified (1334) ranks, stable display order among exact ties, and a policy that refuses shared ranks.
 */
package io.jingsai.scoring.ranking;
