-- Runs unchanged on H2 2.x and PostgreSQL 15: standard identity columns, UUID, VARCHAR without a
-- length (unbounded on both), TIMESTAMP WITH TIME ZONE (microsecond precision on both).
-- There are deliberately no columns for names or contact data.

CREATE TABLE audit_record (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain_id           VARCHAR(64)              NOT NULL,
    seq                BIGINT                   NOT NULL,
    screening_id       UUID                     NOT NULL,
    request            VARCHAR                  NOT NULL,
    result             VARCHAR                  NOT NULL,
    ruleset_name       VARCHAR,
    ruleset_version    VARCHAR,
    ruleset_digest     VARCHAR,
    as_of              DATE,
    external_reference VARCHAR,
    client_id          VARCHAR,
    source_format      VARCHAR,
    evaluated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    prev_hash          CHAR(64)                 NOT NULL,
    hash               CHAR(64)                 NOT NULL,
    CONSTRAINT uq_audit_record_chain_seq UNIQUE (chain_id, seq),
    CONSTRAINT uq_audit_record_screening UNIQUE (screening_id)
);

CREATE INDEX ix_audit_record_recorded_at ON audit_record (recorded_at);

-- Written by the retention purge in the same transaction as its DELETE: the last purged record's
-- sequence and hash become the new start of that chain for verification.
CREATE TABLE audit_anchor (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain_id       VARCHAR(64)              NOT NULL,
    seq            BIGINT                   NOT NULL,
    hash           CHAR(64)                 NOT NULL,
    purged_records BIGINT                   NOT NULL,
    cutoff         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_audit_anchor_chain_seq UNIQUE (chain_id, seq)
);
