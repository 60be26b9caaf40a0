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

--changeset cp:018-demo-unit-facts context:demo-records
-- Facts of the demo communes and villages for 2024 and 2025 (local run only): about half of An Sơn's
-- villages with a cultural or sports facility for children, Yên Phúc recognised child-friendly.
insert into unit_fact (unit_code, year, cultural_sports_facility, note, updated_at, updated_by)
select u.code, y.year, (substring(u.code from 7)::int % 2 = 0) or y.year = 2025 and substring(u.code from 7)::int % 3 = 0,
       'Demo fact', now(), 'demo-seed'
from admin_unit u cross join (values (2024), (2025)) y(year)
where u.code like '06283\___' escape '\';
insert into unit_fact (unit_code, year, child_friendly, play_area, play_points, protection_committee, safe_community, note,
                       updated_at, updated_by)
values ('06283', 2024, false, true, 1, true, false, 'Demo fact', now(), 'demo-seed'),
       ('06298', 2024, true, true, 2, true, false, 'Demo fact', now(), 'demo-seed'),
       ('06298', 2025, true, true, 3, true, true, 'Demo fact', now(), 'demo-seed');
