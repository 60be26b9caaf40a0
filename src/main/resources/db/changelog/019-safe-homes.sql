--liquibase formatted sql

--changeset cp:019-injury-place
-- Where an injury happened: the safe-home rule needs the injuries that happened at home.
alter table child_case add column injury_place varchar(30);

--changeset cp:019-households
create table household (
    id            uuid          primary key,
    village_code  varchar(20)   not null references admin_unit (code),
    unit_path     ltree         not null,
    head_name     text          not null,
    address       text,
    note          text,
    version       bigint        not null default 0,
    created_at    timestamptz   not null,
    created_by    text          not null,
    updated_at    timestamptz   not null
);
comment on table household is 'Households with children: the homes assessed against the safe-home checklist';
create index household_unit_path_gist on household using gist (unit_path);
create index household_village_ix on household (village_code, head_name, id);

create table household_member (
    household_id  uuid          not null references household (id),
    child_id      uuid          not null references child (id),
    primary key (household_id, child_id),
    constraint household_member_child_uk unique (child_id)
);
comment on table household_member is 'The children living in a household; a child lives in one household at a time';

--changeset cp:019-safe-home-checklist
create table safe_home_checklist (
    version       varchar(20)   primary key,
    minimum_met   int           not null,
    source        text          not null,
    note          text
);
comment on table safe_home_checklist is 'Versions of the safe-home checklist (QĐ 548/QĐ-LĐTBXH); an assessment names the version it used';

create table safe_home_area (
    version       varchar(20)   not null references safe_home_checklist (version),
    code          varchar(30)   not null,
    position      int           not null,
    article       varchar(10)   not null,
    name_vi       text          not null,
    name_en       text          not null,
    primary key (version, code)
);

create table safe_home_criterion (
    version       varchar(20)   not null references safe_home_checklist (version),
    code          varchar(10)   not null,
    position      int           not null,
    area          varchar(30)   not null,
    mandatory     boolean       not null,
    provisional   boolean       not null,
    source        text          not null,
    text_vi       text          not null,
    text_en       text          not null,
    primary key (version, code),
    foreign key (version, area) references safe_home_area (version, code)
);
comment on column safe_home_criterion.provisional is 'True where the wording or the mandatory status could not be confirmed against the decision itself';

insert into safe_home_checklist (version, minimum_met, source, note) values
    ('2011-548.1', 23, 'QĐ 548/QĐ-LĐTBXH of 06/05/2011, Tiêu chí Ngôi nhà an toàn phòng, chống tai nạn, thương tích trẻ em',
     'The decision''s own text was read for area 2.1 only. The other areas follow press summaries of the decision (Pháp luật TP.HCM, May 2011, listing mandatory items; Báo Bà Rịa-Vũng Tàu, March 2021) where they name an item; the remaining items and the mandatory status of nine items could not be confirmed and are marked provisional until a commune officer checks them against the printed decision.');

insert into safe_home_area (version, code, position, article, name_vi, name_en) values
    ('2011-548.1', 'SURROUNDINGS', 1, '2.1', 'An toàn xung quanh ngôi nhà', 'Around the house'),
    ('2011-548.1', 'ROOMS', 2, '2.2', 'An toàn các phòng trong ngôi nhà', 'Rooms'),
    ('2011-548.1', 'KITCHEN', 3, '2.3', 'An toàn khu bếp', 'Kitchen'),
    ('2011-548.1', 'ELECTRICITY', 4, '2.4', 'An toàn về điện', 'Electricity'),
    ('2011-548.1', 'STAIRS', 5, '2.5', 'An toàn cầu thang', 'Stairs'),
    ('2011-548.1', 'HOUSEHOLD_ITEMS', 6, '2.6', 'An toàn đồ dùng gia đình', 'Household items');

