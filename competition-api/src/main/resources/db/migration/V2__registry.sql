-- Registry: trades, enterprises, contestants, teams, judges, programmes, projects, events, registrations.
-- Names sort in pinyin order (Chinese names sort the way organizers read them).
CREATE COLLATION IF NOT EXISTS pinyin (provider = icu, locale = 'zh-u-co-pinyin');

CREATE TABLE trade (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(20) UNIQUE,
    name_zh     VARCHAR(100) COLLATE pinyin NOT NULL UNIQUE,
    name_en     VARCHAR(200) NOT NULL,
    built_in    BOOLEAN NOT NULL DEFAULT FALSE,
    version     BIGINT NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE enterprise (
    id           BIGSERIAL PRIMARY KEY,
    name         VARCHAR(200) COLLATE pinyin NOT NULL,
    credit_code  CHAR(18) NOT NULL,
    region_code  CHAR(6) NOT NULL,
    industry     VARCHAR(100),
    ownership    VARCHAR(20) NOT NULL,
    version      BIGINT NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT enterprise_credit_code_unique UNIQUE (credit_code)
);
CREATE INDEX enterprise_region_idx ON enterprise (region_code);
CREATE INDEX enterprise_name_idx ON enterprise (name);

CREATE TABLE contestant (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(100) COLLATE pinyin NOT NULL,
    id_number      CHAR(18) NOT NULL,
    birth_date     DATE NOT NULL,
    sex            VARCHAR(6) NOT NULL,
    enterprise_id  BIGINT NOT NULL REFERENCES enterprise (id),
    trade_id       BIGINT NOT NULL REFERENCES trade (id),
    phone          VARCHAR(20),
    version        BIGINT NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT contestant_id_number_unique UNIQUE (id_number)
);
CREATE INDEX contestant_enterprise_idx ON contestant (enterprise_id);
CREATE INDEX contestant_trade_idx ON contestant (trade_id);
CREATE INDEX contestant_name_idx ON contestant (name);

CREATE TABLE team (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(100) COLLATE pinyin NOT NULL,
    enterprise_id  BIGINT NOT NULL REFERENCES enterprise (id),
    trade_id       BIGINT REFERENCES trade (id),
    score_rule     VARCHAR(10) NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT team_name_unique UNIQUE (enterprise_id, name)
);

CREATE TABLE team_member (
    team_id        BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    contestant_id  BIGINT NOT NULL REFERENCES contestant (id),
    position       INT NOT NULL,
    PRIMARY KEY (team_id, contestant_id)
);
CREATE INDEX team_member_contestant_idx ON team_member (contestant_id);

CREATE TABLE judge (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(100) COLLATE pinyin NOT NULL,
    enterprise_id  BIGINT REFERENCES enterprise (id),
    qualification  VARCHAR(20) NOT NULL,
    phone          VARCHAR(20),
    email          VARCHAR(200),
    version        BIGINT NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX judge_enterprise_idx ON judge (enterprise_id);

CREATE TABLE programme (
    id                   BIGSERIAL PRIMARY KEY,
    name                 VARCHAR(200) COLLATE pinyin NOT NULL,
    year                 INT NOT NULL,
    organizer            VARCHAR(200) NOT NULL,
    region_code          CHAR(6) NOT NULL,
    key_areas            JSONB NOT NULL DEFAULT '[]',
    quota_demonstration  INT NOT NULL,
    quota_key            INT NOT NULL,
    quota_stars          INT NOT NULL,
    quota_enterprises    INT NOT NULL,
    fund_fen             BIGINT NOT NULL,
    status               VARCHAR(20) NOT NULL,
    freeze_at            TIMESTAMPTZ,
    version              BIGINT NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT programme_name_year_unique UNIQUE (name, year)
);

CREATE TABLE project (
    id                   BIGSERIAL PRIMARY KEY,
    programme_id         BIGINT NOT NULL REFERENCES programme (id),
    name                 VARCHAR(200) COLLATE pinyin NOT NULL,
    host_enterprise_id   BIGINT NOT NULL REFERENCES enterprise (id),
    aspect_code          VARCHAR(32) NOT NULL REFERENCES aspect (code),
    key_area             VARCHAR(50),
    region_code          CHAR(6) NOT NULL,
    tier_status          VARCHAR(20) NOT NULL,
    indicators           JSONB NOT NULL DEFAULT '[]',
    version              BIGINT NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT project_name_unique UNIQUE (programme_id, name)
);
CREATE INDEX project_programme_idx ON project (programme_id);

CREATE TABLE event (
    id               BIGSERIAL PRIMARY KEY,
    programme_id     BIGINT NOT NULL REFERENCES programme (id),
    project_id       BIGINT REFERENCES project (id),
    trade_id         BIGINT NOT NULL REFERENCES trade (id),
    name             VARCHAR(200) COLLATE pinyin NOT NULL,
    entry_kind       VARCHAR(12) NOT NULL,
    scheme           JSONB NOT NULL,
    rules            JSONB NOT NULL,
    venue            VARCHAR(200),
    starts_at        TIMESTAMPTZ,
    ends_at          TIMESTAMPTZ,
    status           VARCHAR(20) NOT NULL,
    version          BIGINT NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT event_name_unique UNIQUE (programme_id, name),
    CONSTRAINT event_schedule_order CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX event_programme_idx ON event (programme_id);
CREATE INDEX event_trade_idx ON event (trade_id);

CREATE TABLE registration (
    id                   BIGSERIAL PRIMARY KEY,
    event_id             BIGINT NOT NULL REFERENCES event (id),
    registration_number  INT NOT NULL,
    station_number       VARCHAR(20),
    contestant_id        BIGINT REFERENCES contestant (id),
    team_id              BIGINT REFERENCES team (id),
    status               VARCHAR(20) NOT NULL,
    version              BIGINT NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT registration_one_entrant CHECK ((contestant_id IS NULL) <> (team_id IS NULL)),
    CONSTRAINT registration_number_unique UNIQUE (event_id, registration_number),
    CONSTRAINT registration_station_unique UNIQUE (event_id, station_number),
    CONSTRAINT registration_contestant_unique UNIQUE (event_id, contestant_id),
    CONSTRAINT registration_team_unique UNIQUE (event_id, team_id)
);
