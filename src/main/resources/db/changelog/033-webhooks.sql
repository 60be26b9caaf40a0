--liquibase formatted sql

--changeset cp:033-webhooks
-- Webhooks (docs/sync.md): systems that prefer push register a URL; the service posts a signed
-- CloudEvent for each change of the types asked (from change_log, in its order) and for Decree 56
-- deadlines falling due or passed. An event names the record, never its content: the receiver reads
-- it through the API with its own credentials, so scope, masking and the read audit hold.
create table webhook (
    id          uuid          primary key,
    url         text          not null,
    types       text[]        not null,
    unit_code   varchar(20)   references admin_unit (code),
    unit_path   ltree,
    secret      bytea         not null check (length(secret) >= 32),
    after_tx    xid8          not null,
    after_seq   bigint        not null,
    created_at  timestamptz   not null,
    created_by  text          not null,
    removed_at  timestamptz,
    constraint webhook_url_ck check (url ~ '^https?://')
);
comment on table webhook is 'Receivers of signed CloudEvents; after_tx/after_seq is how far into change_log events were queued';

create table webhook_delivery (
    id               uuid          primary key,
    webhook_id       uuid          not null references webhook (id),
    event_type       text          not null,
    payload          jsonb         not null,
    status           varchar(10)   not null default 'PENDING',
    attempts         int           not null default 0,
    next_attempt_at  timestamptz   not null,
    last_status      int,
    last_error       text,
    created_at       timestamptz   not null,
    delivered_at     timestamptz,
    constraint webhook_delivery_status_ck check (status in ('PENDING', 'DELIVERED', 'FAILED'))
);
comment on table webhook_delivery is 'Each event for each webhook, with its attempts: at least once, retried with back-off';
create index webhook_delivery_due_ix on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_hook_ix on webhook_delivery (webhook_id, created_at desc, id desc);

-- A deadline raises each event once: when it falls due within the window, and when it has passed.
create table case_deadline_event (
    case_id    uuid          not null references child_case (id),
    step       varchar(30)   not null,
    event      varchar(10)   not null,
    due_at     timestamptz   not null,
    raised_at  timestamptz   not null,
    primary key (case_id, step, event),
    constraint case_deadline_event_ck check (event in ('DUE_SOON', 'OVERDUE'))
);
comment on table case_deadline_event is 'Deadline events raised for webhooks, once each';
