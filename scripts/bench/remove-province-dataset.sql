-- Removes what province-dataset.sql added.
\set ON_ERROR_STOP on
begin;
delete from unit_fact where updated_by = 'bench';
delete from child_case where created_by = 'bench';
delete from intervention where created_by = 'bench';
delete from child_episode where created_by = 'bench';
delete from child where created_by = 'bench';
delete from admin_unit_period where cast(path as text) = '99' or path <@ cast('99' as ltree);
delete from admin_unit where code = '99' or code like '99___' or code like '99___\___' escape '\';
commit;
