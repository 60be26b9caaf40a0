-- A synthetic province for the benchmarks (docs/performance.md, docs/indicators.md): province 99
-- with 65 communes, 1,505 villages and 300,300 children (-v children=N for N, plus one in a
-- thousand entered twice) with ordinary Vietnamese names, 5% in special circumstances of the five
-- groups (most supported), 3% at risk, a tenth taught to swim, and cases in 2025 (1% of the
-- children) with their workflow history. Every unit is flagged demo and every record is created
-- by 'bench'. The demo realm's bench accounts reach it: district.bench (the province) and
-- commune.bench (commune 99001), password demo-bench. Load it into the local run's database
-- (never into production):
--   PGPASSWORD=postgres psql -h 127.0.0.1 -p 5433 -U postgres -d postgres -f scripts/bench/province-dataset.sql
-- and remove it with scripts/bench/remove-province-dataset.sql: the local run keeps its data
-- (README), so the dataset stays there until removed.
\set ON_ERROR_STOP on
-- The number of children: psql -v children=30000 for a smaller province (the growth of costs).
\if :{?children}
\else
\set children 300000
\endif
begin;
select setseed(0.99);

insert into admin_unit (id, code, level, valid_from, valid_to, successor_code, demo, note, updated_at)
values (gen_random_uuid(), '99', 'PROVINCE', null, null, null, true, 'Benchmark province', now());
insert into admin_unit_period (id, unit_id, valid_from, valid_to, name, kind, search_name, parent_code, path)
select gen_random_uuid(), id, null, null, 'Tỉnh Thử Nghiệm (bench)', 'Tỉnh', 'tinh thu nghiem (bench)', null, cast('99' as ltree)
from admin_unit where code = '99';

insert into admin_unit (id, code, level, valid_from, valid_to, successor_code, demo, note, updated_at)
select gen_random_uuid(), '99' || lpad(c::text, 3, '0'), 'COMMUNE', null, null, null, true, 'Benchmark commune', now()
from generate_series(1, 65) c;
insert into admin_unit_period (id, unit_id, valid_from, valid_to, name, kind, search_name, parent_code, path)
select gen_random_uuid(), u.id, null, null, 'Xã Thử ' || u.code || ' (bench)', 'Xã', 'xa thu ' || u.code || ' (bench)', '99',
       cast('99.' || u.code as ltree)
from admin_unit u where u.level = 'COMMUNE' and u.code like '99___';

-- 1,500 villages: 23 per commune, 25 for the first five.
create temporary table bench_village as
select row_number() over (order by c, v) as idx, '99' || lpad(c::text, 3, '0') || '_' || lpad(v::text, 2, '0') as code,
       '99' || lpad(c::text, 3, '0') as commune
from generate_series(1, 65) c, generate_series(1, 25) v
where v <= 23 or c <= 5;
insert into admin_unit (id, code, level, valid_from, valid_to, successor_code, demo, note, updated_at)
select gen_random_uuid(), code, 'VILLAGE', null, null, null, true, 'Benchmark village', now() from bench_village;
insert into admin_unit_period (id, unit_id, valid_from, valid_to, name, kind, search_name, parent_code, path)
select gen_random_uuid(), u.id, null, null, 'Thôn ' || v.code || ' (bench)', 'Thôn', 'thon ' || v.code || ' (bench)', v.commune,
       cast('99.' || v.commune || '.' || v.code as ltree)
from bench_village v join admin_unit u on u.code = v.code;

-- Names drawn from the family, middle and given names common in Lạng Sơn (Kinh, Tày, Nùng), each
-- with its folded form (no diacritics, đ as d, lower case): what Texts.fold gives, so name search
-- and the duplicate search find them as they find records written through the API. A random
-- choice inside a lateral subquery that names the outer row is drawn again for each row.
create temporary table bench_name (part text, idx int, display text, folded text);
insert into bench_name
select 'family', i, d, f from unnest(
    array['Nguyễn', 'Hoàng', 'Nông', 'Lương', 'Vi', 'Hà', 'Lăng', 'Triệu', 'Lý', 'Đàm', 'Mã', 'Chu', 'Bế', 'Dương', 'Lộc',
          'Trần', 'Lê', 'Phạm', 'Hứa', 'Đinh'],
    array['nguyen', 'hoang', 'nong', 'luong', 'vi', 'ha', 'lang', 'trieu', 'ly', 'dam', 'ma', 'chu', 'be', 'duong', 'loc',
          'tran', 'le', 'pham', 'hua', 'dinh']) with ordinality t(d, f, i)
union all
select 'middle', i, d, f from unnest(
    array['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quang', 'Hữu', 'Thanh', 'Kim', 'Hải', 'Bảo', 'Gia', 'Khánh', 'Phương'],
    array['van', 'thi', 'duc', 'minh', 'thu', 'ngoc', 'quang', 'huu', 'thanh', 'kim', 'hai', 'bao', 'gia', 'khanh', 'phuong'])
    with ordinality t(d, f, i)
