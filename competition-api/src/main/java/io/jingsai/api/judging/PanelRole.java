package io.jingsai.api.judging;

/** A judge's place on an event's panel: the chief judge (裁判长, at most one per event) or a judge. */
public enum PanelRole {
    CHIEF_JUDGE, JUDGE
}
