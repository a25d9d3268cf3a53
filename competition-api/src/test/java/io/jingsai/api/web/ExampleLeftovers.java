package io.jingsai.api.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

import io.jingsai.api.privacy.PersonalDataCipher;

/**
 * Rows that hold the unique keys of the document's examples: the trade's name and code, the enterprise's credit code,
 * the contestant's ID number, the programme's name and year and the account's user name, with everything that hangs on them. The examples
 * are static, so every run sends the same keys; a run removes what it created through the API, and this removes
 * what an interrupted run (or someone trying the examples on this database) left, so the examples can be accepted
 * again. Built-in trades are never touched.
 */
final class ExampleLeftovers {

    private static final String ENTERPRISES = "SELECT id FROM enterprise WHERE credit_code = :creditCode";
    private static final String CONTESTANTS = "SELECT id FROM contestant WHERE id_number_hash = :idNumberHash "
            + "OR enterprise_id IN (" + ENTERPRISES + ")";
    private static final String TEAMS = "SELECT id FROM team WHERE enterprise_id IN (" + ENTERPRISES + ")";
    private static final String PROGRAMMES = "SELECT id FROM programme WHERE name = :programme AND year = :year";
    private static final String PROJECTS = "SELECT id FROM project WHERE programme_id IN (" + PROGRAMMES + ") "
            + "OR host_enterprise_id IN (" + ENTERPRISES + ")";
    private static final String TRADES = "SELECT id FROM trade WHERE NOT built_in "
            + "AND (name_zh = :tradeName OR code = :tradeCode)";
    private static final String EVENTS = "SELECT id FROM event WHERE programme_id IN (" + PROGRAMMES + ") "
            + "OR project_id IN (" + PROJECTS + ") OR trade_id IN (" + TRADES + ")";

    /** In the order the foreign keys allow: what refers to a row goes before it. */
    private static final List<String> REMOVALS = List.of(
            "DELETE FROM account WHERE lower(username) = lower(:accountName)",
            "DELETE FROM registration WHERE event_id IN (" + EVENTS + ") OR contestant_id IN (" + CONTESTANTS
                    + ") OR team_id IN (" + TEAMS + ")",
            "DELETE FROM team_member WHERE team_id IN (" + TEAMS + ") OR contestant_id IN (" + CONTESTANTS + ")",
            "DELETE FROM team WHERE id IN (" + TEAMS + ")",
            "DELETE FROM panel_member WHERE judge_id IN (SELECT id FROM judge WHERE enterprise_id IN (" + ENTERPRISES
                    + "))",
            "DELETE FROM judge WHERE enterprise_id IN (" + ENTERPRISES + ")",
            "DELETE FROM event WHERE id IN (" + EVENTS + ")",
            "DELETE FROM project WHERE id IN (" + PROJECTS + ")",
            "DELETE FROM contestant WHERE id IN (" + CONTESTANTS + ")",
            "DELETE FROM programme WHERE id IN (" + PROGRAMMES + ")",
            "DELETE FROM enterprise WHERE id IN (" + ENTERPRISES + ")",
            "DELETE FROM trade WHERE id IN (" + TRADES + ")");

    private final Map<String, Object> keys;

    private ExampleLeftovers(Map<String, Object> keys) {
        this.keys = keys;
    }

    /** {@code cipher} gives the lookup hash of the example's ID number: the number itself is stored sealed. */
    static ExampleLeftovers of(ApiDocument document, PersonalDataCipher cipher) {
        Map<String, Object> trade = document.example(document.operation("createTrade"));
        Map<String, Object> programme = document.example(document.operation("createProgramme"));
        return new ExampleLeftovers(Map.of(
                "accountName", document.example(document.operation("createAccount")).get("username"),
                "tradeName", trade.get("nameZh"),
                "tradeCode", trade.get("code"),
                "creditCode", document.example(document.operation("createEnterprise")).get("creditCode"),
                "idNumberHash", cipher.lookupHash((String) document.example(document.operation("createContestant"))
                        .get("idNumber")),
                "programme", programme.get("name"),
                "year", ((Number) programme.get("year")).intValue()));
    }

    void remove(DatabaseClient database) {
        for (String removal : REMOVALS) {
            DatabaseClient.GenericExecuteSpec statement = database.sql(removal);
            for (Map.Entry<String, Object> key : keys.entrySet()) {
                if (removal.contains(":" + key.getKey())) {
                    statement = statement.bind(key.getKey(), key.getValue());
                }
            }
            statement.fetch().rowsUpdated().block(Duration.ofSeconds(30));
        }
    }

    @Override
    public String toString() {
        return "rows holding the examples' keys " + keys;
    }
}
