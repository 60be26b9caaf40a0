--liquibase formatted sql

--changeset cp:032-change-log splitStatements:false
-- The change feed (docs/sync.md, ADR 0018). Every insert, update and delete of a record a phone or
-- a district system keeps a copy of adds a row here, written by triggers in the transaction of the
-- change: an API call, an import's COPY, a merge, the retention rule or a hand-written SQL fix all
-- land here, or none of them does. A row names the record and every place (unit path) the record
-- was or now is, so the callers who held it see it leave as well as arrive.
--
-- Order: (tx, seq), where tx is the writing transaction's id. Ids are handed out when a transaction
-- starts writing, not when it commits, so a reader only returns rows whose transaction is older
-- than every transaction still running (pg_snapshot_xmin of its snapshot): no later commit can
-- then add a row before the point a reader has reached, and none is skipped.
create table change_log (
    tx           xid8         not null default pg_current_xact_id(),
    seq          bigint       generated always as identity,
    record_type  varchar(20)  not null,
    record_id    uuid         not null,
    change       varchar(12)  not null,
    paths        ltree[]      not null,
    child_id     uuid,
    occurred_at  timestamptz  not null default now(),
    primary key (tx, seq),
    constraint change_log_change_ck check (change in ('CREATED', 'UPDATED', 'ENDED', 'MERGED', 'ANONYMISED', 'DELETED'))
);
comment on table change_log is 'One row per change of a record kept offline (change feed); rows older than cp.changes.keep-for are pruned';
comment on column change_log.paths is 'Every unit path the record sat in before or after the change: who is told of it';
comment on column change_log.child_id is 'The child a circumstance, risk, case or support belongs to';
create index change_log_time_ix on change_log (occurred_at);

-- The newest position pruned: a token at or after it continues; an older one must seed again.
create table change_log_horizon (
    singleton  boolean      primary key default true check (singleton),
    tx         xid8         not null,
    seq        bigint       not null,
    pruned_at  timestamptz  not null
);

create function change_paths(variadic paths ltree[]) returns ltree[]
language sql immutable parallel safe
return coalesce((select array_agg(distinct p) from unnest(paths) p where p is not null), '{}');

create function change_log_child() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into change_log (record_type, record_id, change, paths)
        select 'child', n.id, 'CREATED', change_paths(n.unit_path) from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into change_log (record_type, record_id, change, paths)
        select 'child', n.id,
               case when n.anonymised_at is not null and o.anonymised_at is null then 'ANONYMISED'
                    when n.status = 'MERGED' and o.status <> 'MERGED' then 'MERGED'
                    when n.status <> o.status and n.status <> 'ACTIVE' then 'ENDED'
                    else 'UPDATED' end,
               change_paths(n.unit_path, o.unit_path)
        from new_rows n join old_rows o on o.id = n.id
        where n is distinct from o;
    else
        insert into change_log (record_type, record_id, change, paths)
        select 'child', o.id, 'DELETED', change_paths(o.unit_path) from old_rows o;
    end if;
    return null;
end $$;

-- A span is where its child is; moved to another child (a merge), it tells both places.
create function change_log_episode() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into change_log (record_type, record_id, change, paths, child_id)
        select lower(n.kind), n.id, 'CREATED', change_paths(c.unit_path), n.child_id
        from new_rows n left join child c on c.id = n.child_id;
    elsif tg_op = 'UPDATE' then
        insert into change_log (record_type, record_id, change, paths, child_id)
        select lower(n.kind), n.id,
               case when n.end_date is not null and o.end_date is null then 'ENDED' else 'UPDATED' end,
               change_paths(c.unit_path, oc.unit_path), n.child_id
        from new_rows n join old_rows o on o.id = n.id
        left join child c on c.id = n.child_id left join child oc on oc.id = o.child_id
        where n is distinct from o;
    else
        insert into change_log (record_type, record_id, change, paths, child_id)
        select lower(o.kind), o.id, 'DELETED', change_paths(c.unit_path), o.child_id
        from old_rows o left join child c on c.id = o.child_id;
    end if;
    return null;
end $$;

-- A case is seen where it is handled and, during a transfer, by the commune it is sent to.
create function change_log_case() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into change_log (record_type, record_id, change, paths, child_id)
        select 'case', n.id, 'CREATED', change_paths(n.unit_path, n.transfer_to_path), n.child_id from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into change_log (record_type, record_id, change, paths, child_id)
        select 'case', n.id,
               case when n.status like 'CLOSED%' and o.status not like 'CLOSED%' then 'ENDED' else 'UPDATED' end,
               change_paths(n.unit_path, n.transfer_to_path, o.unit_path, o.transfer_to_path), n.child_id
        from new_rows n join old_rows o on o.id = n.id
        where n is distinct from o;
    else
        insert into change_log (record_type, record_id, change, paths, child_id)
        select 'case', o.id, 'DELETED', change_paths(o.unit_path, o.transfer_to_path), o.child_id from old_rows o;
    end if;
    return null;
end $$;

