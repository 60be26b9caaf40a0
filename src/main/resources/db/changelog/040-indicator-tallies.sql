--liquibase formatted sql

--changeset cp:040-indicator-tallies
-- What an indicator computation counted, by part, with the stamps it was counted under (ADR 0019,
-- second amendment): kept here as well as in the memory of the instance that counted it, so that
-- after a restart, or on another instance, only the parts written in since are counted again.
create table indicator_tally (
    key       text         primary key,
    tally     bytea        not null,
    saved_at  timestamptz  not null
);
comment on table indicator_tally is 'Counts by part behind computed indicator values, with their stamps (gzipped JSON); deleted 35 days after they were last saved';
