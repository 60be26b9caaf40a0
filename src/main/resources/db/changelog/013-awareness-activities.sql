--liquibase formatted sql

--changeset cp:013-awareness-activity
create table awareness_activity (
    id              uuid          primary key,
    unit_code       varchar(20)   not null references admin_unit (code),
    unit_path       ltree         not null,
    held_on         date          not null,
    channel         varchar(30)   not null,
    topics          text[]        not null,
    title           text          not null,
    organiser       text          not null,
    adults_reached  int           not null default 0 check (adults_reached >= 0),
    girls_reached   int           not null default 0 check (girls_reached >= 0),
    boys_reached    int           not null default 0 check (boys_reached >= 0),
    note            text,
    created_at      timestamptz   not null,
    created_by      text          not null
);
comment on table awareness_activity is 'Awareness work (loudspeakers, meetings, school sessions...) with its topics and reach';
create index awareness_activity_unit_path_gist on awareness_activity using gist (unit_path);
create index awareness_activity_held_ix on awareness_activity (held_on desc, id desc);
create index awareness_activity_topics_gin on awareness_activity using gin (topics);
