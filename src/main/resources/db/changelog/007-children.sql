--liquibase formatted sql

--changeset cp:007-search-extensions
-- pg_trgm: name search by substring; btree_gist: episodes of one group may not overlap.
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

--changeset cp:007-child
create table child (
    id                         uuid         primary key,
    personal_id                varchar(12),
    full_name                  text         not null,
    search_name                text         not null,
    sort_name                  text         not null,
    date_of_birth              date         not null,
    birth_date_estimated       boolean      not null default false,
    sex                        varchar(10)  not null,
    ethnicity                  varchar(20),
    village_code               varchar(20)  not null references admin_unit (code),
    unit_path                  ltree        not null,
    address                    text,
    poverty_status             varchar(20),
    birth_registered_on        date,
    health_insurance_card      varchar(20),
    school_status              varchar(30),
    disability_level           varchar(20),
    parents_status             varchar(30),
    caregivers                 jsonb        not null default '[]',
    caregiver_phones           text[]       not null default '{}',
    continuing_support_reason  text,
    external_ref               varchar(100),
    note                       text,
    status                     varchar(10)  not null default 'ACTIVE',
    status_date                date,
    status_note                text,
    moved_to_unit_code         varchar(20)  references admin_unit (code),
    merged_into_id             uuid         references child (id),
    version                    bigint       not null default 0,
    created_at                 timestamptz  not null,
    created_by                 text         not null,
    updated_at                 timestamptz  not null,
    constraint child_personal_id_ck check (personal_id ~ '^[0-9]{12}$'),
    constraint child_status_ck check (status in ('ACTIVE', 'MOVED_AWAY', 'DECEASED', 'MERGED')),
    constraint child_merged_ck check ((status = 'MERGED') = (merged_into_id is not null))
);
comment on table child is 'Children known to the commune (trẻ em); personal data under Decree 13/2023 and Law 91/2025';
comment on column child.search_name is 'full_name without diacritics, lower case: the search key';
comment on column child.sort_name is 'given name first (Vietnamese lists sort by tên), then the search key';
comment on column child.unit_path is 'path of the village when the record was last placed there; scope checks use it';
comment on column child.caregiver_phones is 'normalized phone numbers of the caregivers, for duplicate detection';
create unique index child_personal_id_uk on child (personal_id) where personal_id is not null;
create unique index child_external_ref_uk on child (external_ref) where external_ref is not null;
create index child_search_name_trgm on child using gin (search_name gin_trgm_ops);
create index child_unit_path_gist on child using gist (unit_path);
create index child_sort_name_ix on child (sort_name, id);
create index child_birth_ix on child (date_of_birth, id);
create index child_updated_ix on child (updated_at, id);
create index child_name_birth_ix on child (search_name, date_of_birth);
create index child_caregiver_phones_gin on child using gin (caregiver_phones);
create index child_village_ix on child (village_code);
create index child_merged_into_ix on child (merged_into_id) where merged_into_id is not null;

create table child_episode (
    id          uuid         primary key,
    child_id    uuid         not null references child (id),
    kind        varchar(12)  not null,
    code        varchar(30)  not null,
    subcode     varchar(30),
    start_date  date         not null,
    end_date    date,
    end_reason  text,
    note        text,
    version     bigint       not null default 0,
    created_at  timestamptz  not null,
    created_by  text         not null,
    updated_at  timestamptz  not null,
    constraint child_episode_kind_ck check (kind in ('CIRCUMSTANCE', 'RISK')),
    constraint child_episode_dates_ck check (end_date is null or end_date >= start_date),
    constraint child_episode_no_overlap exclude using gist (
        child_id with =, kind with =, code with =, daterange(start_date, end_date, '[]') with &&)
);
comment on table child_episode is 'Spans in a special-circumstance group (Law on Children Art. 10) or at risk; indicators use the spans, never a flag';
create index child_episode_child_ix on child_episode (child_id);
create index child_episode_code_ix on child_episode (kind, code, start_date);

create table child_consent (
    id                 uuid         primary key,
    child_id           uuid         not null references child (id),
    giver              varchar(20)  not null,
    giver_name         text         not null,
    relationship       varchar(30),
    given_on           date         not null,
    scopes             text[]       not null,
    note               text,
    recorded_by        text         not null,
    recorded_at        timestamptz  not null,
    withdrawn_on       date,
    withdrawal_reason  text,
    withdrawn_by       text,
    version            bigint       not null default 0,
    constraint child_consent_giver_ck check (giver in ('CHILD', 'PARENT_OR_GUARDIAN')),
    constraint child_consent_withdrawal_ck check (withdrawn_on is null or withdrawn_on >= given_on)
);
comment on table child_consent is 'Consent of the child (aged 7 or over) and of a parent or guardian, per purpose (Decree 13/2023 Art. 20)';
create index child_consent_child_ix on child_consent (child_id);

--changeset cp:007-current-parent-code splitStatements:false
-- The unit a unit sits under today (or last sat under): villages of a merged commune report to its successor.
create function current_parent_code(unit_code varchar) returns varchar
    language sql stable as $$
    select p.parent_code from admin_unit u join admin_unit_period p on p.unit_id = u.id
    where u.code = unit_code
    order by p.valid_from desc nulls last
    limit 1
$$;
