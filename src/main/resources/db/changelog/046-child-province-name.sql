--liquibase formatted sql

--changeset cp:046-child-province-name
-- A province's list of children (a district supervisor's, or anyone's with unit= a province) had
-- the same defect as a commune's before changelog 045: no index serves the scope's array, and the
-- planner guessed between reading the whole table and walking the name index (8-110 ms for the
-- first page, with the same data, as its statistics fell). The list now also states the province,
-- subpath(unit_path, 0, 1) (ScopedQuery.withinIndexedArea, which 045's comment names
-- withinSecondLevel): this index gives a province's page by name in order, and its statistics let
-- the planner weigh the province's share for the other sorts.
create index child_province_name_ix on child (subpath(unit_path, 0, 1), sort_name, id);
analyze child;
