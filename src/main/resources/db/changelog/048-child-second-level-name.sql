--liquibase formatted sql

--changeset cp:048-child-second-level-name
-- A commune's list of children by name read all the commune's rows through changelog 045's index
-- and sorted them for a page (3.6 ms in psql for a commune of 5,007 children, 90-145 ms for one of
-- 101,608). This index goes on with the name, as changelog 046's does for a province, so that the
-- page is read in order from the commune's range (0.2-0.3 ms for either); it serves everything
-- 045's did, its first column being 045's.
create index child_second_level_name_ix on child (subpath(unit_path, 0, 2), sort_name, id);
drop index child_second_level_ix;
analyze child;
