-- Axon Framework's JPA tables: the event store (source of truth), snapshots, tracking tokens, sagas and
-- dead letters. Binary columns are bytea (see ByteaPostgreSQLDialect); sequences allocate one value at a time
-- (see META-INF/orm.xml) so the global index has no gaps from restarts.

CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1 CACHE 1;

CREATE TABLE domain_event_entry (
    global_index         bigint       NOT NULL PRIMARY KEY,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255),
    payload_type         varchar(255) NOT NULL,
    payload_revision     varchar(255),
    payload              bytea        NOT NULL,
    meta_data            bytea,
    time_stamp           varchar(255) NOT NULL,
    -- Optimistic concurrency across command-api replicas: two appends of the same version cannot both commit.
    CONSTRAINT domain_event_entry_aggregate_sequence_key UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    payload_type         varchar(255) NOT NULL,
    payload_revision     varchar(255),
    payload              bytea        NOT NULL,
    meta_data            bytea,
    time_stamp           varchar(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number, type)
);

CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    owner          varchar(255),
    "timestamp"    varchar(255) NOT NULL,
    token          bytea,
    token_type     varchar(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE saga_entry (
    saga_id         varchar(255) NOT NULL PRIMARY KEY,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga bytea
);

CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 1 CACHE 1;

CREATE TABLE association_value_entry (
    id                bigint       NOT NULL PRIMARY KEY,
    association_key   varchar(255) NOT NULL,
    association_value varchar(255),
    saga_id           varchar(255) NOT NULL,
    saga_type         varchar(255)
);
CREATE INDEX association_value_entry_saga_idx ON association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_lookup_idx ON association_value_entry (saga_type, association_key, association_value);

CREATE TABLE dead_letter_entry (
    dead_letter_id      varchar(255)   NOT NULL PRIMARY KEY,
    processing_group    varchar(255)   NOT NULL,
    sequence_identifier varchar(255)   NOT NULL,
    sequence_index      bigint         NOT NULL,
    message_type        varchar(255)   NOT NULL,
    event_identifier    varchar(255)   NOT NULL,
    time_stamp          varchar(255)   NOT NULL,
    payload_type        varchar(255)   NOT NULL,
    payload_revision    varchar(255),
    payload             bytea          NOT NULL,
    meta_data           bytea,
    aggregate_identifier varchar(255),
    sequence_number     bigint,
    type                varchar(255),
    token_type          varchar(255),
    token               bytea,
    enqueued_at         timestamp(6) with time zone NOT NULL,
    last_touched        timestamp(6) with time zone,
    processing_started  timestamp(6) with time zone,
    cause_type          varchar(255),
    cause_message       varchar(1023),
    diagnostics         bytea,
    CONSTRAINT dead_letter_entry_sequence_key UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);
