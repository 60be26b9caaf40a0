--liquibase formatted sql

--changeset cp:042-audit-unit-type-time
-- The trail's list walked the newest events until it had a page, which for a unit whose events are
-- all old passes every newer event of the others: 19 s for the demo commune's first page behind 37
-- million events of the province benchmark. Its key now leads an index on unit, type of record and
-- time, so that the list takes the newest events of each unit and type in a scope from their end of
-- the index (AuditTrail.byUnit), and each subtree is still a range of its first column (changelog
-- 041).
create index audit_event_unit_type_time_ix on audit_event ((ltree2text(unit_path) collate "C"), record_type, occurred_at, id);
alter index audit_event_unit_type_time_ix alter column 1 set statistics 1000;
drop index audit_event_unit_key_ix;
analyze audit_event;
