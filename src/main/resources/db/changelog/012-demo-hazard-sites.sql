--liquibase formatted sql

--changeset cp:012-demo-hazard-sites context:demo-records splitStatements:false
-- Drowning-hazard sites of the An Sơn villages for the local run: ponds, streams, wells and flooded
-- pits, with coordinates around the commune (approximate, invented), surveyed in March 2024. Most
-- were fenced and signed in the weeks after the survey; some were still open when the 2024 summer
-- holidays began, a few fences were found damaged in spring 2025 and repaired later.
do $$
declare
    kinds text[] := array['POND', 'POND', 'RIVER_OR_STREAM', 'WELL', 'FLOODED_PIT', 'POND', 'RESERVOIR_OR_DAM', 'RIVER_OR_STREAM'];
    places text[] := array['Ao cạnh nhà văn hóa thôn', 'Ao cá sau nhà ông Hoàng', 'Khúc suối chỗ trẻ hay tắm',
                           'Giếng cũ không nắp', 'Hố công trình ngập nước', 'Ao ven đường đi học', 'Đập nhỏ đầu nguồn',
                           'Bến sông Kỳ Cùng'];
    site_id uuid;
    i int;
    v int;
    village text;
    village_path text;
    fenced date;
begin
    perform setseed(0.2024);
    for i in 1..36 loop
        v := 1 + (i - 1) % 20;
        village := '06283_' || lpad(v::text, 2, '0');
        select cast(p.path as text) into village_path
        from admin_unit u join admin_unit_period p on p.unit_id = u.id
        where u.code = village and p.valid_to is null;
        site_id := md5('demo-hazard-' || i)::uuid;
        insert into hazard_site (id, village_code, unit_path, kind, description, latitude, longitude, risk_level, surveyed_on,
                                 note, created_at, created_by, updated_at)
        values (site_id, village, cast(village_path as ltree), kinds[1 + (i - 1) % 8],
                places[1 + (i - 1) % 8] || ' (demo ' || i || ')',
                case when i % 6 <> 0 then round((21.82 + random() * 0.08)::numeric, 6) end,
                case when i % 6 <> 0 then round((106.50 + random() * 0.10)::numeric, 6) end,
                (array['HIGH', 'HIGH', 'MEDIUM', 'LOW'])[1 + floor(random() * 4)::int], date '2024-03-15', null,
                now(), 'demo-seed', now());
        insert into hazard_measure_event (id, site_id, measure, status, on_date, recorded_at, recorded_by) values
            (gen_random_uuid(), site_id, 'FENCE_OR_BARRIER', 'NEEDED', date '2024-03-15', now(), 'demo-seed'),
            (gen_random_uuid(), site_id, 'WARNING_SIGN', 'NEEDED', date '2024-03-15', now(), 'demo-seed');
        -- Most fenced before the holidays; every sixth only in August.
        fenced := case when i % 6 = 3 then date '2024-08-10' else date '2024-04-20' + (i % 30) end;
        insert into hazard_inspection (id, site_id, inspected_on, inspector, findings, created_at, created_by)
        values (md5('demo-inspection-a-' || i)::uuid, site_id, fenced, 'Trưởng thôn (demo)', 'Đã làm rào và biển cảnh báo (demo)',
                now(), 'demo-seed');
        insert into hazard_measure_event (id, site_id, measure, status, on_date, inspection_id, recorded_at, recorded_by) values
            (gen_random_uuid(), site_id, 'FENCE_OR_BARRIER', 'INSTALLED', fenced, md5('demo-inspection-a-' || i)::uuid, now(), 'demo-seed'),
            (gen_random_uuid(), site_id, 'WARNING_SIGN', 'INSTALLED', fenced, md5('demo-inspection-a-' || i)::uuid, now(), 'demo-seed');
        -- Spring 2025 check: a few fences broken, repaired in June.
        insert into hazard_inspection (id, site_id, inspected_on, inspector, findings, created_at, created_by)
        values (md5('demo-inspection-b-' || i)::uuid, site_id, date '2025-04-10', 'Cán bộ văn hóa - xã hội (demo)',
                case when i % 5 = 0 then 'Rào bị hỏng (demo)' else 'Rào và biển còn tốt (demo)' end, now(), 'demo-seed');
        if i % 5 = 0 then
            insert into hazard_measure_event (id, site_id, measure, status, on_date, inspection_id, recorded_at, recorded_by) values
                (gen_random_uuid(), site_id, 'FENCE_OR_BARRIER', 'DAMAGED', date '2025-04-10', md5('demo-inspection-b-' || i)::uuid, now(), 'demo-seed');
            insert into hazard_inspection (id, site_id, inspected_on, inspector, findings, created_at, created_by)
            values (md5('demo-inspection-c-' || i)::uuid, site_id, date '2025-06-20', 'Trưởng thôn (demo)', 'Đã sửa rào (demo)',
                    now(), 'demo-seed');
            insert into hazard_measure_event (id, site_id, measure, status, on_date, inspection_id, recorded_at, recorded_by) values
                (gen_random_uuid(), site_id, 'FENCE_OR_BARRIER', 'INSTALLED', date '2025-06-20', md5('demo-inspection-c-' || i)::uuid, now(), 'demo-seed');
        end if;
    end loop;
end;
$$;
