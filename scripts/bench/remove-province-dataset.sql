-- Removes what province-dataset.sql added, from the local run's database only: the case timeline
-- is append-only (a trigger refuses deletes), so this transaction runs as a replica, which skips
-- triggers; it deletes in an order that leaves no reference behind.
\set ON_ERROR_STOP on
begin;
set local session_replication_role = replica;
delete from unit_fact where updated_by = 'bench';
-- The dataset's cases and those the benchmark reported through the API.
delete from case_deadline where case_id in (select id from child_case where unit_path <@ '99');
delete from case_event where case_id in (select id from child_case where unit_path <@ '99');
delete from case_number_counter where commune_code like '99___';
delete from child_case where unit_path <@ '99';
delete from intervention where created_by = 'bench';
delete from child_episode where created_by = 'bench';
-- The triggers that keep the name search's lists are skipped with the rest.
delete from child_name_word where child_id in (select id from child where created_by = 'bench');
delete from child where created_by = 'bench';
delete from admin_unit_period where cast(path as text) = '99' or path <@ cast('99' as ltree);
delete from admin_unit where code = '99' or code like '99___' or code like '99___\___' escape '\';
-- The skipped triggers count writes for the indicators' stamps too: counts kept under stamps that
-- did not move would outlive the records they counted (a restart clears those kept in memory).
delete from indicator_tally;
-- What performance-benchmark.sh keeps between its runs, and the copies of tables a run stopped midway leaves.
drop table if exists bench_ids, bench_cases, bench_case_event, bench_audit_event;
commit;
