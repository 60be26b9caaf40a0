--liquibase formatted sql

--changeset cp:028-import-faults
-- A job stopped by a fault of the service (not of its file) waits before it runs again, and says
-- when it failed for such a fault, so that its sender knows to send it again.
alter table import_job add column run_after timestamptz;
alter table import_job add column retryable boolean not null default false;
comment on column import_job.run_after is 'A job put back in the queue after a fault runs again no sooner than this';
comment on column import_job.retryable is 'Failed because of the service, not the file: the same file sent again can succeed';
-- Heartbeats are compared with the database's clock, the one clock all instances share.
comment on column import_job.heartbeat_at is 'Written every few seconds by the instance running the job, with the database''s clock';
