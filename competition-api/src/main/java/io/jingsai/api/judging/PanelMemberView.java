package io.jingsai.api.judging;

import java.time.Instant;

/**
 * A judge on an event's panel.
 *
 * @param recusals how many of the event's entries this judge may not mark (own enterprise or declared conflict)
 * @param version  changes with every change of the role; send it back as If-Match
 */
public record PanelMemberView(long judgeId, String name, PanelRole role, Instant assignedAt, String assignedBy,
                       long recusals, long version) {

    PanelMemberView withRecusals(long count) {
        return new PanelMemberView(judgeId, name, role, assignedAt, assignedBy, count, version);
    }
}