insert into safe_home_criterion (version, code, position, area, mandatory, provisional, source, text_vi, text_en) values
    ('2011-548.1', 'SH01', 1, 'SURROUNDINGS', true, true, 'Decision text 2.1(a); mandatory status not confirmed',
     'Cửa, cổng, hàng rào chắc chắn, độ cao phù hợp với lứa tuổi trẻ em',
     'Doors, gate and fence are sturdy and of a height suited to the children''s age'),
    ('2011-548.1', 'SH02', 2, 'SURROUNDINGS', false, false, 'Decision text 2.1(b)',
     'Đường vào nhà và sân quanh nhà không trơn trượt, an toàn cho trẻ',
     'The path into the house and the yard are not slippery and are safe for children'),
    ('2011-548.1', 'SH03', 3, 'SURROUNDINGS', false, false, 'Decision text 2.1(c)',
     'Nền nhà cao có bậc thềm phù hợp để trẻ lên, xuống',
     'A raised floor has steps children of that age can climb up and down'),
    ('2011-548.1', 'SH04', 4, 'SURROUNDINGS', true, false, 'Decision text 2.1(d); mandatory per press 2011',
     'Ao, hố chứa nước, hố vôi, cống thoát nước quanh nhà có hàng rào chắc chắn',
     'Ponds, water pits, lime pits and drains near the house are securely fenced'),
    ('2011-548.1', 'SH05', 5, 'SURROUNDINGS', true, false, 'Decision text 2.1(e); mandatory per press 2011',
     'Giếng, bể nước và đồ chứa nước có nắp đậy an toàn',
     'Wells, water tanks and other water containers have safe lids'),
    ('2011-548.1', 'SH06', 6, 'SURROUNDINGS', false, false, 'Decision text 2.1(f)',
     'Xung quanh nhà được phát quang',
     'The ground around the house is cleared of undergrowth'),
    ('2011-548.1', 'SH07', 7, 'SURROUNDINGS', false, false, 'Decision text 2.1(g)',
     'Vật nuôi được nuôi giữ an toàn cho trẻ',
     'Animals are kept so that they are safe for children'),
    ('2011-548.1', 'SH08', 8, 'SURROUNDINGS', true, false, 'Decision text 2.1(h); mandatory per press 2011',
     'Dụng cụ nguy hiểm, vật chứa chất độc hại để trong kho chứa an toàn',
     'Dangerous tools and containers of toxic substances are kept in a safe store'),
    ('2011-548.1', 'SH09', 9, 'ROOMS', true, false, 'Press 2011 and 2021 (mandatory per press 2011)',
     'Cửa sổ có chấn song chắc chắn, khoảng cách đủ hẹp để trẻ không chui qua',
     'Windows have sturdy bars spaced so that a child cannot slip through'),
    ('2011-548.1', 'SH10', 10, 'ROOMS', false, false, 'Press 2021',
     'Cửa sổ, cửa đi có móc giữ áp sát tường',
     'Windows and doors have hooks that hold them against the wall'),
    ('2011-548.1', 'SH11', 11, 'ROOMS', false, false, 'Press 2021',
     'Cánh cửa phòng có dụng cụ chặn khe để trẻ không kẹt tay',
     'Room doors have a stop so children''s fingers are not caught'),
    ('2011-548.1', 'SH12', 12, 'ROOMS', true, true, 'Not confirmed',
     'Ban công, sàn trên cao có lan can trẻ không trèo, không chui qua được',
     'Balconies and upper floors have railings a child cannot climb or slip through'),
    ('2011-548.1', 'SH13', 13, 'ROOMS', false, true, 'Not confirmed',
     'Giường của trẻ nhỏ có thành chắn',
     'Young children''s beds have side rails'),
    ('2011-548.1', 'SH14', 14, 'KITCHEN', true, false, 'Press 2011 and 2021 (mandatory per press 2011)',
     'Khu bếp riêng biệt, có cửa ngăn và khóa để trẻ dưới 6 tuổi không tiếp xúc bếp lửa, bình ga',
     'The kitchen is separate, with a door and lock keeping children under 6 away from fire and gas'),
    ('2011-548.1', 'SH15', 15, 'KITCHEN', false, true, 'Not confirmed',
     'Dao, kéo, vật sắc nhọn để ngoài tầm với của trẻ',
     'Knives, scissors and sharp objects are out of children''s reach'),
    ('2011-548.1', 'SH16', 16, 'KITCHEN', false, true, 'Not confirmed',
     'Nồi thức ăn nóng, nước sôi để ngoài tầm với của trẻ',
     'Pots of hot food and boiling water are out of children''s reach'),
    ('2011-548.1', 'SH17', 17, 'KITCHEN', true, true, 'Not confirmed',
     'Chất tẩy rửa, dầu hỏa, thuốc trừ sâu không đựng trong chai đồ uống, có nhãn và để riêng',
     'Cleaning agents, kerosene and pesticides are never kept in drink bottles, are labelled and stored apart'),
    ('2011-548.1', 'SH18', 18, 'ELECTRICITY', true, false, 'Press 2011 (mandatory)',
     'Dây dẫn điện đi ngầm trong tường hoặc trong ống bảo vệ',
     'Electric wires run inside the walls or in protective conduit'),
    ('2011-548.1', 'SH19', 19, 'ELECTRICITY', true, true, 'Not confirmed',
     'Ổ cắm, công tắc, cầu dao đặt ngoài tầm với của trẻ hoặc có nắp che',
     'Sockets, switches and breakers are out of children''s reach or covered'),
    ('2011-548.1', 'SH20', 20, 'ELECTRICITY', true, true, 'Not confirmed',
     'Thiết bị điện không hở mạch, không rò điện',
     'Electrical appliances have no exposed live parts and no leaks'),
    ('2011-548.1', 'SH21', 21, 'ELECTRICITY', false, true, 'Not confirmed',
     'Có cầu dao hoặc thiết bị tự ngắt điện khi chập, rò',
     'A breaker cuts the power on a short circuit or leak'),
    ('2011-548.1', 'SH22', 22, 'STAIRS', true, true, 'Press 2021; mandatory status not confirmed',
     'Cầu thang có lan can, tay vịn chắc chắn',
     'Stairs have sturdy railings and handrails'),
    ('2011-548.1', 'SH23', 23, 'STAIRS', false, false, 'Press 2021',
     'Bậc cầu thang có chiều cao, mặt bậc phù hợp, an toàn cho trẻ',
     'Stair steps have a height and depth that are safe for children'),
    ('2011-548.1', 'SH24', 24, 'STAIRS', false, true, 'Not confirmed',
     'Đầu và chân cầu thang có cửa chắn khi nhà có trẻ nhỏ',
     'Gates at the top and foot of the stairs where young children live'),
    ('2011-548.1', 'SH25', 25, 'HOUSEHOLD_ITEMS', true, true, 'Press 2021; mandatory status not confirmed',
     'Phích nước có hộp đựng hoặc dây đai giữ, để ngoài tầm với của trẻ dưới 6 tuổi',
     'Thermos flasks are in a case or strapped, out of reach of children under 6'),
    ('2011-548.1', 'SH26', 26, 'HOUSEHOLD_ITEMS', true, true, 'Press 2021; mandatory status not confirmed',
     'Đèn, bật lửa, diêm để ngoài tầm với của trẻ dưới 6 tuổi',
     'Lamps, lighters and matches are out of reach of children under 6'),
    ('2011-548.1', 'SH27', 27, 'HOUSEHOLD_ITEMS', true, true, 'Not confirmed',
     'Thuốc chữa bệnh để trong hộp, ngoài tầm với của trẻ',
     'Medicines are kept in a box out of children''s reach'),
    ('2011-548.1', 'SH28', 28, 'HOUSEHOLD_ITEMS', false, true, 'Not confirmed',
     'Vật nhỏ dễ gây hóc (hạt, bi, đồng xu) để ngoài tầm với của trẻ nhỏ',
     'Small objects a child could choke on are out of young children''s reach'),
    ('2011-548.1', 'SH29', 29, 'HOUSEHOLD_ITEMS', false, true, 'Not confirmed',
     'Tủ, kệ, ti vi được kê vững hoặc cố định vào tường',
     'Wardrobes, shelves and the television stand firm or are fixed to the wall'),
    ('2011-548.1', 'SH30', 30, 'HOUSEHOLD_ITEMS', false, true, 'Not confirmed',
     'Đồ thủy tinh, gương được đặt, treo chắc chắn',
     'Glassware and mirrors are placed or hung securely'),
    ('2011-548.1', 'SH31', 31, 'HOUSEHOLD_ITEMS', false, true, 'Not confirmed',
     'Hương, đèn trên bàn thờ ngoài tầm với của trẻ',
     'Incense and altar lamps are out of children''s reach'),
    ('2011-548.1', 'SH32', 32, 'HOUSEHOLD_ITEMS', false, true, 'Not confirmed',
     'Túi ni lông, dây thừng, dây buộc để xa trẻ nhỏ',
     'Plastic bags, ropes and cords are kept away from young children'),
    ('2011-548.1', 'SH33', 33, 'HOUSEHOLD_ITEMS', false, true, 'Not confirmed',
     'Gia đình có túi sơ cứu và biết sơ cứu ban đầu',
     'The family has a first-aid kit and knows basic first aid');


