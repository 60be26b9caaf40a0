--liquibase formatted sql

--changeset cp:045-child-second-level
-- A commune's list of children (a commune officer's, or a district's with unit=) could be found by
-- no index: the GiST index of unit_path does not serve the scope's array (security/Scope), and the
-- planner walked the name index through the whole table or read all of it, some 400,000 children
-- for the first page of a commune of 5,000 (60-90 ms). The list now also asks for the paths of the
-- second-level units that hold its area (ScopedQuery.withinSecondLevel), which this index finds.
create index child_second_level_ix on child (subpath(unit_path, 0, 2));
analyze child;
