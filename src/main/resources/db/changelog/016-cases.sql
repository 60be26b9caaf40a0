--liquibase formatted sql

--changeset cp:016-case
create table child_case (
    id                        uuid          primary key,
    case_number               varchar(30)   not null unique,
    child_id                  uuid          not null references child (id),
    commune_code              varchar(20)   not null references admin_unit (code),
    unit_path                 ltree         not null,
    type                      varchar(10)   not null,
    status                    varchar(30)   not null,
    source_channel            varchar(30)   not null,
    received_at               timestamptz   not null,
    occurred_at               timestamptz,
    occurred_unit_code        varchar(20)   references admin_unit (code),
    summary                   text,
    abuse_forms               jsonb,
    sexual_abuse_subtype      varchar(30),
    setting                   varchar(30),
    perpetrator_relationship  varchar(40),
    injury_mechanism          varchar(30),
    injury_outcome            varchar(30),
    risk_category             varchar(40),
    handling_outcome          varchar(30),
    reporter                  jsonb,
    child_in_danger           boolean       not null,
    risk_level                varchar(10),
    emergency                 boolean,
    emergency_protected_at    timestamptz,
    separation_starts_on      date,
    separation_ends_on        date,
    separation_extension      text,
    separation_ended_on       date,
    review_outcome            varchar(30),
    closure_reason            varchar(30),
    closed_at                 timestamptz,
    plan_version              int           not null default 0,
    submitted_plan_version    int,
    approved_plan_version     int,
    first_submitted_at        timestamptz,
    submitted_at              timestamptz,
    plan_decided_at           timestamptz,
    assigned_officer          text,
    escalated                 boolean       not null default false,
    transfer_to_code          varchar(20)   references admin_unit (code),
    transfer_to_path          ltree,
    version                   bigint        not null default 0,
    created_at                timestamptz   not null,
    created_by                text          not null,
    updated_at                timestamptz   not null,
    constraint child_case_type_ck check (type in ('ABUSE', 'INJURY', 'AT_RISK')),
    constraint child_case_transfer_ck check ((transfer_to_code is null) = (transfer_to_path is null))
);
comment on table child_case is 'A report concerning one child and its handling under Decree 56/2017 (Chapter III)';
comment on column child_case.reporter is 'Who reported: visible only to commune users of the case''s commune (Decree 56 Art. 24)';
comment on column child_case.unit_path is 'Where the case is handled: the child''s village at report time, or the commune a transfer moved it to';
create index child_case_unit_path_gist on child_case using gist (unit_path);
create index child_case_transfer_gist on child_case using gist (transfer_to_path) where transfer_to_path is not null;
create index child_case_received_ix on child_case (received_at desc, id desc);
create index child_case_child_ix on child_case (child_id);

create table case_number_counter (
    commune_code  varchar(20)  not null,
    year          int          not null,
    last_number   int          not null,
    primary key (commune_code, year)
);
comment on table case_number_counter is 'The last case number given per commune and year (case numbers read 2026-06298-0007)';

create table case_deadline (
    case_id  uuid         not null references child_case (id),
    step     varchar(30)  not null,
    due_at   timestamptz  not null,
    met_at   timestamptz,
    primary key (case_id, step)
);
comment on table case_deadline is 'Deadlines computed from the case and the working-day calendar; rewritten whenever either changes';
create index case_deadline_open_ix on case_deadline (due_at) where met_at is null;

create table case_event (
    id           uuid          primary key,
    case_id      uuid          not null references child_case (id),
    seq          bigint        generated always as identity,
    kind         varchar(20)   not null,
    action       varchar(30),
    from_state   varchar(30),
    to_state     varchar(30),
    occurred_at  timestamptz   not null,
    recorded_at  timestamptz   not null,
    recorded_by  text          not null,
    note         text,
    data         jsonb
);
comment on table case_event is 'The timeline of a case: every report, transition, note, plan version and assignment; append-only';
create index case_event_case_ix on case_event (case_id, seq);

create table case_plan_version (
    case_id         uuid          not null references child_case (id),
    number          int           not null,
    items           jsonb         not null,
    total_cost_vnd  bigint        not null,
    note            text,
    created_at      timestamptz   not null,
    created_by      text          not null,
    primary key (case_id, number)
);
comment on table case_plan_version is 'Every version of a case''s support-and-intervention plan (Decree 56 Form 04); never changed once written';

--changeset cp:016-case-append-only splitStatements:false
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are append-only', tg_table_name using errcode = 'restrict_violation';
end;
$$;
create trigger case_event_append_only before update or delete on case_event
    for each row execute function refuse_change();
create trigger case_plan_version_append_only before update or delete on case_plan_version
    for each row execute function refuse_change();

--changeset cp:016-intervention-case-fk
alter table intervention add constraint intervention_case_fk foreign key (case_id) references child_case (id);
