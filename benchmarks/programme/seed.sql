-- Seeds one programme for the rebuild benchmark (rebuild.sh): :events events of one trade in MARKING, each with
-- :results / :events individual entries of distinct contestants, every entry with a COMPLETE result whose total is
-- random. Written straight into the tables (the API would take hours for 10^6 entries); the scheme and rules are
-- those the API stores for a one-aspect event. Contestants' ID numbers are placeholders: nothing the boards read.
\set ON_ERROR_STOP on
BEGIN;
SELECT id AS trade_id FROM trade ORDER BY id LIMIT 1 \gset
INSERT INTO enterprise (name, credit_code, region_code, ownership, created_at, updated_at)
VALUES ('基准企业-' || :'run', substr(md5(:'run'), 1, 18), '610100', 'PRIVATE', now(), now()) RETURNING id AS enterprise_id \gset
INSERT INTO programme (name, year, organizer, region_code, quota_demonstration, quota_key, quota_stars,
                       quota_enterprises, fund_fen, status, created_at, updated_at)
VALUES ('重建基准-' || :'run', 2026, '基准', '610100', 10, 100, 1000, 10000, 0, 'PLANNING', now(), now())
RETURNING id AS programme_id \gset
INSERT INTO event (programme_id, trade_id, name, entry_kind, scheme, rules, status, created_at, updated_at, warnings)
SELECT :programme_id, :trade_id, '基准赛项-' || g, 'INDIVIDUAL',
       '{"criteria": [{"id": "A", "name": "实操", "subCriteria": [{"id": "A1", "name": "线路安装", "aspects": [{"id": "M1", "type": "MEASUREMENT", "maxMark": 100, "description": "功能正确", "allowedMarks": [], "levelDescriptors": []}]}]}], "rounding": {"mode": "HALF_UP", "scale": 2}, "components": [], "declaredTotal": 100, "judgementSpread": 1, "defaultAggregation": {"k": 0, "kind": "MEDIAN"}, "minimumJudgementPanel": 3}',
       '{"awards": {"bands": [], "cutOff": "INCLUDE_ALL", "titles": []}, "tieBreak": [{"key": "total", "order": "DESCENDING"}], "rankStyle": "STANDARD", "tiePolicy": "SHARE", "normaliseJudges": false, "standardisation": {"centre": "MEAN", "spread": "STANDARD_DEVIATION", "centreValue": 700, "minimumResults": 5, "pointsPerSpread": 100}}',
       'MARKING', now(), now(), '[]'
FROM generate_series(1, :events) g;
CREATE TEMP TABLE bench_event AS
    SELECT id, row_number() OVER (ORDER BY id) - 1 AS slot FROM event WHERE programme_id = :programme_id;
CREATE TEMP TABLE bench_contestant AS
    WITH made AS (
        INSERT INTO contestant (name, id_number, birth_date, sex, enterprise_id, trade_id, created_at, updated_at,
                                id_number_hash)
        SELECT '选手' || g, 'placeholder', DATE '1990-01-01', 'MALE', :enterprise_id, :trade_id, now(), now(),
               md5(:'run' || '/' || g) || md5(g || '/' || :'run')
        FROM generate_series(1, :results) g
        RETURNING id)
    SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM made;
INSERT INTO registration (event_id, registration_number, contestant_id, status, created_at, updated_at)
SELECT e.id, c.n / :events + 1, c.id, 'REGISTERED', now(), now()
FROM bench_contestant c JOIN bench_event e ON e.slot = c.n % :events;
INSERT INTO entry_result (registration_id, event_id, status, exact_total, total, components, aspects, holds, standing,
                          sheets, rules_version, computed_at)
SELECT r.id, r.event_id, 'COMPLETE', v.total::text, v.total, '{}', '[]', '[]',
       '{"keys":{"total":' || v.total || ',"A":' || v.total || '},"eligible":true,"started":true}', 1, 0, now()
FROM registration r JOIN bench_event e ON e.id = r.event_id,
     LATERAL (SELECT round((random() * 100 + r.id * 0)::numeric, 2) AS total) v;
COMMIT;
ANALYZE event, contestant, registration, entry_result;
SELECT :programme_id AS programme, (SELECT count(*) FROM entry_result er JOIN event e ON e.id = er.event_id
                                    WHERE e.programme_id = :programme_id) AS results;
