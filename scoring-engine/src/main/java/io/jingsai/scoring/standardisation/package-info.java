/**
 * Per-event standardisation of results onto a common scale so that entries of different trades can be ranked together.
 */
package io.jingsai.scoring.standardisation;
