--liquibase formatted sql

--changeset cp:008-demo-children context:demo-records splitStatements:false
-- About 1,600 synthetic children (and 8 duplicate registrations) across the 20 villages of the former An Sơn commune, roughly the
-- real size of the commune, for the local run only (context demo-records). Every name ends in
-- "(demo)" and every external reference begins with DEMO-. Shares follow the commune's profile:
-- mostly Nùng and Tày, about 12% poor and 10% near-poor households, under 2% with a disability, a
-- few percent in special circumstances or at risk, some aged 16-17, some moved away.
do $$
declare
    families text[] := array['Hoàng', 'Nông', 'Lương', 'Vi', 'Lộc', 'Hà', 'Chu', 'Mã', 'Triệu', 'Lăng', 'Hứa', 'Đàm',
                             'Nguyễn', 'Lý', 'Dương', 'Hoàng', 'Nông', 'Lương'];
    boys text[] := array['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Minh', 'Nam', 'Phúc', 'Quân',
                         'Sơn', 'Tài', 'Thắng', 'Tùng', 'Việt', 'Vũ', 'Đức', 'Kiên'];
    girls text[] := array['Anh', 'Chi', 'Dung', 'Hà', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngọc', 'Nhung',
                          'Phương', 'Quỳnh', 'Thảo', 'Trang', 'Vân', 'Yến', 'Thu', 'Hằng'];
    boy_middles text[] := array['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Văn'];
    girl_middles text[] := array['Thị', 'Thị', 'Thu', 'Ngọc', 'Thị', 'Minh'];
    mothers text[] := array['Lương Thị Mai', 'Hoàng Thị Lan', 'Nông Thị Hoa', 'Vi Thị Nga', 'Lộc Thị Hương', 'Chu Thị Vân'];
    today date := (now() at time zone 'Asia/Ho_Chi_Minh')::date;
    i int;
    v int;
    village text;
    village_path text;
    is_boy boolean;
    born date;
    age int;
    r double precision;
    child_id uuid;
    name text;
    ethnic text;
    poverty text;
    disability text;
    school text;
    state text;
    state_date date;
    pid text;
    episode_start date;
