--liquibase formatted sql

--changeset cp:021-plans
create table plan (
    id               uuid          primary key,
    commune_code     varchar(20)   not null references admin_unit (code),
    unit_path        ltree         not null,
    year             int           not null,
    document_number  varchar(60),
    title            text          not null,
    adopted_on       date,
    status           varchar(10)   not null,
    note             text,
    version          bigint        not null default 0,
    created_at       timestamptz   not null,
    created_by       text          not null,
    updated_at       timestamptz   not null,
    constraint plan_commune_year_uk unique (commune_code, year),
    constraint plan_status_ck check (status in ('DRAFT', 'ADOPTED', 'CLOSED')),
    constraint plan_adopted_ck check (status = 'DRAFT' or adopted_on is not null)
);
comment on table plan is 'The annual child-work plan of a commune (Kế hoạch công tác trẻ em): one per commune and year';
create index plan_unit_path_gist on plan using gist (unit_path);

create table plan_target (
    id                uuid           primary key,
    plan_id           uuid           not null references plan (id),
    position          int            not null,
    description       text           not null,
    measure_kind      varchar(10)    not null,
    indicator_key     varchar(60),
    filter_dimension  varchar(30),
    filter_category   varchar(40),
    target_value      numeric(18, 2) not null,
    unit              varchar(10)    not null,
    comparison        varchar(10)    not null,
    set_by_district   boolean        not null,
    deleted_at        timestamptz,
    version           bigint         not null default 0,
    created_at        timestamptz    not null,
    created_by        text           not null,
    updated_at        timestamptz    not null,
    constraint plan_target_measure_ck check ((measure_kind = 'INDICATOR') = (indicator_key is not null)),
    constraint plan_target_filter_ck check ((filter_dimension is null) = (filter_category is null))
);
comment on table plan_target is 'A target of a plan, measured by an indicator of the catalogue or by manually reported values';
create index plan_target_plan_ix on plan_target (plan_id, position);

create table target_value_report (
    id           uuid           primary key,
    target_id    uuid           not null references plan_target (id),
    reported_on  date           not null,
    value        numeric(18, 2) not null,
    evidence     text           not null,
    reporter     text           not null,
    recorded_at  timestamptz    not null,
    recorded_by  text           not null
);
comment on table target_value_report is 'Values reported for a manual target, with their evidence; append-only';
create index target_value_report_target_ix on target_value_report (target_id, reported_on desc, recorded_at desc);
create trigger target_value_report_append_only before update or delete on target_value_report
    for each row execute function refuse_change();

--changeset cp:021-reporting-periods
create table reporting_period (
    year      int           not null,
    kind      varchar(10)   not null,
    starts_on date          not null,
    cut_off   date          not null,
    due_on    date          not null,
    updated_at timestamptz  not null,
    updated_by text         not null,
    primary key (year, kind),
    constraint reporting_period_kind_ck check (kind in ('SIX_MONTH', 'ANNUAL')),
    constraint reporting_period_dates_ck check (starts_on <= cut_off and cut_off < due_on)
);
comment on table reporting_period is 'Reporting periods an admin configured for a year; a year without rows uses the defaults (10 May and 10 November)';

--changeset cp:021-periodic-reports
create table periodic_report (
    id              uuid          primary key,
    commune_code    varchar(20)   not null references admin_unit (code),
    unit_path       ltree         not null,
    year            int           not null,
    kind            varchar(10)   not null,
    status          varchar(10)   not null,
    results         text,
    difficulties    text,
    proposals       text,
    first_submitted_at timestamptz,
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    created_by      text          not null,
    updated_at      timestamptz   not null,
    constraint periodic_report_uk unique (commune_code, year, kind),
    constraint periodic_report_status_ck check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'))
);
comment on table periodic_report is 'A commune''s 6-month or annual report to the district: the narrative being drafted and where it stands';
create index periodic_report_unit_path_gist on periodic_report using gist (unit_path);

create table periodic_report_version (
    report_id     uuid          not null references periodic_report (id),
    number        int           not null,
    submitted_at  timestamptz   not null,
    submitted_by  text          not null,
    body          jsonb         not null,
    primary key (report_id, number)
);
comment on table periodic_report_version is 'Each submission: the narrative and the frozen snapshot of indicator values, target progress and awareness work; append-only';
create trigger periodic_report_version_append_only before update or delete on periodic_report_version
    for each row execute function refuse_change();

create table periodic_report_review (
    report_id     uuid          not null,
    number        int           not null,
    outcome       varchar(10)   not null,
    comment       text,
    reviewed_at   timestamptz   not null,
    reviewed_by   text          not null,
    primary key (report_id, number),
    foreign key (report_id, number) references periodic_report_version (report_id, number),
    constraint periodic_report_review_outcome_ck check (outcome in ('ACCEPTED', 'RETURNED'))
);
comment on table periodic_report_review is 'The district''s decision on a submitted version; append-only';
create trigger periodic_report_review_append_only before update or delete on periodic_report_review
    for each row execute function refuse_change();
