/**
 * Exact allocation of money (in fen) by weights with largest-remainder rounding.
 */
package io.jingsai.scoring.fund;
