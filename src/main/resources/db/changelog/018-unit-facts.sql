--liquibase formatted sql

--changeset cp:018-unit-facts
create table unit_fact (
    unit_code                 varchar(20)  not null references admin_unit (code),
    year                      int          not null,
    child_friendly            boolean,
    play_area                 boolean,
    play_points               int          check (play_points >= 0),
    cultural_sports_facility  boolean,
    protection_committee      boolean,
    safe_community            boolean,
    note                      text,
    version                   bigint       not null default 0,
    updated_at                timestamptz  not null,
    updated_by                text         not null,
    primary key (unit_code, year)
);
comment on table unit_fact is 'What the records cannot answer about a commune or village in a year (recognitions, facilities), for the indicators that use it';
