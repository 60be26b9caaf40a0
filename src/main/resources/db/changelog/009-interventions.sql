--liquibase formatted sql

--changeset cp:009-intervention-batch
create table intervention_batch (
    id          uuid         primary key,
    title       text         not null,
    unit_path   ltree        not null,
    size        int          not null,
    created_at  timestamptz  not null,
    created_by  text         not null
);
comment on table intervention_batch is 'A group activity (swimming class, children''s forum, gifts) recorded for many children at once';

--changeset cp:009-intervention
create table intervention (
    id                       uuid         primary key,
    child_id                 uuid         not null references child (id),
    case_id                  uuid,
    batch_id                 uuid         references intervention_batch (id),
    unit_path                ltree        not null,
    type                     varchar(40)  not null,
    protection_level         varchar(20)  not null,
    provider                 text,
    provider_search          text,
    funding_source           varchar(30),
    amount_vnd               bigint,
    monthly_amount_vnd       bigint,
    allowance_group          varchar(40),
    start_date               date         not null,
    end_date                 date,
    status                   varchar(12)  not null,
    outcome                  text,
    cancellation_reason      text,
    plan_deviation_reason    text,
    note                     text,
    version                  bigint       not null default 0,
    created_at               timestamptz  not null,
    created_by               text         not null,
    updated_at               timestamptz  not null,
    constraint intervention_status_ck check (status in ('PLANNED', 'ONGOING', 'COMPLETED', 'CANCELLED')),
    constraint intervention_dates_ck check (end_date is null or end_date >= start_date),
    constraint intervention_amounts_ck check ((amount_vnd is null or amount_vnd >= 0) and (monthly_amount_vnd is null or monthly_amount_vnd >= 0)),
    constraint intervention_allowance_ck check ((type = 'SOCIAL_ALLOWANCE') = (allowance_group is not null))
);
comment on table intervention is 'One support service for one child (Law on Children Arts. 48-50), optionally within a case';
comment on column intervention.case_id is 'the case of the same child this support belongs to; the cases feature adds the foreign key';
comment on column intervention.unit_path is 'the child''s village path when the support was recorded; scope checks use it';
create index intervention_child_ix on intervention (child_id, start_date);
create index intervention_unit_path_gist on intervention using gist (unit_path);
create index intervention_start_ix on intervention (start_date desc, id desc);
create index intervention_case_ix on intervention (case_id) where case_id is not null;
create index intervention_batch_ix on intervention (batch_id) where batch_id is not null;

--changeset cp:009-social-assistance-rate
create table social_assistance_rate (
    valid_from   date         primary key,
    monthly_vnd  bigint       not null check (monthly_vnd > 0),
    legal_ref    text         not null,
    confirmed    boolean      not null,
    created_at   timestamptz  not null default now(),
    created_by   text         not null default 'seed'
);
comment on table social_assistance_rate is 'Standard social-assistance rate (mức chuẩn trợ giúp xã hội), effective-dated: each row holds from valid_from until the next row';
insert into social_assistance_rate (valid_from, monthly_vnd, legal_ref, confirmed) values
    ('2021-07-01', 360000, 'Decree 20/2021/NĐ-CP Art. 4(2)', true),
    ('2024-07-01', 500000, 'Decree 76/2024/NĐ-CP amending Decree 20/2021 (widely reported; source text not checked for this seed: confirm)', false);
