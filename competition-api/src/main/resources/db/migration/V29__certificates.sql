-- Certificates (io.jingsai.api.certificate): one per award winner (or title holder) of a published event, issued once
-- when the event is PUBLISHED and never changed (published results are final). The row keeps what the certificate
-- certifies as it was issued: the place (rank, award band, titles, total, the result's version) and the names printed
-- on it, so that a check of the number years later answers what the paper says. The number is unique and cannot be
-- guessed (docs/certificates.md); nothing personal beyond the holder's name is kept.
CREATE TABLE certificate (
    id                  BIGSERIAL    PRIMARY KEY,
    number              VARCHAR(60)  NOT NULL,
    event_id            BIGINT       NOT NULL REFERENCES event (id),
    registration_id     BIGINT       NOT NULL REFERENCES registration (id),
    registration_number INT          NOT NULL,
    rank                INT          NOT NULL,
    award               VARCHAR(50),
    titles              JSONB        NOT NULL,
    total               NUMERIC      NOT NULL,
    result_version      BIGINT       NOT NULL,
    holder_name         VARCHAR(100) NOT NULL,
    enterprise_name     VARCHAR(200) NOT NULL,
    event_name          VARCHAR(200) NOT NULL,
    trade_name          VARCHAR(100) NOT NULL,
    programme_name      VARCHAR(200) NOT NULL,
    programme_year      INT          NOT NULL,
    issued_at           TIMESTAMPTZ  NOT NULL,
    issued_by           VARCHAR(255) NOT NULL,
    CONSTRAINT certificate_number_unique UNIQUE (number),
    CONSTRAINT certificate_once_per_entry UNIQUE (event_id, registration_id),
    CONSTRAINT certificate_for_a_place CHECK (award IS NOT NULL OR jsonb_array_length(titles) > 0)
);
