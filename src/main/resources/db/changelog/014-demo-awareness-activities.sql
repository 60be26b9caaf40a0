--liquibase formatted sql

--changeset cp:014-demo-awareness-activities context:demo-records
-- A year (2025) of awareness work in Yên Phúc for the local run: a loudspeaker broadcast in four
-- villages each month (drowning prevention from May to August), a school session each school
-- month, and village meetings in spring and autumn.
insert into awareness_activity (id, unit_code, unit_path, held_on, channel, topics, title, organiser, adults_reached,
                                girls_reached, boys_reached, created_at, created_by)
select md5('demo-awareness-loudspeaker-' || m || '-' || v)::uuid, u.code, p.path, make_date(2025, m, 5 + v),
       'VILLAGE_LOUDSPEAKER',
       case when m between 5 and 8 then array['DROWNING_PREVENTION', 'HOTLINE_111'] else array['ABUSE_PREVENTION', 'HOTLINE_111'] end,
       case when m between 5 and 8 then 'Phát thanh phòng chống đuối nước (demo)' else 'Phát thanh phòng chống xâm hại trẻ em (demo)' end,
       'Trưởng thôn (demo)', 150 + 10 * v, 0, 0, now(), 'demo-seed'
from generate_series(1, 12) m
cross join generate_series(1, 4) v
join admin_unit u on u.code = '06283_0' || v
join admin_unit_period p on p.unit_id = u.id and p.valid_to is null;

insert into awareness_activity (id, unit_code, unit_path, held_on, channel, topics, title, organiser, adults_reached,
                                girls_reached, boys_reached, created_at, created_by)
select md5('demo-awareness-school-' || m)::uuid, '06298', cast('20.06298' as ltree), make_date(2025, m, 15), 'SCHOOL_SESSION',
       case m % 4 when 0 then array['ABUSE_PREVENTION', 'HOTLINE_111'] when 1 then array['ONLINE_SAFETY']
                  when 2 then array['CHILDREN_RIGHTS'] else array['DROWNING_PREVENTION'] end,
       'Tiết học kỹ năng sống tại trường (demo)', 'Công chức văn hóa - xã hội (demo)', 4, 50 + m, 48 + m, now(), 'demo-seed'
from generate_series(1, 12) m
where m not in (6, 7, 8);

insert into awareness_activity (id, unit_code, unit_path, held_on, channel, topics, title, organiser, adults_reached,
                                girls_reached, boys_reached, created_at, created_by)
select md5('demo-awareness-meeting-' || d || '-' || v)::uuid, u.code, p.path, d + v, 'COMMUNITY_MEETING',
       array['PARENTING_SKILLS', 'ABUSE_PREVENTION'], 'Họp thôn: kỹ năng làm cha mẹ (demo)', 'Hội Liên hiệp Phụ nữ xã (demo)',
       40 + v, 3, 2, now(), 'demo-seed'
from unnest(array[date '2025-03-10', date '2025-10-10']) d
cross join generate_series(1, 8) v
join admin_unit u on u.code = '06283_0' || v
join admin_unit_period p on p.unit_id = u.id and p.valid_to is null;