union all
select 'given', i, d, f from unnest(
    array['An', 'Anh', 'Bình', 'Chi', 'Cường', 'Dũng', 'Duyên', 'Giang', 'Hà', 'Hải', 'Hằng', 'Hiếu', 'Hoa', 'Hòa', 'Hùng',
          'Hương', 'Huy', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'My', 'Nam', 'Ngân', 'Ngọc', 'Nhung', 'Phong', 'Phúc',
          'Phương', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Thủy', 'Thùy', 'Trang', 'Trung', 'Tuấn', 'Vy', 'Yến', 'Đạt', 'Tú'],
    array['an', 'anh', 'binh', 'chi', 'cuong', 'dung', 'duyen', 'giang', 'ha', 'hai', 'hang', 'hieu', 'hoa', 'hoa', 'hung',
          'huong', 'huy', 'khanh', 'lan', 'linh', 'long', 'mai', 'minh', 'my', 'nam', 'ngan', 'ngoc', 'nhung', 'phong', 'phuc',
          'phuong', 'quan', 'quynh', 'son', 'tam', 'thao', 'thuy', 'thuy', 'trang', 'trung', 'tuan', 'vy', 'yen', 'dat', 'tu'])
    with ordinality t(d, f, i);

insert into child (id, full_name, search_name, sort_name, date_of_birth, sex, ethnicity, village_code, unit_path,
                   health_insurance_card, caregivers, caregiver_phones, personal_id, status, created_at, created_by, updated_at)
select gen_random_uuid(), fa.display || ' ' || mi.display || ' ' || gi.display, fa.folded || ' ' || mi.folded || ' ' || gi.folded,
       gi.folded || ' | ' || fa.folded || ' ' || mi.folded || ' ' || gi.folded,
       date '2009-06-01' + floor(random() * 6000)::int, case when random() < 0.51 then 'MALE' else 'FEMALE' end,
       (array['KINH', 'TAY', 'NUNG', 'DAO', 'HMONG'])[1 + floor(random() * 5)::int], v.code,
       cast('99.' || v.commune || '.' || v.code as ltree),
       case when random() < 0.9 then 'TE' || lpad(n::text, 13, '0') end, '[]',
       case when random() < 0.7 then array['09' || lpad(n::text, 8, '0')] else '{}' end,
       case when random() < 0.6 then '099' || lpad(n::text, 9, '0') end, 'ACTIVE', now(), 'bench', now()
from generate_series(1, :children) n
join bench_village v on v.idx = 1 + n % 1500
cross join lateral (select 1 + floor(random() * 20)::int + 0 * n as f, 1 + floor(random() * 15)::int + 0 * n as m,
                           1 + floor(random() * 45)::int + 0 * n as g) pick
join bench_name fa on fa.part = 'family' and fa.idx = pick.f
join bench_name mi on mi.part = 'middle' and mi.idx = pick.m
join bench_name gi on gi.part = 'given' and gi.idx = pick.g;

-- One child in a thousand entered twice (same name, birth date and village), for the duplicate search to find.
insert into child (id, full_name, search_name, sort_name, date_of_birth, sex, ethnicity, village_code, unit_path,
                   caregivers, caregiver_phones, status, created_at, created_by, updated_at)
select gen_random_uuid(), full_name, search_name, sort_name, date_of_birth, sex, ethnicity, village_code, unit_path,
       '[]', '{}', 'ACTIVE', now(), 'bench', now()
from child where created_by = 'bench' order by id limit :children / 1000;

insert into child_episode (id, child_id, kind, code, subcode, start_date, end_date, created_at, created_by, updated_at)
select gen_random_uuid(), c.id, 'CIRCUMSTANCE', g.code, g.code || '_1', date '2023-01-01' + floor(random() * 900)::int, null,
       now(), 'bench', now()
from child c
cross join lateral (select (array['HCDB_A', 'HCDB_C', 'HCDB_D', 'HCDB_N', 'HCDB_H'])[1 + floor(random() * 5)::int
                                                                                    + 0 * length(c.search_name)] as code) g
where c.created_by = 'bench' and random() < 0.05;
insert into child_episode (id, child_id, kind, code, start_date, created_at, created_by, updated_at)
select gen_random_uuid(), c.id, 'RISK', (array['LEFT_BEHIND', 'HOUSEHOLD_HARDSHIP', 'SCHOOL_DROPOUT'])[1 + floor(random() * 3)::int],
       date '2024-01-01' + floor(random() * 500)::int, now(), 'bench', now()
from child c where c.created_by = 'bench' and random() < 0.03;

insert into intervention (id, child_id, unit_path, type, protection_level, start_date, end_date, status, created_at, created_by, updated_at)
select gen_random_uuid(), e.child_id, c.unit_path, (array['MATERIAL_SUPPORT', 'HEALTH_INSURANCE_CARD', 'EDUCATION_SUPPORT', 'COUNSELLING'])[1 + floor(random() * 4)::int],
       'SUPPORT', date '2025-01-01' + floor(random() * 200)::int, date '2025-12-31', 'COMPLETED', now(), 'bench', now()
from child_episode e join child c on c.id = e.child_id
where c.created_by = 'bench' and e.kind = 'CIRCUMSTANCE' and random() < 0.8;
insert into intervention (id, child_id, unit_path, type, protection_level, start_date, end_date, status, created_at, created_by, updated_at)
select gen_random_uuid(), c.id, c.unit_path, (array['SWIMMING_LESSONS', 'SAFETY_SKILLS', 'ONLINE_SAFETY_SKILLS'])[1 + floor(random() * 3)::int],
       'PREVENTION', date '2025-06-01', date '2025-07-31', 'COMPLETED', now(), 'bench', now()
from child c where c.created_by = 'bench' and c.date_of_birth < date '2019-01-01' and random() < 0.1;

insert into child_case (id, case_number, child_id, commune_code, unit_path, type, status, source_channel, received_at, abuse_forms,
                        setting, injury_mechanism, injury_outcome, child_in_danger, created_at, created_by, updated_at)
select gen_random_uuid(), 'BENCH-' || row_number() over (), c.id, subltree(c.unit_path, 1, 2)::text, c.unit_path,
       case when random() < 0.5 then 'ABUSE' else 'INJURY' end, 'RECEIVED', 'COMMUNITY',
       timestamptz '2025-01-01 08:00+07' + random() * interval '360 days', null, null, null, null, false, now(), 'bench', now()
from child c where c.created_by = 'bench' and random() < 0.01;
update child_case set abuse_forms = '["VIOLENCE"]', setting = 'FAMILY' where created_by = 'bench' and type = 'ABUSE';
update child_case set injury_mechanism = (array['DROWNING', 'TRAFFIC', 'FALL'])[1 + floor(random() * 3)::int],
                      injury_outcome = case when random() < 0.05 then 'DEATH' else 'RECOVERED' end
where created_by = 'bench' and type = 'INJURY';

-- Each case with its history as the workflow writes it: the report, then as many of the first
-- steps of Decree 56 as the case has taken (a fifth still received, a quarter each assessed and in
-- detailed assessment, a fifth planning after the conference, one in ten closed as
-- unsubstantiated), 30 hours apart. The service computes their deadlines when it starts.
create temporary table bench_case_step (step int, action text, from_state text, to_state text);
insert into bench_case_step values (1, 'ASSESS_INITIAL', 'RECEIVED', 'ASSESSED'),
                                   (2, 'ASSESS_DETAILED', 'ASSESSED', 'DETAILED_ASSESSMENT'),
                                   (3, 'HOLD_CONFERENCE', 'DETAILED_ASSESSMENT', 'PLANNING');
create temporary table bench_case_progress as
select id, received_at, case when r < 0.1 then -1 when r < 0.3 then 0 when r < 0.55 then 1 when r < 0.8 then 2 else 3 end as steps
from (select id, received_at, random() + 0 * length(case_number) as r from child_case where created_by = 'bench') p;
insert into case_event (id, case_id, kind, to_state, occurred_at, recorded_at, recorded_by, data)
select gen_random_uuid(), c.id, 'REPORTED', 'RECEIVED', c.received_at, c.received_at, 'bench',
       jsonb_build_object('type', c.type, 'sourceChannel', c.source_channel)
from child_case c where c.created_by = 'bench';
insert into case_event (id, case_id, kind, action, from_state, to_state, occurred_at, recorded_at, recorded_by, data)
select gen_random_uuid(), p.id, 'TRANSITION', s.action, s.from_state, s.to_state, p.received_at + s.step * interval '30 hours',
       p.received_at + s.step * interval '30 hours', 'bench',
       case s.action when 'ASSESS_INITIAL' then jsonb_build_object('riskLevel', 'MEDIUM', 'emergency', false) end
from bench_case_progress p join bench_case_step s on s.step <= p.steps
order by p.id, s.step;
insert into case_event (id, case_id, kind, action, from_state, to_state, occurred_at, recorded_at, recorded_by, note)
select gen_random_uuid(), p.id, 'TRANSITION', 'CLOSE_UNSUBSTANTIATED', 'RECEIVED', 'CLOSED_UNSUBSTANTIATED',
       p.received_at + interval '30 hours', p.received_at + interval '30 hours', 'bench', 'Không có căn cứ (bench)'
from bench_case_progress p where p.steps = -1;
update child_case c set status = coalesce(s.to_state, 'CLOSED_UNSUBSTANTIATED'),
                        risk_level = case when p.steps > 0 then 'MEDIUM' end,
                        emergency = case when p.steps > 0 then false end,
                        closed_at = case when p.steps = -1 then p.received_at + interval '30 hours' end,
                        updated_at = p.received_at + greatest(p.steps, 1) * interval '30 hours'
from bench_case_progress p left join bench_case_step s on s.step = p.steps
where c.id = p.id and p.steps <> 0;

insert into unit_fact (unit_code, year, cultural_sports_facility, updated_at, updated_by)
select code, 2025, random() < 0.6, now(), 'bench' from bench_village;
insert into unit_fact (unit_code, year, child_friendly, play_area, updated_at, updated_by)
select code, 2025, random() < 0.5, random() < 0.7, now(), 'bench' from admin_unit where level = 'COMMUNE' and code like '99___';

commit;
analyze;
