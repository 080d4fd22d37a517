-- Notifications: one row per recipient and channel of an event, stored in the inbox transaction before any delivery
-- is tried, and a delivery log row per attempt.

create table notification (
    id              bigserial     primary key,
    event_id        varchar(64)   not null,
    event_type      varchar(64)   not null,
    source          varchar(64)   not null,
    party_name      varchar(512)  not null,
    -- the address on the channel: an email address, an inbox owner, or webhook:<subscription id>
    recipient       varchar(512)  not null,
    -- whose inbox and preferences this belongs to: the contact's email or a provider id; null for webhooks
    audience        varchar(512),
    channel         varchar(16)   not null,
    subscription_id uuid,
    target          varchar(2048),
    subject         varchar(1000) not null,
    body_text       text          not null,
    body_html       text,
    -- the exact JSON a webhook receives
    payload         text,
    legally_required boolean      not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    attempt_limit   integer       not null,
    next_attempt_at timestamptz,
    last_error      varchar(2000),
    created_at      timestamptz   not null,
    delivered_at    timestamptz,
    read_at         timestamptz,
    version         bigint        not null default 0,
    -- the same event never reaches the same recipient twice on one channel
    constraint notification_once unique (event_id, recipient, channel)
);
-- the dispatcher only ever looks for due pending rows
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_inbox on notification (audience, created_at) where channel = 'INBOX';

create table delivery_attempt (
    id              bigserial     primary key,
    notification_id bigint        not null references notification (id),
    attempt         integer       not null,
    at              timestamptz   not null,
    outcome         varchar(16)   not null,
    response_code   integer,
    error           varchar(2000),
    duration_ms     bigint        not null
);
create index delivery_attempt_notification on delivery_attempt (notification_id, attempt);

create table webhook_subscription (
    id          uuid          primary key,
    url         varchar(2048) not null,
    secret      varchar(512)  not null,
    -- JSON arrays of event type names and party legal names; empty means all
    event_types text          not null,
    subjects    text          not null,
    created_at  timestamptz   not null,
    created_by  varchar(255)  not null,
    deleted_at  timestamptz
);

create table preference (
    recipient   varchar(512)  not null,
    event_type  varchar(64)   not null,
    -- JSON array of channels (EMAIL, INBOX)
    channels    text          not null,
    updated_at  timestamptz   not null,
    primary key (recipient, event_type)
);

-- contacts registered here for a party, in addition to those an event carries
create table party_contact (
    id          bigserial     primary key,
    party_name  varchar(512)  not null,
    role        varchar(128)  not null,
    name        varchar(255),
    email       varchar(512)  not null,
    created_at  timestamptz   not null,
    constraint party_contact_once unique (party_name, email)
);

-- admin overrides of the bundled templates, by the same name
create table template_override (
    name        varchar(255)  primary key,
    content     text          not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(255)  not null,
    version     bigint        not null default 0
);
