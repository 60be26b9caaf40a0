--liquibase formatted sql

--changeset cp:036-indicator-inputs-per-unit
-- The writes recorded for the indicators' stamps (changelog 035) were folded into one number once
-- a night, so a stamp read every row written since: after a busy day (180,670 rows in the local
-- run) a kept export cost 165 ms to confirm instead of 48 ms. They are now folded every minute into
-- a count per unit named, and only the rows that name no unit into the one number. A unit's stamp
-- adds the counts of the units under it: a row counted once before the fold counts once for each
-- of its units under it after, so no stamp goes down, and the units a fold does not touch keep
-- their stamps (and their kept figures).
create table indicator_input_unit (
    code    text    primary key,
    writes  bigint  not null
);
comment on table indicator_input_unit is 'Folded writes of what indicators read, per unit code named (changelog 036)';
