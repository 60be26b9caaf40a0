--liquibase formatted sql

--changeset cp:030-unit-positions splitStatements:false
-- Where every unit stands on a day: a unit in force stands at the path of its period on that day; a
-- unit retired before that day stands where its successor stands (transitively), so the records of a
-- retired village or commune count toward the unit that took it over for every date after the change.
-- Units not yet in force on the day stand nowhere. Every read of unit membership for a date (indicator
-- counts, report units, scopes) goes through this function, so they cannot disagree. Successor chains
-- cannot loop: a successor must be in force the day after its predecessor's last day.
create function unit_positions(on_day date)
returns table (code varchar, level varchar, path ltree, in_force boolean)
    language sql stable as $$
    with recursive placed(code, level, path, in_force) as (
        select u.code, u.level, p.path, true
        from admin_unit u join admin_unit_period p on p.unit_id = u.id
        where (p.valid_from is null or p.valid_from <= on_day) and (p.valid_to is null or p.valid_to >= on_day)
        union all
        select u.code, u.level, placed.path, false
        from admin_unit u join placed on u.successor_code = placed.code
        where u.valid_to < on_day
    )
    select code, level, path, in_force from placed
$$;
comment on function unit_positions(date) is 'Every unit''s path on a day: its own while in force, its successor''s after its retirement';
