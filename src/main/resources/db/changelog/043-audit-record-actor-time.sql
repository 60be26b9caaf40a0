--liquibase formatted sql

--changeset cp:043-audit-record-actor-time
-- The trail's list of one record or of one actor is left to the planner (AuditTrail.list), which
-- had an index of records without their times and none of actors: a record or an actor with no
-- event among the newest walked the whole trail by time, past the statement limit behind millions
-- of events (an administrator's list of a record that does not exist answered 503). Each now has
-- an index whose newest entries end its range, so a page is read from the end of that range; the
-- record's id comes first so that a list of an id without its type is one range too.
create index audit_event_record_time_ix on audit_event (record_id, record_type, occurred_at, id);
drop index audit_event_record_ix;
create index audit_event_actor_time_ix on audit_event (actor, occurred_at, id);
analyze audit_event;
