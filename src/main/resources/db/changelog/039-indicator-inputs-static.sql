--liquibase formatted sql

--changeset cp:039-indicator-inputs-static splitStatements:false
-- The triggers of changelog 035 ran the query naming a write's units with EXECUTE, which
-- PostgreSQL plans afresh at every statement: 0.7 ms for the update of one case, eight times the
-- update itself (a case transition's largest database cost, docs/performance.md). Each table that
-- names units now has a function of its own holding that query as static SQL, whose plan a session
-- keeps: 0.05 ms. The queries are taken from the triggers' arguments, so they stay those of
-- changelog 035; the tables whose writes name no unit keep indicator_input_written().
do $$
declare
    t record;
begin
    for t in select distinct c.relname as tbl,
                    convert_from(substring(tr.tgargs from 1 for length(tr.tgargs) - 1), 'UTF8') as codes
             from pg_trigger tr join pg_class c on c.oid = tr.tgrelid
             where tr.tgfoid = 'indicator_input_written'::regproc and tr.tgnargs = 1
    loop
        execute format($f$
            create function %1$I() returns trigger language plpgsql as $body$
            declare
                codes text[];
            begin
                if tg_op = 'INSERT' then
                    select array_agg(distinct code) into codes from (%2$s) touched (code) where code is not null;
                elsif tg_op = 'UPDATE' then
                    select array_agg(distinct code) into codes from (%2$s union all %3$s) touched (code) where code is not null;
                else
                    select array_agg(distinct code) into codes from (%3$s) touched (code) where code is not null;
                end if;
                if cardinality(codes) > 0 then
                    insert into indicator_input_write (units) values (codes);
                end if;
                return null;
            end $body$ $f$, t.tbl || '_indicator_input', format(t.codes, 'new_rows'), format(t.codes, 'old_rows'));
        execute format('drop trigger %1$s_indicator_input_ins on %1$I; drop trigger %1$s_indicator_input_upd on %1$I;'
                       ' drop trigger %1$s_indicator_input_del on %1$I', t.tbl);
        execute format('create trigger %1$s_indicator_input_ins after insert on %1$I referencing new table as new_rows'
                       ' for each statement execute function %2$I()', t.tbl, t.tbl || '_indicator_input');
        execute format('create trigger %1$s_indicator_input_upd after update on %1$I referencing new table as new_rows'
                       ' old table as old_rows for each statement execute function %2$I()', t.tbl, t.tbl || '_indicator_input');
        execute format('create trigger %1$s_indicator_input_del after delete on %1$I referencing old table as old_rows'
                       ' for each statement execute function %2$I()', t.tbl, t.tbl || '_indicator_input');
    end loop;
end $$;
