--liquibase formatted sql

--changeset cp:026-probe-index
--comment: Counting a caller's answers about records outside their area (ScopeProbes) reads only their recent PROBE events.
create index audit_event_probe_ix on audit_event (actor, occurred_at) where action = 'PROBE';
