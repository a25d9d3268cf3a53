package io.jingsai.api.result;

import java.util.List;

/**
 * Every change of the final standings of an event since it first went out for public review, oldest first; empty
 * before that.
 */
record StandingChangesView(long eventId, List<StandingChangeView> changes) {

    StandingChangesView {
        changes = List.copyOf(changes);
    }

    StandingChangesView withoutIdentity() {
        return new StandingChangesView(eventId, changes.stream().map(StandingChangeView::withoutIdentity).toList());
    }
}
