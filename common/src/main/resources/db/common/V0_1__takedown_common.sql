-- Tables every service shares through the common module: the outbox, the inbox, refused messages,
-- idempotent POSTs and the audit log. Service migrations start at V1.

create sequence outbox_event_seq increment by 50;
create table outbox_event (
    seq         bigint primary key,
    event_id    varchar(64)  not null unique,
    type        varchar(128) not null,
    subject     varchar(512) not null,
    envelope    text         not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz,
    attempts    integer      not null default 0,
    last_error  varchar(2000)
);
-- the relay only ever looks for unsent rows
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

create table inbox_event (
    event_id    varchar(64)  primary key,
    source      varchar(64)  not null,
    type        varchar(128) not null,
    received_at timestamptz  not null,
    lag_ms      bigint
);

create table dead_letter (
    id          bigserial primary key,
    event_id    varchar(255),
    source      varchar(255),
    type        varchar(255),
    reason      varchar(1000) not null,
    body        text,
    received_at timestamptz not null
);

create table idempotency_record (
    caller          varchar(255) not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    status          integer      not null,
    response_body   text,
    location        varchar(2000),
    created_at      timestamptz  not null,
    primary key (caller, idempotency_key)
);

create sequence audit_entry_seq increment by 50;
create table audit_entry (
    id          bigint primary key,
    at          timestamptz  not null,
    actor       varchar(255) not null,
    action      varchar(128) not null,
    entity_type varchar(64)  not null,
    entity_id   varchar(255) not null,
    details     text
);
create index audit_entry_entity on audit_entry (entity_type, entity_id);
