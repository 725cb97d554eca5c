-- Values that must be unique across aggregates (e-mail addresses, SKUs), claimed in the command's transaction.
CREATE TABLE unique_claim (
    scope         varchar(32)  NOT NULL,
    claimed_value varchar(320) NOT NULL,
    owner_id      varchar(64)  NOT NULL,
    claimed_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, claimed_value)
);

-- First answers to POSTs sent with an Idempotency-Key, replayed to retries.
CREATE TABLE idempotency_record (
    idempotency_key varchar(200) NOT NULL PRIMARY KEY,
    fingerprint     char(64)     NOT NULL,
    status          integer      NOT NULL,
    headers         text         NOT NULL,
    body            bytea        NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
