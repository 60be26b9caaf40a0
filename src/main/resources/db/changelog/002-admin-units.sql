--liquibase formatted sql

--changeset cp:002-admin-unit
create table admin_unit (
    id              uuid primary key,
    code            varchar(20)  not null,
    level           varchar(10)  not null,
    valid_from      date,
    valid_to        date,
    successor_code  varchar(20),
    demo            boolean      not null default false,
    note            text,
    version         bigint       not null default 0,
    updated_at      timestamptz  not null default now(),
    constraint admin_unit_code_uk unique (code),
    constraint admin_unit_code_ck check (code ~ '^[A-Za-z0-9_]{2,20}$'),
    constraint admin_unit_level_ck check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE')),
    constraint admin_unit_validity_ck check (valid_to is null or valid_from is null or valid_to >= valid_from),
    constraint admin_unit_successor_fk foreign key (successor_code) references admin_unit (code),
    constraint admin_unit_successor_ck check (successor_code is null or valid_to is not null)
);
comment on table admin_unit is 'Administrative units (đơn vị hành chính); codes are Statistics Office codes, villages have local codes';

create table admin_unit_period (
    id           uuid primary key,
    unit_id      uuid         not null references admin_unit (id),
    valid_from   date,
    valid_to     date,
    name         text         not null,
    kind         text         not null,
    search_name  text         not null,
    parent_code  varchar(20)  references admin_unit (code),
    path         ltree        not null,
    constraint admin_unit_period_validity_ck check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
comment on table admin_unit_period is 'A span during which a unit had one name, kind and parent, hence one path';
create index admin_unit_period_unit_ix on admin_unit_period (unit_id);
create index admin_unit_period_parent_ix on admin_unit_period (parent_code);
create index admin_unit_period_path_gist on admin_unit_period using gist (path);
