--liquibase formatted sql

--changeset cp:044-episode-child-codes
-- Every read of a child asks for its circumstance and risk codes open that day, in code order
-- (ChildRepository.findInScopeWithOpenSpans; EpisodeRepository.activeOn for pages of children).
-- The index of the child alone did not hold the kind, so the planner took the exclusion
-- constraint's GiST index for it, then read each span's row and sorted the codes: in `pgbench` the
-- read's statement cost PostgreSQL about twice a read of the child's row alone. This index holds
-- the child, the kind and the code in that order, with the dates, so the open codes come from the
-- index alone, already in order; it also serves every look-up by child the old index served.
create index child_episode_child_code_ix on child_episode (child_id, kind, code) include (start_date, end_date);
drop index child_episode_child_ix;
analyze child_episode;
