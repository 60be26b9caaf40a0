--liquibase formatted sql

--changeset cp:035-indicator-inputs splitStatements:false
-- What the indicators read, as a count of the writes that could change them (docs/indicators.md).
-- Every statement that writes a table an indicator reads adds one row naming the units of the
-- records it touched: a record's own unit and, for records of a child, the child's village, so a
-- move counts in both places. A write to the unit tree or to the safe-home checklist names no unit:
-- it may change every unit's figures. Rows are only added; the nightly fold deletes them and adds
-- their number to indicator_input_folded in the same statement.
--
-- The stamp of a unit on a day (IndicatorInputs) is the folded number plus the rows that name one of
-- the units standing under it that day, or no unit. It grows with every committed write that could
-- change the unit's figures and with nothing else that matters, which is what lets a computed
-- export be kept until it does.
create table indicator_input_write (
    seq    bigint  generated always as identity primary key,
    units  text[]  not null
);
comment on table indicator_input_write is 'One row per statement writing what indicators read: the codes of the units it touched, or none for every unit';
-- No index on units: a stamp reads the day's rows once and joins their codes to the unit's (a
-- GIN index asked for a province's 1,571 codes took 0.4 s over 20,000 rows, the join 27 ms).

create table indicator_input_folded (
    singleton  boolean  primary key default true check (singleton),
    writes     bigint   not null
);
insert into indicator_input_folded (writes) values (0);

-- tg_argv[0]: a query of the unit codes a statement touched, with %1$s for its transition table;
-- none: the statement may change every unit's figures.
create function indicator_input_written() returns trigger language plpgsql as $$
declare
    codes text[];
    more text[];
begin
    if tg_nargs = 0 then
        insert into indicator_input_write (units) values ('{}');
        return null;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        execute format('select array_agg(distinct code) from (' || tg_argv[0] || ') touched (code) where code is not null', 'new_rows')
            into codes;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        execute format('select array_agg(distinct code) from (' || tg_argv[0] || ') touched (code) where code is not null', 'old_rows')
            into more;
        codes := array(select distinct c from unnest(coalesce(codes, '{}') || coalesce(more, '{}')) c);
    end if;
    if cardinality(codes) > 0 then
        insert into indicator_input_write (units) values (codes);
    end if;
    return null;
end $$;

-- Three statement triggers per table (a transition table exists only for the events that have it).
create procedure indicator_input_triggers(tbl text, codes text) language plpgsql as $$
declare
    arg text := case when codes is null then '' else quote_literal(codes) end;
begin
    execute format('create trigger %1$s_indicator_input_ins after insert on %1$s referencing new table as new_rows '
                   'for each statement execute function indicator_input_written(%2$s)', tbl, arg);
    execute format('create trigger %1$s_indicator_input_upd after update on %1$s referencing new table as new_rows old table as old_rows '
                   'for each statement execute function indicator_input_written(%2$s)', tbl, arg);
    execute format('create trigger %1$s_indicator_input_del after delete on %1$s referencing old table as old_rows '
                   'for each statement execute function indicator_input_written(%2$s)', tbl, arg);
end $$;

call indicator_input_triggers('child', 'select r.village_code from %1$s r');
call indicator_input_triggers('child_episode',
    'select c.village_code from %1$s r join child c on c.id = r.child_id');
call indicator_input_triggers('child_case',
    'select ltree2text(subpath(r.unit_path, -1)) from %1$s r
     union all select ltree2text(subpath(r.transfer_to_path, -1)) from %1$s r
     union all select r.occurred_unit_code from %1$s r
     union all select c.village_code from %1$s r join child c on c.id = r.child_id');
call indicator_input_triggers('case_deadline',
    'select ltree2text(subpath(cc.unit_path, -1)) from %1$s r join child_case cc on cc.id = r.case_id
     union all select c.village_code from %1$s r join child_case cc on cc.id = r.case_id join child c on c.id = cc.child_id');
call indicator_input_triggers('intervention',
    'select ltree2text(subpath(r.unit_path, -1)) from %1$s r
     union all select c.village_code from %1$s r join child c on c.id = r.child_id');
call indicator_input_triggers('hazard_site', 'select ltree2text(subpath(r.unit_path, -1)) from %1$s r');
call indicator_input_triggers('hazard_measure_event',
    'select ltree2text(subpath(s.unit_path, -1)) from %1$s r join hazard_site s on s.id = r.site_id');
call indicator_input_triggers('household', 'select ltree2text(subpath(r.unit_path, -1)) from %1$s r');
call indicator_input_triggers('household_member',
    'select ltree2text(subpath(h.unit_path, -1)) from %1$s r join household h on h.id = r.household_id
     union all select c.village_code from %1$s r join child c on c.id = r.child_id');
call indicator_input_triggers('safe_home_assessment',
    'select ltree2text(subpath(h.unit_path, -1)) from %1$s r join household h on h.id = r.household_id');
call indicator_input_triggers('awareness_activity', 'select r.unit_code from %1$s r');
call indicator_input_triggers('unit_fact', 'select r.unit_code from %1$s r');
call indicator_input_triggers('admin_unit', null);
call indicator_input_triggers('admin_unit_period', null);
call indicator_input_triggers('safe_home_checklist', null);
call indicator_input_triggers('safe_home_criterion', null);
drop procedure indicator_input_triggers(text, text);
