--liquibase formatted sql

--changeset cp:049-audit-actor-time
-- Changelog 047 replaced the actor's index by time with one by unit, type and time, so that a scoped
-- list of an actor goes unit by unit. That left no way to an actor's newest events: a busy
-- account's own list (a district supervisor's, 33 million events over 2,600 units and types) went
-- through every unit, 0.4 s and 1.6 s cold, where walking the actor's events by time took 10-20 ms.
-- The list now looks through the actor's 5,000 newest events first (AuditTrail.recent), by this
-- index, and goes unit by unit only when they do not fill the page.
create index audit_event_actor_time_ix on audit_event (actor, occurred_at, id);