--changeset cp:019-safe-home-assessments splitStatements:false
create table safe_home_assessment (
    household_id       uuid          not null references household (id),
    year               int           not null,
    checklist_version  varchar(20)   not null references safe_home_checklist (version),
    assessed_on        date          not null,
    assessor           text          not null,
    criteria_met       text[]        not null,
    note               text,
    version            bigint        not null default 0,
    recorded_at        timestamptz   not null,
    recorded_by        text          not null,
    primary key (household_id, year),
    constraint safe_home_assessment_year_ck check (extract(year from assessed_on) = year)
);
comment on table safe_home_assessment is 'Yearly safe-home assessments: the criteria found met. Whether the home is safe is computed by safe_home_result, never stored';

-- The safe-home rule of QĐ 548, in one place: at least minimum_met criteria met, every mandatory
-- one among them, and no child of the household injured at home that year (injury cases at HOME
-- not closed as unsubstantiated, by the day they happened, else received, in p_zone). A plain SQL
-- function, so PostgreSQL inlines it and filters on household or year reach the tables.
create function safe_home_result(p_zone text)
returns table (household_id uuid, year int, criteria_met int, mandatory_missing text[], injuries_at_home int,
               provisional boolean, safe boolean)
language sql stable as $f$
    select a.household_id, a.year, r.met, r.missing, i.injuries, r.provisional,
           r.met >= ck.minimum_met and cardinality(r.missing) = 0 and i.injuries = 0
    from safe_home_assessment a
    join safe_home_checklist ck on ck.version = a.checklist_version
    cross join lateral (
        select cast(count(*) filter (where k.code = any (a.criteria_met)) as int) as met,
               coalesce(array_agg(k.code order by k.position) filter (where k.mandatory and not k.code = any (a.criteria_met)),
                        '{}') as missing,
               bool_or(k.provisional) as provisional
        from safe_home_criterion k where k.version = a.checklist_version) r
    cross join lateral (
        select cast(count(*) as int) as injuries
        from household_member m join child_case cc on cc.child_id = m.child_id
        where m.household_id = a.household_id and cc.type = 'INJURY' and cc.injury_place = 'HOME'
          and cc.status <> 'CLOSED_UNSUBSTANTIATED'
          and extract(year from coalesce(cc.occurred_at, cc.received_at) at time zone p_zone) = a.year) i
$f$;
