--liquibase formatted sql

--changeset cp:011-hazard-sites
create table hazard_site (
    id            uuid          primary key,
    village_code  varchar(20)   not null references admin_unit (code),
    unit_path     ltree         not null,
    kind          varchar(30)   not null,
    description   text          not null,
    latitude      numeric(9, 6),
    longitude     numeric(9, 6),
    risk_level    varchar(10)   not null,
    surveyed_on   date          not null,
    note          text,
    version       bigint        not null default 0,
    created_at    timestamptz   not null,
    created_by    text          not null,
    updated_at    timestamptz   not null,
    constraint hazard_site_coordinates_ck check ((latitude is null) = (longitude is null)),
    constraint hazard_site_latitude_ck check (latitude between -90 and 90),
    constraint hazard_site_longitude_ck check (longitude between -180 and 180)
);
comment on table hazard_site is 'Places where children may drown (ponds, streams, wells...), surveyed before each summer';
create index hazard_site_unit_path_gist on hazard_site using gist (unit_path);
create index hazard_site_village_ix on hazard_site (village_code, id);

create table hazard_inspection (
    id            uuid          primary key,
    site_id       uuid          not null references hazard_site (id),
    inspected_on  date          not null,
    inspector     text          not null,
    findings      text,
    created_at    timestamptz   not null,
    created_by    text          not null
);
create index hazard_inspection_site_ix on hazard_inspection (site_id, inspected_on desc);

create table hazard_measure_event (
    id             uuid          primary key,
    site_id        uuid          not null references hazard_site (id),
    measure        varchar(30)   not null,
    status         varchar(10)   not null,
    on_date        date          not null,
    inspection_id  uuid          references hazard_inspection (id),
    recorded_at    timestamptz   not null,
    recorded_by    text          not null,
    constraint hazard_measure_event_status_ck check (status in ('NEEDED', 'INSTALLED', 'DAMAGED'))
);
comment on table hazard_measure_event is 'Append-only history of each mitigation measure: its state on a date is its latest event up to that date';
create index hazard_measure_event_site_ix on hazard_measure_event (site_id, measure, on_date desc, recorded_at desc);
