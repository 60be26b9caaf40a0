--liquibase formatted sql

--changeset cp:020-demo-injury-places context:demo-records
-- Where the demo injuries happened: drownings in water, traffic on the road, the rest at home.
update child_case set injury_place = case injury_mechanism when 'DROWNING' then 'WATER' when 'TRAFFIC' then 'ROAD' else 'HOME' end
where type = 'INJURY' and created_by = 'demo-seed';

--changeset cp:020-demo-households context:demo-records splitStatements:false
-- Four households with children in each An Sơn village, recorded in March 2024, with a safe-home
-- visit each May: most homes meet the checklist, some still have an unfenced pond (mandatory SH04
-- missing), some meet too few criteria; the fourth household of each village is not visited in
-- 2025 yet. Children with a demo injury case are placed first, so some homes are not safe because
-- a child was injured there.
do $$
declare
    heads text[] := array['Hoàng Văn Tư', 'Nông Văn Sáu', 'Lương Văn Bảy', 'Vi Văn Hưng', 'Lộc Văn Thành', 'Hà Thị Lan',
                          'Chu Văn Quý', 'Mã Văn Tâm', 'Triệu Thị Hoa', 'Lăng Văn Khải'];
    all_codes text[];
    mandatory_codes text[];
    optional_codes text[];
    v int;
    h int;
    y int;
    kind int;
    village text;
    village_path text;
    hh uuid;
    met text[];
begin
    select array_agg(code order by position), array_agg(code order by position) filter (where mandatory),
           array_agg(code order by position) filter (where not mandatory)
    into all_codes, mandatory_codes, optional_codes
    from safe_home_criterion where version = '2011-548.1';
    for v in 1..20 loop
        village := '06283_' || lpad(v::text, 2, '0');
        select cast(p.path as text) into village_path
        from admin_unit u join admin_unit_period p on p.unit_id = u.id
        where u.code = village and p.valid_to is null;
        for h in 1..4 loop
            hh := md5('demo-household-' || v || '-' || h)::uuid;
            insert into household (id, village_code, unit_path, head_name, address, created_at, created_by, updated_at)
            values (hh, village, cast(village_path as ltree), heads[1 + (v * 4 + h) % 10] || ' (demo)', 'Xóm ' || h,
                    timestamptz '2024-03-15 09:00+07', 'demo-seed', timestamptz '2024-03-15 09:00+07');
            insert into household_member (household_id, child_id)
            select hh, c.id from child c
            where c.village_code = village and c.status = 'ACTIVE' and c.created_by = 'demo-seed'
              and c.date_of_birth > date '2010-06-01'
              and not exists (select 1 from household_member m where m.child_id = c.id)
            order by exists (select 1 from child_case cc where cc.child_id = c.id and cc.type = 'INJURY') desc, c.id
            limit 1 + (v + h) % 3;
            for y in 2024..2025 loop
                continue when y = 2025 and h = 4;
                kind := (v * 4 + h + y) % 5;
                met := case
                    when kind = 3 then array_remove(array_remove(all_codes, 'SH04'), 'SH31')
                    when kind = 4 then mandatory_codes || optional_codes[1:5]
                    else array_remove(array_remove(all_codes, optional_codes[1 + (v + h) % 18]), optional_codes[1 + (v + h + 7) % 18]) end;
                insert into safe_home_assessment (household_id, year, checklist_version, assessed_on, assessor, criteria_met, note,
                                                  recorded_at, recorded_by)
                values (hh, y, '2011-548.1', make_date(y, 5, 5 + h), 'Cộng tác viên thôn (demo)', met,
                        case kind when 3 then 'Ao sau nhà chưa có rào chắn' end,
                        make_timestamptz(y, 5, 5 + h, 16, 0, 0, 'Asia/Ho_Chi_Minh'), 'demo-seed');
            end loop;
        end loop;
    end loop;
end $$;
