--liquibase formatted sql

--changeset cp:003-audit-event splitStatements:false
create table audit_event (
    id             uuid primary key,
    occurred_at    timestamptz not null,
    actor          text        not null,
    actor_subject  text,
    client_id      text,
    action         text        not null,
    record_type    text        not null,
    record_id      text        not null,
    unit_path      ltree,
    before_state   jsonb,
    after_state    jsonb,
    request_id     text
);
comment on table audit_event is 'Append-only audit trail: updates and deletes are refused by a trigger';
create index audit_event_time_ix on audit_event (occurred_at desc, id desc);
create index audit_event_record_ix on audit_event (record_type, record_id);
create index audit_event_unit_gist on audit_event using gist (unit_path);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();
