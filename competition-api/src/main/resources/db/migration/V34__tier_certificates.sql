-- Certificates of a programme's tier members (io.jingsai.api.certificate): one per member of each tier on the
-- PUBLISHED basis (demonstration and key projects, competition stars, enterprises of the 10,000 tier), issued once
-- when the programme is CLOSED (it never reopens) and never changed. The row keeps what the certificate certifies as
-- it was issued: the tier, the member's rank and figure on the tier's board, and the names printed on it, so that a
-- check of the number years later answers what the paper says. The number is unique and cannot be guessed
-- (docs/certificates.md); nothing personal beyond the holder's name is kept.
CREATE TABLE tier_certificate (
    id              BIGSERIAL    PRIMARY KEY,
    number          VARCHAR(60)  NOT NULL,
    programme_id    BIGINT       NOT NULL REFERENCES programme (id),
    tier            VARCHAR(20)  NOT NULL,
    -- the project (DEMONSTRATION, KEY), contestant (STARS) or enterprise (ENTERPRISES); no foreign key, as it names
    -- rows of three tables, and the certificate outlives any change of them
    subject_id      BIGINT       NOT NULL,
    rank            INT          NOT NULL,
    score           NUMERIC      NOT NULL,
    holder_name     VARCHAR(200) NOT NULL,
    enterprise_name VARCHAR(200) NOT NULL,
    trade_name      VARCHAR(100),
    region_code     CHAR(6),
    programme_name  VARCHAR(200) NOT NULL,
    programme_year  INT          NOT NULL,
    issued_at       TIMESTAMPTZ  NOT NULL,
    issued_by       VARCHAR(255) NOT NULL,
    CONSTRAINT tier_certificate_number_unique UNIQUE (number),
    CONSTRAINT tier_certificate_once_per_member UNIQUE (programme_id, tier, subject_id),
    CONSTRAINT tier_certificate_tier CHECK (tier IN ('DEMONSTRATION', 'KEY', 'STARS', 'ENTERPRISES')),
    CONSTRAINT tier_certificate_trade_of_star CHECK ((tier = 'STARS') = (trade_name IS NOT NULL))
);
