/**
 * Panel aggregation, entry scoring (components, deductions, disqualification), judge consistency and per-judge z-score normalisation. Exact until the scheme's one rounding.
 */
package io.jingsai.scoring.marking;
