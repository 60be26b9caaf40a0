--liquibase formatted sql

--changeset cp:034-duplicate-pairs splitStatements:false
-- Likely duplicate records (docs/children.md): two records of one name (folded) with the same date
-- of birth or a caregiver phone in common. The list of pairs read them from here instead of pairing
-- every child of the caller's area with the others of its name (0.5 s for a district of 30,000
-- children where pairs are rare). Whether a same-birth pair lies in one commune depends on the unit
-- tree on the day it is read, so that is checked when the list is read, with the rest of the rule.
--
-- A write to a child only queues the record (child_duplicate_check, in the writer's transaction);
-- ChildRepository.refreshDuplicatePairs pairs the queued records again against committed data, one
-- refresh at a time (an advisory lock), when the list is read and every few seconds. Writers never
-- wait on it: neither table has a foreign key (a deleted child's pairs go with it by trigger).
create table child_duplicate (
    first_id   uuid  not null,
    second_id  uuid  not null,
    primary key (first_id, second_id),
    constraint child_duplicate_order_ck check (first_id < second_id)
);
comment on table child_duplicate is 'Pairs of records with one folded name and the same birth date or a caregiver phone in common (first_id < second_id)';
create index child_duplicate_second_ix on child_duplicate (second_id);

create table child_duplicate_check (
    child_id  uuid  primary key
);
comment on table child_duplicate_check is 'Records whose pairs in child_duplicate must be found again: written with every change of name, birth date, phones or status';

create function child_duplicate_queue() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into child_duplicate_check (child_id) select n.id from new_rows n on conflict do nothing;
    elsif tg_op = 'UPDATE' then
        insert into child_duplicate_check (child_id)
        select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.search_name, n.date_of_birth, n.caregiver_phones, n.status)
              is distinct from (o.search_name, o.date_of_birth, o.caregiver_phones, o.status)
        on conflict do nothing;
    else
        delete from child_duplicate
        where first_id in (select id from old_rows) or second_id in (select id from old_rows);
        delete from child_duplicate_check where child_id in (select id from old_rows);
    end if;
    return null;
end $$;

create trigger child_duplicate_queue_insert after insert on child
    referencing new table as new_rows for each statement execute function child_duplicate_queue();
create trigger child_duplicate_queue_update after update on child
    referencing new table as new_rows old table as old_rows for each statement execute function child_duplicate_queue();
create trigger child_duplicate_queue_delete after delete on child
    referencing old table as old_rows for each statement execute function child_duplicate_queue();

-- Every record there is now is paired by the same refresh as any change (the rule is written once,
-- in ChildRepository): about a minute for half a million children, during which the list shows the
-- pairs found so far.
insert into child_duplicate_check (child_id) select id from child where status <> 'MERGED';
