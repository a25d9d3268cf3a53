/**
 * Award bands by count, share of eligible entries (after the bands before, or cumulative over the whole field) or
 * threshold, cut-off tie policies, minimum-starters voiding, and titles.
 */
package io.jingsai.scoring.award;
