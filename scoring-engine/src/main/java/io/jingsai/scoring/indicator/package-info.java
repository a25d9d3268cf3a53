/**
 * Indicator (KPI) scoring for projects, enterprises and teams, and team scores from members.
 */
package io.jingsai.scoring.indicator;
