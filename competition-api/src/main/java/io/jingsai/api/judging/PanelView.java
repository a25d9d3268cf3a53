package io.jingsai.api.judging;

import java.util.List;

/**
 * An event's panel: its judges in the order they were assigned, and its chief judge (absent until assigned).
 */
record PanelView(long eventId, Long chiefJudgeId, List<PanelMemberView> members) {

    PanelView {
        members = List.copyOf(members);
    }
}
