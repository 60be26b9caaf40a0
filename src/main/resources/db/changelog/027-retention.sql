--liquibase formatted sql

--changeset cp:027-child-anonymisation
--comment: The retention rule anonymises records of children who left care long ago (docs/privacy.md).
alter table child add column anonymised_at timestamptz;
alter table child add column had_personal_id boolean not null default false;
alter table child add column had_health_insurance_card boolean not null default false;
alter table child add column had_caregiver_phone boolean not null default false;
comment on column child.anonymised_at is 'when the retention rule erased the record''s names, identifiers, contacts and free text';
comment on column child.had_personal_id is 'the anonymised record held a personal ID: indicators of past periods still count it';
comment on column child.had_health_insurance_card is 'the anonymised record held a health-insurance card number: indicators of past periods still count it';
comment on column child.had_caregiver_phone is 'the anonymised record held a caregiver phone: indicators of past periods still count it';

--changeset cp:027-erasure-of-append-only-rows splitStatements:false
--comment: Append-only rows (audit trail, case timeline, plan versions) accept one kind of update: the retention job erasing personal data, in a transaction that says so.
alter table audit_event add column erased_at timestamptz;
comment on column audit_event.erased_at is 'when the retention rule erased the before and after states; who did what and when stays';

create function erasing_personal_data() returns boolean language sql stable as $$
    select coalesce(current_setting('cp.erasing_personal_data', true), '') = 'on'
$$;
comment on function erasing_personal_data() is 'true inside the retention job''s transaction (set_config(''cp.erasing_personal_data'', ''on'', true))';

create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
    -- Only the states may be erased, once, and nothing else about the event may change.
    if tg_op = 'UPDATE' and erasing_personal_data() and old.erased_at is null and new.erased_at is not null
       and new.before_state is null and new.after_state is null
       and (new.id, new.occurred_at, new.actor, new.actor_subject, new.client_id, new.action, new.record_type,
            new.record_id, new.unit_path, new.request_id)
           is not distinct from (old.id, old.occurred_at, old.actor, old.actor_subject, old.client_id, old.action,
                                 old.record_type, old.record_id, old.unit_path, old.request_id) then
        return new;
    end if;
    raise exception 'audit_event is append-only';
end;
$$;

create or replace function refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and erasing_personal_data() then
        return new;
    end if;
    raise exception '% rows are append-only', tg_table_name using errcode = 'restrict_violation';
end;
$$;

--changeset cp:027-retention-indexes
create index child_not_anonymised_ix on child (date_of_birth) where anonymised_at is null and status <> 'MERGED';
alter table import_job add column file_erased_at timestamptz;
comment on column import_job.file_erased_at is 'when the retention rule erased the uploaded file and the cells of the error report';
create index import_job_unerased_ix on import_job (finished_at) where file_erased_at is null;

--changeset cp:027-retention-scan-index
--comment: The nightly scan looks only at adults and at children who left early (Retention.anonymiseNextBatch).
create index child_left_early_ix on child (status_date) where status in ('MOVED_AWAY', 'DECEASED') and anonymised_at is null;
