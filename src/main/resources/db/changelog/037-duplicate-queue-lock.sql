--liquibase formatted sql

--changeset cp:037-duplicate-queue-lock splitStatements:false
-- A change to a child already queued for pairing (changelog 034) left the queue's row as it was
-- (on conflict do nothing), without locking it. A refresh could then take that row, read the child
-- as it was before the change (not yet committed), and commit: the change committed after it found
-- the queue empty, and the pairs kept what the child no longer was until its next change. The
-- change now locks the queued row (a no-op update) until it commits; a refresh leaves a locked row
-- for the next one (ChildRepository.refreshDuplicatePairs), which reads the child as changed.
create or replace function child_duplicate_queue() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into child_duplicate_check (child_id) select n.id from new_rows n
        on conflict (child_id) do update set child_id = excluded.child_id;
    elsif tg_op = 'UPDATE' then
        insert into child_duplicate_check (child_id)
        select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.search_name, n.date_of_birth, n.caregiver_phones, n.status)
              is distinct from (o.search_name, o.date_of_birth, o.caregiver_phones, o.status)
        on conflict (child_id) do update set child_id = excluded.child_id;
    else
        delete from child_duplicate
        where first_id in (select id from old_rows) or second_id in (select id from old_rows);
        delete from child_duplicate_check where child_id in (select id from old_rows);
    end if;
    return null;
end $$;
