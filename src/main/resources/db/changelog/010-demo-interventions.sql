--liquibase formatted sql

--changeset cp:010-demo-interventions context:demo-records splitStatements:false
-- Supports for the demo children over 2024-2026 (local run only): health-insurance cards, social
-- allowances (some still at the pre-July-2024 amount, so the expected-amount check flags them),
-- education and material support, and four group activities. About a fifth of the children in
-- special circumstances get nothing, so coverage stays below 100% as it does in a real commune.
do $$
begin
    perform setseed(0.2025);

    -- A free health-insurance card each year for most children in special circumstances.
    insert into intervention (id, child_id, unit_path, type, protection_level, provider, provider_search, funding_source,
                              amount_vnd, start_date, end_date, status, outcome, created_at, created_by, updated_at)
    select gen_random_uuid(), c.id, c.unit_path, 'HEALTH_INSURANCE_CARD', 'SUPPORT', 'BHXH huyện Văn Quan (demo)',
           'bhxh huyen van quan (demo)', 'STATE_BUDGET', 804600, greatest(y.first_day, c.date_of_birth + 30),
           y.last_day, case when y.last_day < now() then 'COMPLETED' else 'ONGOING' end,
           case when y.last_day < now() then 'Thẻ BHYT đã cấp (demo)' end, now(), 'demo-seed', now()
    from child c
    join (values (date '2024-01-15', date '2024-12-31'), (date '2025-01-15', date '2025-12-31'),
                 (date '2026-01-15', date '2026-12-31')) y(first_day, last_day) on true
    where c.created_by = 'demo-seed' and c.date_of_birth + 30 <= y.last_day
      and exists (select 1 from child_episode e where e.child_id = c.id and e.kind = 'CIRCUMSTANCE'
                  and e.start_date <= y.last_day and (e.end_date is null or e.end_date >= y.first_day))
      and random() < 0.8;

    -- Monthly allowance for children with a severe disability; some never raised to the 2024 rate.
    insert into intervention (id, child_id, unit_path, type, protection_level, provider, provider_search, funding_source,
                              monthly_amount_vnd, allowance_group, start_date, status, created_at, created_by, updated_at)
    select gen_random_uuid(), c.id, c.unit_path, 'SOCIAL_ALLOWANCE', 'SUPPORT', 'UBND xã (demo)', 'ubnd xa (demo)',
           'STATE_BUDGET',
           case when random() < 0.3 then (case when c.disability_level = 'ESPECIALLY_SEVERE' then 900000 else 720000 end)
                else (case when c.disability_level = 'ESPECIALLY_SEVERE' then 1250000 else 1000000 end) end,
           case when c.disability_level = 'ESPECIALLY_SEVERE' then 'DISABILITY_ESPECIALLY_SEVERE' else 'DISABILITY_SEVERE' end,
           greatest(date '2024-01-01', c.date_of_birth + 30), 'ONGOING', now(), 'demo-seed', now()
    from child c
    where c.created_by = 'demo-seed' and c.disability_level in ('ESPECIALLY_SEVERE', 'SEVERE') and c.status = 'ACTIVE'
      and random() < 0.85;

    -- School-year education support for orphans and children without support.
    insert into intervention (id, child_id, unit_path, type, protection_level, provider, provider_search, funding_source,
                              amount_vnd, start_date, end_date, status, outcome, created_at, created_by, updated_at)
    select gen_random_uuid(), c.id, c.unit_path, 'EDUCATION_SUPPORT', 'SUPPORT', 'Quỹ Bảo trợ trẻ em tỉnh (demo)',
           'quy bao tro tre em tinh (demo)', 'CHILD_PROTECTION_FUND', 1000000, date '2024-09-05', date '2025-05-31',
           'COMPLETED', 'Hoàn thành năm học (demo)', now(), 'demo-seed', now()
    from child c
    where c.created_by = 'demo-seed' and c.date_of_birth between date '2009-06-01' and date '2019-06-01'
      and exists (select 1 from child_episode e where e.child_id = c.id and e.kind = 'CIRCUMSTANCE' and e.code in ('HCDB_A', 'HCDB_C'))
      and random() < 0.7;

    -- Group activities, each a batch.
    insert into intervention_batch (id, title, unit_path, size, created_at, created_by) values
        (md5('demo-batch-swim-2025')::uuid, 'Lớp học bơi hè 2025 (demo)', '20.06298', 0, now(), 'demo-seed'),
        (md5('demo-batch-forum-2025')::uuid, 'Diễn đàn trẻ em xã 2025 (demo)', '20.06298', 0, now(), 'demo-seed'),
        (md5('demo-batch-trungthu-2024')::uuid, 'Quà Trung thu 2024 (demo)', '20.06298', 0, now(), 'demo-seed'),
        (md5('demo-batch-trungthu-2025')::uuid, 'Quà Trung thu 2025 (demo)', '20.06298', 0, now(), 'demo-seed');

    insert into intervention (id, child_id, batch_id, unit_path, type, protection_level, provider, provider_search,
                              funding_source, amount_vnd, start_date, end_date, status, outcome, created_at, created_by, updated_at)
    select gen_random_uuid(), c.id, md5('demo-batch-swim-2025')::uuid, c.unit_path, 'SWIMMING_LESSONS', 'PREVENTION',
           'Đoàn Thanh niên xã (demo)', 'doan thanh nien xa (demo)', 'SOCIAL_CONTRIBUTIONS', 150000,
           date '2025-07-01', date '2025-07-31', 'COMPLETED', 'Biết bơi 25 m (demo)', now(), 'demo-seed', now()
    from (select id, unit_path from child
          where created_by = 'demo-seed' and status = 'ACTIVE' and village_code <= '06283_05'
            and date_of_birth between date '2011-01-01' and date '2017-01-01'
          order by md5(id::text) limit 40) c;

    insert into intervention (id, child_id, batch_id, unit_path, type, protection_level, provider, provider_search,
                              funding_source, amount_vnd, start_date, end_date, status, created_at, created_by, updated_at)
    select gen_random_uuid(), c.id, md5('demo-batch-forum-2025')::uuid, c.unit_path, 'CHILDRENS_FORUM', 'PREVENTION',
           'UBND xã (demo)', 'ubnd xa (demo)', 'STATE_BUDGET', 50000, date '2025-05-30', date '2025-05-30', 'COMPLETED',
           now(), 'demo-seed', now()
    from (select id, unit_path from child
          where created_by = 'demo-seed' and status = 'ACTIVE' and date_of_birth between date '2010-01-01' and date '2015-06-01'
          order by md5(id::text || 'forum') limit 30) c;

    insert into intervention (id, child_id, batch_id, unit_path, type, protection_level, provider, provider_search,
                              funding_source, amount_vnd, start_date, end_date, status, created_at, created_by, updated_at)
    select gen_random_uuid(), c.id, b.id, c.unit_path, 'MATERIAL_SUPPORT', 'SUPPORT', 'Hội Liên hiệp Phụ nữ xã (demo)',
           'hoi lien hiep phu nu xa (demo)', 'SOCIAL_CONTRIBUTIONS', 200000, b.day, b.day, 'COMPLETED', now(), 'demo-seed', now()
    from (values (md5('demo-batch-trungthu-2024')::uuid, date '2024-09-17'),
                 (md5('demo-batch-trungthu-2025')::uuid, date '2025-10-06')) b(id, day)
    join lateral (select id, unit_path from child
                  where created_by = 'demo-seed' and poverty_status = 'POOR' and date_of_birth > b.day - interval '16 years'
                    and date_of_birth < b.day
                  order by md5(id::text || b.day) limit 100) c on true;

    update intervention_batch b set size = (select count(*) from intervention i where i.batch_id = b.id)
    where b.created_by = 'demo-seed';
end;
$$;