begin
    perform setseed(0.2024);
    for i in 1..1600 loop
        v := 1 + (i - 1) % 20;
        village := '06283_' || lpad(v::text, 2, '0');
        select cast(p.path as text) into village_path
        from admin_unit u join admin_unit_period p on p.unit_id = u.id
        where u.code = village and p.valid_to is null;
        is_boy := random() < 0.51;
        born := today - (floor(random() * 18 * 365.25))::int - 1;
        age := extract(year from age(today, born))::int;
        name := families[1 + floor(random() * array_length(families, 1))::int] || ' '
                || case when is_boy then boy_middles[1 + floor(random() * 6)::int] || ' ' || boys[1 + floor(random() * 20)::int]
                        else girl_middles[1 + floor(random() * 6)::int] || ' ' || girls[1 + floor(random() * 20)::int] end
                || ' (demo)';
        r := random();
        ethnic := case when r < 0.55 then 'NUNG' when r < 0.90 then 'TAY' when r < 0.97 then 'KINH' when r < 0.99 then 'DAO' else 'HOA' end;
        r := random();
        poverty := case when r < 0.12 then 'POOR' when r < 0.22 then 'NEAR_POOR' when r < 0.97 then 'NEITHER' else 'UNKNOWN' end;
        r := random();
        disability := case when r < 0.003 then 'ESPECIALLY_SEVERE' when r < 0.008 then 'SEVERE' when r < 0.016 then 'MILD' else 'NONE' end;
        school := case when age < 3 then 'NOT_YET_SCHOOL_AGE' when age < 6 then 'PRESCHOOL' when age < 11 then 'PRIMARY'
                       when random() < 0.05 then 'DROPPED_OUT' when age < 15 then 'LOWER_SECONDARY' else 'UPPER_SECONDARY' end;
        r := random();
        state := case when r < 0.02 then 'MOVED_AWAY' when r < 0.022 then 'DECEASED' else 'ACTIVE' end;
        state_date := case when state = 'ACTIVE' then null else greatest(born, today - (floor(random() * 700))::int) end;
        pid := case when random() < 0.85
                    then '020' || case when is_boy then '2' else '3' end || to_char(born, 'YY') || lpad(i::text, 6, '0') end;
        child_id := md5('demo-child-' || i)::uuid;
        insert into child (id, personal_id, full_name, search_name, sort_name, date_of_birth, birth_date_estimated, sex,
                           ethnicity, village_code, unit_path, address, poverty_status, birth_registered_on, school_status,
                           disability_level, parents_status, caregivers, caregiver_phones, continuing_support_reason,
                           external_ref, status, status_date, created_at, created_by, updated_at)
        values (child_id, pid, name, '', '', born, random() < 0.02, case when is_boy then 'MALE' else 'FEMALE' end,
                ethnic, village, cast(village_path as ltree), 'Thôn ' || v || ', xã Yên Phúc (demo)', poverty,
                case when pid is not null then born + (floor(random() * 60))::int end, school, disability,
                case when random() < 0.9 then 'BOTH_PARENTS' when random() < 0.5 then 'PARENTS_WORKING_AWAY' else 'FATHER_DECEASED' end,
                jsonb_build_array(jsonb_build_object('name', mothers[1 + floor(random() * 6)::int] || ' (demo)',
                                                     'relationship', 'MOTHER', 'phone', '09' || lpad(i::text, 8, '0'))),
                array['09' || lpad(i::text, 8, '0')],
                case when age >= 16 then 'Tiếp tục hỗ trợ học nghề (demo)' end,
                'DEMO-' || lpad(i::text, 5, '0'), state, state_date, now(), 'demo-seed', now());

        -- Special-circumstance spans, a few percent of children.
        episode_start := greatest(born + 180, date '2021-01-01');
        if disability in ('ESPECIALLY_SEVERE', 'SEVERE') then
            insert into child_episode (id, child_id, kind, code, subcode, start_date, created_at, created_by, updated_at)
            values (gen_random_uuid(), child_id, 'CIRCUMSTANCE', 'HCDB_D',
                    case when disability = 'ESPECIALLY_SEVERE' then 'HCDB_D_1' else 'HCDB_D_2' end,
                    episode_start, now(), 'demo-seed', now());
        end if;
        r := random();
        if r < 0.014 then
            insert into child_episode (id, child_id, kind, code, subcode, start_date, end_date, end_reason, created_at, created_by, updated_at)
            values (gen_random_uuid(), child_id, 'CIRCUMSTANCE', 'HCDB_C', 'HCDB_C_1', episode_start,
                    case when random() < 0.2 then date '2025-06-30' end,
                    null, now(), 'demo-seed', now());
        elsif r < 0.019 then
            insert into child_episode (id, child_id, kind, code, subcode, start_date, created_at, created_by, updated_at)
            values (gen_random_uuid(), child_id, 'CIRCUMSTANCE', 'HCDB_A', 'HCDB_A_3', episode_start, now(), 'demo-seed', now());
        elsif r < 0.028 and poverty in ('POOR', 'NEAR_POOR') then
            insert into child_episode (id, child_id, kind, code, subcode, start_date, created_at, created_by, updated_at)
            values (gen_random_uuid(), child_id, 'CIRCUMSTANCE', 'HCDB_N', 'HCDB_N_1', episode_start, now(), 'demo-seed', now());
        elsif r < 0.034 and school = 'DROPPED_OUT' then
            insert into child_episode (id, child_id, kind, code, subcode, start_date, created_at, created_by, updated_at)
            values (gen_random_uuid(), child_id, 'CIRCUMSTANCE', 'HCDB_H', 'HCDB_H_1', greatest(born + 365 * 12, date '2023-09-05'),
                    now(), 'demo-seed', now());
        end if;

        -- Risk spans, a few percent more.
        r := random();
        if r < 0.03 then
            insert into child_episode (id, child_id, kind, code, start_date, end_date, end_reason, created_at, created_by, updated_at)
            values (gen_random_uuid(), child_id, 'RISK',
                    (array['LEFT_BEHIND', 'HOUSEHOLD_HARDSHIP', 'INJURY', 'SCHOOL_DROPOUT', 'DOMESTIC_VIOLENCE'])[1 + floor(random() * 5)::int],
                    greatest(born + 365, date '2024-01-01'),
                    case when r < 0.008 then date '2025-12-31' end,
                    case when r < 0.008 then 'Tình hình gia đình đã ổn định (demo)' end,
                    now(), 'demo-seed', now());
        end if;
    end loop;

    -- Eight children registered a second time by a neighbouring village, without an identification
    -- number and with the birth date estimated: the duplicates an officer is asked to merge.
    insert into child (id, personal_id, full_name, search_name, sort_name, date_of_birth, birth_date_estimated, sex,
                       ethnicity, village_code, unit_path, address, poverty_status, school_status, disability_level,
                       parents_status, caregivers, caregiver_phones, external_ref, status, created_at, created_by,
                       updated_at)
    select md5('demo-duplicate-' || n)::uuid, null, c.full_name, '', '', c.date_of_birth, true, c.sex, c.ethnicity,
           d.code, p.path, null, c.poverty_status, c.school_status, c.disability_level,
           c.parents_status, c.caregivers, c.caregiver_phones, 'DEMO-DUP-' || n, 'ACTIVE', now(), 'demo-seed', now()
    from generate_series(1, 8) n
    join child c on c.id = md5('demo-child-' || (n * 97))::uuid
    join admin_unit d on d.code = '06283_' || lpad((1 + (n * 97) % 20)::text, 2, '0')
    join admin_unit_period p on p.unit_id = d.id and p.valid_to is null;
end;
$$;

--changeset cp:008-demo-children-search-keys context:demo-records
-- The same search and sort keys the service computes (no diacritics, đ as d, lower case; given name first).
update child set search_name = lower(translate(normalize(full_name, NFD),
        'đĐ' || chr(768) || chr(769) || chr(770) || chr(771) || chr(772) || chr(774) || chr(775) || chr(776) || chr(777)
        || chr(778) || chr(779) || chr(780) || chr(783) || chr(785) || chr(795) || chr(803) || chr(804) || chr(809),
        'dD'))
where created_by = 'demo-seed';
update child set sort_name = regexp_replace(regexp_replace(search_name, ' \(.*\)$', ''), '^.* ', '') || ' | ' || search_name
where created_by = 'demo-seed';
