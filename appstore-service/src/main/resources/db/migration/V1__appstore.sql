-- The app store's own records: developers and their listings, reports, review cases, decisions with their
-- statement of reasons, appeals, external rulings, and every peer signal received with how it matched.

create table developer (
    id             bigserial primary key,
    legal_name     varchar(300) not null,
    -- lower-cased, punctuation-free form used to match peers' parties and to refuse duplicates
    legal_name_key varchar(300) not null unique,
    created_at     timestamptz  not null,
    version        bigint       not null default 0
);

create table developer_domain (
    developer_id bigint       not null references developer (id),
    domain       varchar(253) not null,
    primary key (developer_id, domain)
);
create index developer_domain_by_domain on developer_domain (domain);

create table developer_contact (
    developer_id bigint       not null references developer (id),
    role         varchar(100) not null,
    name         varchar(200),
    email        varchar(320) not null
);

create table listing (
    id                 bigserial primary key,
    developer_id       bigint       not null references developer (id),
    app_name           varchar(200) not null,
    bundle_id          varchar(255) not null unique,
    platform           varchar(16)  not null,
    app_version        varchar(64)  not null,
    hosts_user_content boolean      not null,
    status             varchar(20)  not null,
    created_at         timestamptz  not null,
    status_changed_at  timestamptz  not null,
    version            bigint       not null default 0
);
create index listing_by_developer on listing (developer_id);

create table review_case (
    id                       bigserial primary key,
    review_id                varchar(64)  not null unique,
    listing_id               bigint       not null references listing (id),
    state                    varchar(32)  not null,
    trigger_kind             varchar(32)  not null,
    priority                 varchar(16)  not null,
    assignee                 varchar(255),
    sla_deadline             timestamptz  not null,
    remediation_deadline     timestamptz,
    remediation_policy_ids   text,
    remediation_instructions text,
    developer_response       text,
    developer_responded_at   timestamptz,
    escalated                boolean      not null default false,
    sla_breached             boolean      not null default false,
    remediation_expired      boolean      not null default false,
    escalated_at             timestamptz,
    peer_provider            varchar(64),
    peer_decision_id         varchar(64),
    peer_event_id            varchar(64),
    matched_by               text,
    peer_statement           text,
    subject_decision_id      varchar(64),
    opened_at                timestamptz  not null,
    concluded_at             timestamptz,
    concluded_by             varchar(255),
    peer_opinion             varchar(32),
    outcome_decision_id      varchar(64),
    version                  bigint       not null default 0
);
create index review_case_by_listing on review_case (listing_id);
create index review_case_open on review_case (state) where state <> 'CONCLUDED';
-- a peer decision opens at most one case per listing, whatever the broker or the peer repeats
create unique index review_case_peer_once on review_case (listing_id, peer_decision_id) where trigger_kind = 'PEER_SIGNAL';
-- a peer reversal opens at most one re-review of each of our decisions
create unique index review_case_reversal_once on review_case (subject_decision_id, peer_decision_id) where trigger_kind = 'REVERSAL';

create table report (
    id              bigserial primary key,
    listing_id      bigint        not null references listing (id),
    reporter        varchar(255)  not null,
    source          varchar(32)   not null,
    category        varchar(64)   not null,
    content_url     varchar(2000) not null,
    excerpt         varchar(2000),
    evidence_sha256 varchar(64),
    observed_at     timestamptz,
    description     text,
    received_at     timestamptz   not null,
    review_case_id  bigint        references review_case (id),
    -- the same reporter reporting the same content of the same listing is one report
    unique (listing_id, reporter, content_url)
);

create table store_decision (
    id                   bigserial primary key,
    decision_id          varchar(64)  not null unique,
    review_case_id       bigint       not null references review_case (id),
    listing_id           bigint       not null references listing (id),
    action               varchar(32)  not null,
    category             varchar(64),
    policy_ids           text         not null,
    facts                text         not null,
    statement            text         not null,
    peer_opinion         varchar(32),
    opinion_rationale    text,
    relied_on_peer_only  boolean      not null,
    published            boolean      not null,
    status               varchar(16)  not null,
    remediation_deadline timestamptz,
    appeal_deadline      timestamptz,
    decided_by           varchar(255) not null,
    decided_at           timestamptz  not null,
    reversed_at          timestamptz,
    reversal_reason      varchar(32),
    version              bigint       not null default 0
);
create index store_decision_by_listing on store_decision (listing_id);

create table decision_based_on (
    decision_pk      bigint      not null references store_decision (id),
    peer_decision_id varchar(64) not null,
    primary key (decision_pk, peer_decision_id)
);
create index decision_based_on_by_peer on decision_based_on (peer_decision_id);

create table decision_evidence (
    decision_pk bigint        not null references store_decision (id),
    uri         varchar(2000) not null,
    sha256      varchar(64)   not null,
    excerpt     varchar(2000),
    observed_at timestamptz
);

create table appeal (
    id              bigserial primary key,
    decision_pk     bigint       not null unique references store_decision (id),
    review_case_id  bigint       references review_case (id),
    grounds         text         not null,
    filed_by        varchar(255) not null,
    filed_at        timestamptz  not null,
    state           varchar(16)  not null,
    outcome_reasons text,
    decided_by      varchar(255),
    decided_at      timestamptz,
    version         bigint       not null default 0
);

create table ruling (
    id                   bigserial primary key,
    decision_pk          bigint       not null references store_decision (id),
    kind                 varchar(32)  not null,
    body                 varchar(300) not null,
    reference            varchar(300) not null,
    orders_reinstatement boolean      not null,
    summary              text         not null,
    recorded_by          varchar(255) not null,
    recorded_at          timestamptz  not null,
    complied             boolean      not null
);

create table peer_signal (
    id               bigserial primary key,
    event_id         varchar(64)  not null unique,
    event_type       varchar(32)  not null,
    peer_provider    varchar(64)  not null,
    peer_decision_id varchar(64)  not null,
    peer_action      varchar(32),
    party_legal_name varchar(300) not null,
    outcome          varchar(16)  not null,
    note             varchar(1000),
    matches          text         not null,
    received_at      timestamptz  not null
);
create index peer_signal_by_outcome on peer_signal (outcome);
