/**
 * Award bands by count, share of eligible entries or threshold, cut-off tie policies, minimum-starters voiding, and titles.
 */
package io.jingsai.scoring.award;
