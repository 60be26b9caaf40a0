--liquibase formatted sql

--changeset cp:050-child-not-active
-- A list of the children who moved away, died or were merged into another record found them among
-- every child of its area, no index holding the status: a province's 300,300 children read to find
-- none merged (0.13-0.17 s through the API), a commune's to find its few who moved away. Children
-- are mostly active, so this index holds only the others, and a list of one of their statuses
-- reads them alone (0.1 ms in psql); writing it costs only a change of status away from ACTIVE.
create index child_not_active_ix on child (status) where status <> 'ACTIVE';
analyze child;
