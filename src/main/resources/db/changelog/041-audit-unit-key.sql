--liquibase formatted sql

--changeset cp:041-audit-unit-key
-- The trail's list finds a scope's events through a btree on the unit path as text compared byte by
-- byte (AuditTrail.UNIT_KEY), where each subtree is a range (Scope.keySql), instead of the GiST index
-- on the path. Every read of a record writes an event (ReadTrail), and of writing one the GiST index
-- took about three quarters; on the province benchmark's 20 million events it was 3.9 GB against
-- 216 MB for the btree, so that on a small server most of its inserts read a page from disk. The
-- planner could not estimate '@>' either: it walked the time index for any scope, 8-17 s for a
-- village with 400 old events. The key's statistics are finer than the default so that a village's
-- share of a large trail is estimated well; the analyze gives them at once rather than after
-- autovacuum's next pass, which on a large trail can be days away (docs/performance.md).
create index audit_event_unit_key_ix on audit_event ((ltree2text(unit_path) collate "C"));
alter index audit_event_unit_key_ix alter column 1 set statistics 1000;
drop index audit_event_unit_gist;
analyze audit_event;
