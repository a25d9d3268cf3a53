package io.jingsai.api.boards;

import io.jingsai.api.event.EventStatus;

/**
 * An event whose board is public, as the dashboard lists it: what it is called, its trade and where it stands.
 * Nothing else of the event (no schedule, venue, scheme or people).
 *
 * @param tradeNameEn the trade's English name, for the dashboard's English view
 */
record PublicEventView(long id, String name, long tradeId, String tradeName, String tradeNameEn, EventStatus status) {
}
