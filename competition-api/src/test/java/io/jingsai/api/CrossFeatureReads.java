package io.jingsai.api;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

/**
 * The one list of the places where a feature's SQL reads a table that another feature owns. Rows never leave their
 * feature, but some questions are answered in one statement across features (an export, an eligibility check, a
 * recusal), and a change to the owner's table breaks them without touching the owner's code. Each read names the
 * columns it relies on with their type as {@code information_schema.columns.data_type} spells it;
 * {@link CrossFeatureSqlTests} checks them against the migrated schema and fails on a read missing from this list.
 * See docs/architecture.md.
 */
final class CrossFeatureReads {

    /**
     * Table → the feature (package under {@code io.jingsai.api}) that owns it: its migration, its row class where it
     * has one, and the only code that writes it.
     */
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("aspect", "reference"),
            entry("trade", "trade"),
            entry("enterprise", "enterprise"),
            entry("contestant", "contestant"),
            entry("team", "team"), entry("team_member", "team"),
            entry("judge", "judge"),
            entry("programme", "programme"), entry("project", "programme"),
            entry("event", "event"),
            entry("registration", "registration"),
            entry("panel_member", "judging"), entry("declared_conflict", "judging"),
            entry("panel_plan", "judging"), entry("panel_plan_entry", "judging"),
            entry("import_job", "bulk"),
            entry("account", "account"), entry("account_grant", "account"), entry("auth_session", "account"),
            entry("personal_data_reveal", "privacy"),
            entry("audit_chain", "audit"), entry("audit_entry", "audit"), entry("audit_pending", "audit"),
            entry("score_sheet", "judging"), entry("mark", "judging"), entry("entry_record", "judging"),
            entry("penalty", "judging"),
            entry("entry_result", "result"), entry("result_change", "result"),
            entry("final_standings", "result"), entry("standing_change", "result"),
            entry("idempotent_request", "shared"), entry("board_freeze", "boards"),
            entry("project_evaluation", "programme"), entry("project_evaluation_round", "programme"),
            entry("certificate", "certificate"), entry("tier_certificate", "certificate"),
            // tier history and stored fund allocations (issue 16)
            entry("tier_recording", "programme"), entry("tier_membership", "programme"),
            entry("tier_history", "programme"), entry("tier_cause", "programme"),
            entry("fund_allocation", "programme"));

    /** {@code reader}'s SQL reads {@code columns} ("name type") of {@code table}, owned by another feature. */
    record Read(String reader, String table, List<String> columns, String why) {
    }

    static final List<Read> ALL = List.of(
            read("account", "event", "AccountStore: a grant on an event counts for the event's programme",
                    "id bigint", "programme_id bigint"),
            read("account", "programme", "AccountStore: a grant names an existing programme", "id bigint"),
            read("account", "judge", "AccountStore: a judge's account names an existing judge, shown by name",
                    "id bigint", "name character varying"),
            read("security", "event", "ScopedAccess: access to an event follows its programme",
                    "id bigint", "programme_id bigint"),
            read("contestant", "enterprise", "reference check; import finds enterprises by credit code; export "
                            + "prints name and credit code; the list filters by region",
                    "id bigint", "credit_code character", "name character varying", "region_code character"),
            read("contestant", "trade", "reference check; import finds trades by name or code; export prints the name",
                    "id bigint", "code character varying", "name_zh character varying"),
            read("judge", "enterprise", "reference check; import finds enterprises by credit code",
                    "id bigint", "credit_code character"),
            read("team", "enterprise", "reference check", "id bigint"),
            read("team", "trade", "reference check", "id bigint"),
            read("team", "contestant", "TeamMembers: members exist and work for the team's enterprise",
                    "id bigint", "enterprise_id bigint"),
            read("event", "programme", "EventQueries: an event belongs to an existing programme that is not closed",
                    "id bigint", "status character varying"),
            read("event", "project", "EventQueries: an event's project belongs to the event's programme",
                    "id bigint", "programme_id bigint"),
            read("event", "trade", "EventQueries: an event names an existing trade", "id bigint"),
            read("event", "registration", "EventQueries: an event with registrations cannot be deleted; a blind "
                            + "event starts marking only when every competing entry has a station number",
                    "event_id bigint", "id bigint", "registration_number integer", "status character varying",
                    "station_number character varying"),
            read("programme", "event", "ProgrammeQueries: a programme or project with events cannot be deleted; "
                            + "StarStore: the programme's events with their trade and status, for the stars board; "
                            + "TierHistoryStore: the programme whose tiers a result change or an event's step moves; "
                            + "ProgrammeBoardStore: which events count on the public star board (event.PublicEvents)",
                    "programme_id bigint", "project_id bigint", "id bigint", "name character varying",
                    "trade_id bigint", "status character varying"),
            read("programme", "registration", "StarStore: which contestant each individual entry of the programme's "
                            + "events is; EnterpriseStandingsStore: whose each entry is and whether it takes part",
                    "id bigint", "event_id bigint", "contestant_id bigint", "team_id bigint",
                    "status character varying"),
            read("programme", "contestant", "StarStore, ProgrammeBoardStore: a star's name, enterprise and trade",
                    "id bigint", "name character varying", "enterprise_id bigint", "trade_id bigint"),
            read("programme", "enterprise", "ProgrammeQueries: a project's host enterprise exists; StarStore: the "
                            + "region of a star's enterprise, for split boards; EnterpriseStandingsStore: the enterprises board "
                            + "names each enterprise and its region; ProjectFactsStore: the public project board names "
                            + "each project's host enterprise; StandingsReportStore: a star's enterprise and region in "
                            + "the standings report", "id bigint", "name character varying",
                    "region_code character"),
            read("programme", "team", "EnterpriseStandingsStore: the enterprise of a team entry", "id bigint",
                    "enterprise_id bigint"),
            read("programme", "team_member", "EnterpriseStandingsStore: the members of a team entry count as entered",
                    "team_id bigint", "contestant_id bigint"),
            read("programme", "board_freeze", "ProgrammeBoardStore: an event's freeze revision, to read its part of "
                            + "the star board again when it is frozen or released (the results through boards.FrozenBoards)",
                    "event_id bigint", "revision bigint"),
            read("programme", "trade", "ProgrammeBoardStore: the trade's names on the public star board; "
                            + "StandingsReportStore: the trade's names in the standings report",
                    "id bigint", "name_zh character varying", "name_en character varying"),
            read("programme", "aspect", "ProgrammeQueries: a project's aspect is one of the six, in their order",
                    "code character varying", "position smallint"),
            read("registration", "event", "EventEntryRules: locks the event and checks its status, kind and trade",
                    "id bigint", "status character varying", "entry_kind character varying", "trade_id bigint"),
            read("registration", "contestant", "EventEntryRules: the contestant's trade; RegistrationExport: name, "
                            + "masked ID number and enterprise",
                    "id bigint", "trade_id bigint", "name character varying", "id_number text",
                    "enterprise_id bigint"),
            read("registration", "team", "EventEntryRules: the team's trade; RegistrationExport: name and enterprise",
                    "id bigint", "trade_id bigint", "name character varying", "enterprise_id bigint"),
            read("registration", "team_member", "EventEntryRules: every member is in the event's trade",
                    "team_id bigint", "contestant_id bigint", "position integer"),
            read("registration", "enterprise", "RegistrationExport: the entrant's enterprise name",
                    "id bigint", "name character varying"),
            read("judging", "event", "PanelService, PanelPlanService: the event exists and its panel (its "
                            + "automatic assignment: before marking) is still open; MarkingGuards: the event locked "
                            + "for marking, at the version whose rules score the marks",
                    "id bigint", "status character varying", "programme_id bigint", "version bigint"),
            read("judging", "judge", "PanelService, ChiefJudgeDesk: members exist and are listed by name; Recusals: "
                            + "own enterprise",
                    "id bigint", "name character varying", "enterprise_id bigint"),
            read("judging", "registration", "PanelService: declared conflicts name an entry of the event; "
                            + "Recusals: the entrants of the event; ChiefJudgeDesk: the entries still competing; "
                            + "PanelPlanService: the competing entries a plan gives judges, by station",
                    "id bigint", "event_id bigint", "registration_number integer", "contestant_id bigint",
                    "team_id bigint", "status character varying", "station_number character varying"),
            read("judging", "contestant", "Recusals: a contestant's enterprise, also as a team member",
                    "id bigint", "enterprise_id bigint"),
            read("judging", "team", "Recusals: a team's enterprise", "id bigint", "enterprise_id bigint"),
            read("judging", "team_member", "Recusals: a team's members", "team_id bigint", "contestant_id bigint"),
            read("judging", "account", "MarkingGuards: the registry judge a signed-in account is",
                    "id bigint", "judge_id bigint"),
            read("result", "registration", "ResultStore: the entries of an event, their numbers and status; "
                            + "ResultExports: who each entrant is",
                    "id bigint", "event_id bigint", "registration_number integer", "station_number character varying",
                    "status character varying", "contestant_id bigint", "team_id bigint"),
            read("result", "score_sheet", "ResultStore: the current sheets an entry's result is computed from; "
                            + "ResultExports: each judge's sheets, to sign",
                    "id bigint", "registration_id bigint", "judge_id bigint", "version bigint", "event_id bigint",
                    "submitted_at timestamp with time zone"),
            read("result", "mark", "ResultStore: the marks of each sheet's current version; ResultExports: in order",
                    "sheet_id bigint", "sheet_version bigint", "aspect_id character varying", "value numeric",
                    "position integer"),
            read("result", "event", "ResultStore: final standings once marking has closed (REVIEW, PUBLISHED); "
                            + "ReviewStore: the snapshot is compared only then; ResultExports: the event's name",
                    "id bigint", "status character varying", "name character varying"),
            read("result", "contestant", "ResultExports: the entrant's name and enterprise (no ID number)",
                    "id bigint", "name character varying", "enterprise_id bigint"),
            read("result", "team", "ResultExports: the team's name and enterprise",
                    "id bigint", "name character varying", "enterprise_id bigint"),
            read("result", "enterprise", "ResultExports: the enterprise's name", "id bigint",
                    "name character varying"),
            read("result", "judge", "ResultExports: each judge's name on their sheet", "id bigint",
                    "name character varying"),
            read("result", "panel_member", "ResultExports: the judges of the event's panel",
                    "event_id bigint", "judge_id bigint"),
            read("result", "entry_record", "ResultStore: officials' records that scoring takes (completion time, "
                            + "difficulty)",
                    "registration_id bigint", "event_id bigint", "completion_seconds numeric", "difficulty text"),
            read("result", "penalty", "ResultStore: the deductions and disqualifications a result counts once "
                            + "approved", "registration_id bigint", "event_id bigint", "id bigint",
                    "aspect_id character varying", "points numeric", "reason character varying", "judge_id bigint",
                    "status character varying", "decided_by_judge bigint", "decided_at timestamp with time zone"),
            read("boards", "event", "BoardStore: an event's board is public when the event feature says its results "
                            + "are (event.PublicEvents); the public list of such events names each with its trade. "
                            + "BoardFreezeStore: a freeze needs MARKING and locks the event's row against writers of "
                            + "results while it reads them",
                    "id bigint", "status character varying", "name character varying", "trade_id bigint"),
            read("boards", "trade", "BoardStore: the public list of events names each event's trade",
                    "id bigint", "name_zh character varying", "name_en character varying"),
            read("boards", "registration", "BoardStore: how an entry is named on a public board",
                    "id bigint", "event_id bigint", "contestant_id bigint", "team_id bigint"),
            read("boards", "contestant", "BoardStore: the entrant's name and enterprise (nothing personal)",
                    "id bigint", "name character varying", "enterprise_id bigint"),
            read("boards", "team", "BoardStore: the team's name and enterprise",
                    "id bigint", "name character varying", "enterprise_id bigint"),
            read("boards", "enterprise", "BoardStore: the enterprise's name", "id bigint", "name character varying"),
            read("boards", "result_change", "ResultChangeFollower: the outbox of result changes, read in id order",
                    "id bigint", "event_id bigint", "registration_id bigint"),
            read("certificate", "registration", "CertificateStore: an entry by its number, named in public, for "
                            + "its certificate and its own results",
                    "id bigint", "event_id bigint", "registration_number integer", "status character varying",
                    "contestant_id bigint", "team_id bigint"),
            read("certificate", "event", "CertificateStore: the event printed on a certificate; certificates from "
                            + "PUBLISHED, own results once public (event.PublicEvents)",
                    "id bigint", "name character varying", "status character varying", "trade_id bigint",
                    "programme_id bigint"),
            read("certificate", "trade", "CertificateStore: the trade printed on a certificate",
                    "id bigint", "name_zh character varying", "name_en character varying"),
            read("certificate", "programme", "CertificateStore: the programme and year printed on a certificate",
                    "id bigint", "name character varying", "year integer"),
            read("certificate", "contestant", "CertificateStore: the holder's name and enterprise (nothing personal)",
                    "id bigint", "name character varying", "enterprise_id bigint"),
            read("certificate", "team", "CertificateStore: the team's name and enterprise",
                    "id bigint", "name character varying", "enterprise_id bigint"),
            read("certificate", "enterprise", "CertificateStore: the enterprise's name and region",
                    "id bigint", "name character varying", "region_code character"),
            read("demo", "programme", "DemoProgress: the demo programme, found by its name", "id bigint",
                    "name character varying"),
            read("demo", "event", "DemoProgress: the demo programme's events in MARKING, by trade",
                    "id bigint", "programme_id bigint", "trade_id bigint", "status character varying"),
            read("demo", "registration", "DemoProgress: each event's entries by station number",
                    "id bigint", "event_id bigint", "station_number character varying"),
            read("demo", "panel_member", "DemoProgress: each event's judges in the order they were seated", "id bigint",
                    "event_id bigint", "judge_id bigint",
                    "role character varying"),
            read("demo", "account", "DemoProgress: the account each judge marks with", "id bigint",
                    "username character varying", "judge_id bigint"),
            read("demo", "score_sheet", "DemoProgress: each sheet's version, to resume marking where it stood",
                    "registration_id bigint", "judge_id bigint", "version bigint", "event_id bigint"),
            read("privacy", "contestant", "KeyRotation re-seals the SealedColumn values (reads and rewrites them)",
                    "id bigint", "id_number text", "phone text"),
            read("privacy", "judge", "KeyRotation re-seals the SealedColumn values (reads and rewrites them)",
                    "id bigint", "phone text", "email text"));

    private static Read read(String reader, String table, String why, String... columns) {
        return new Read(reader, table, List.of(columns), why);
    }

    private CrossFeatureReads() {
    }
}