create function change_log_support() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into change_log (record_type, record_id, change, paths, child_id)
        select 'support', n.id, 'CREATED', change_paths(n.unit_path), n.child_id from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into change_log (record_type, record_id, change, paths, child_id)
        select 'support', n.id,
               case when n.status in ('COMPLETED', 'CANCELLED') and o.status not in ('COMPLETED', 'CANCELLED')
                    then 'ENDED' else 'UPDATED' end,
               change_paths(n.unit_path, o.unit_path), n.child_id
        from new_rows n join old_rows o on o.id = n.id
        where n is distinct from o;
    else
        insert into change_log (record_type, record_id, change, paths, child_id)
        select 'support', o.id, 'DELETED', change_paths(o.unit_path), o.child_id from old_rows o;
    end if;
    return null;
end $$;

-- Hazard sites and households: TG_ARGV[0] is the record type.
create function change_log_place() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into change_log (record_type, record_id, change, paths)
        select tg_argv[0], n.id, 'CREATED', change_paths(n.unit_path) from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into change_log (record_type, record_id, change, paths)
        select tg_argv[0], n.id, 'UPDATED', change_paths(n.unit_path, o.unit_path)
        from new_rows n join old_rows o on o.id = n.id
        where n is distinct from o;
    else
        insert into change_log (record_type, record_id, change, paths)
        select tg_argv[0], o.id, 'DELETED', change_paths(o.unit_path) from old_rows o;
    end if;
    return null;
end $$;

-- A household's members and yearly assessments are part of its view: a change to them is a change
-- of the household.
create function change_log_household_part() returns trigger language plpgsql as $$
begin
    -- Each transition table is named only in the branch of the events that have it.
    if tg_op = 'INSERT' then
        insert into change_log (record_type, record_id, change, paths)
        select 'household', h.id, 'UPDATED', change_paths(h.unit_path)
        from household h where h.id in (select household_id from new_rows);
    elsif tg_op = 'UPDATE' then
        insert into change_log (record_type, record_id, change, paths)
        select 'household', h.id, 'UPDATED', change_paths(h.unit_path)
        from household h where h.id in (select household_id from new_rows union select household_id from old_rows);
    else
        insert into change_log (record_type, record_id, change, paths)
        select 'household', h.id, 'UPDATED', change_paths(h.unit_path)
        from household h where h.id in (select household_id from old_rows);
    end if;
    return null;
end $$;

create trigger child_change_insert after insert on child referencing new table as new_rows
    for each statement execute function change_log_child();
create trigger child_change_update after update on child referencing old table as old_rows new table as new_rows
    for each statement execute function change_log_child();
create trigger child_change_delete after delete on child referencing old table as old_rows
    for each statement execute function change_log_child();

create trigger child_episode_change_insert after insert on child_episode referencing new table as new_rows
    for each statement execute function change_log_episode();
create trigger child_episode_change_update after update on child_episode referencing old table as old_rows new table as new_rows
    for each statement execute function change_log_episode();
create trigger child_episode_change_delete after delete on child_episode referencing old table as old_rows
    for each statement execute function change_log_episode();

create trigger child_case_change_insert after insert on child_case referencing new table as new_rows
    for each statement execute function change_log_case();
create trigger child_case_change_update after update on child_case referencing old table as old_rows new table as new_rows
    for each statement execute function change_log_case();
create trigger child_case_change_delete after delete on child_case referencing old table as old_rows
    for each statement execute function change_log_case();

create trigger intervention_change_insert after insert on intervention referencing new table as new_rows
    for each statement execute function change_log_support();
create trigger intervention_change_update after update on intervention referencing old table as old_rows new table as new_rows
    for each statement execute function change_log_support();
create trigger intervention_change_delete after delete on intervention referencing old table as old_rows
    for each statement execute function change_log_support();

create trigger hazard_site_change_insert after insert on hazard_site referencing new table as new_rows
    for each statement execute function change_log_place('hazard-site');
create trigger hazard_site_change_update after update on hazard_site referencing old table as old_rows new table as new_rows
    for each statement execute function change_log_place('hazard-site');
create trigger hazard_site_change_delete after delete on hazard_site referencing old table as old_rows
    for each statement execute function change_log_place('hazard-site');

create trigger household_change_insert after insert on household referencing new table as new_rows
    for each statement execute function change_log_place('household');
create trigger household_change_update after update on household referencing old table as old_rows new table as new_rows
    for each statement execute function change_log_place('household');
create trigger household_change_delete after delete on household referencing old table as old_rows
    for each statement execute function change_log_place('household');

create trigger household_member_change_insert after insert on household_member referencing new table as new_rows
    for each statement execute function change_log_household_part();
create trigger household_member_change_delete after delete on household_member referencing old table as old_rows
    for each statement execute function change_log_household_part();
create trigger safe_home_assessment_change_insert after insert on safe_home_assessment referencing new table as new_rows
    for each statement execute function change_log_household_part();
create trigger safe_home_assessment_change_update after update on safe_home_assessment
    referencing old table as old_rows new table as new_rows
    for each statement execute function change_log_household_part();
