--liquibase formatted sql

--changeset cp:051-child-village-name
-- A list filtered by a village, sorted by name, walked the name index of every child to find the
-- village's: 0.37 s in psql for the administrator's last page of a village of 5,189 children whose
-- names sort first, among 400,000. The village's index now goes on with the name, as changelog 048's
-- does for a commune, so such a page is read in order from the village's range (0.5 ms); it serves
-- all that the index on the village alone did.
create index child_village_name_ix on child (village_code, sort_name, id);
drop index child_village_ix;
analyze child;
