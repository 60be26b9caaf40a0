--liquibase formatted sql

--changeset cp:047-audit-actor-unit-time
-- A scoped list of one actor's events (a commune officer's list of what a district supervisor did
-- in the commune) walked the trail's newest events, or the actor's by time (changelog 043), and
-- checked each against the scope: for an actor with millions of events elsewhere and none in the
-- scope it read all of them, and answered 503 at the statement limit (10 s on the province
-- benchmark's 38 million events). The actor's index now holds the unit and the type of record
-- before the time, as the unit's does (changelog 042), so that the list takes the actor's newest
-- events of each unit and type in a scope from their end of the index, and finds at once that a
-- scope holds none (AuditTrail.byUnit); a list of an actor anywhere goes through every such unit.
create index audit_event_actor_unit_time_ix on audit_event (actor, (ltree2text(unit_path) collate "C"), record_type, occurred_at, id);
drop index audit_event_actor_time_ix;
