--liquibase formatted sql

--changeset cp:022-demo-plans context:demo-records splitStatements:false
-- The 2024 plan of An Sơn (domain/an-son-2024-child-work-plan.txt) with its eight targets, each
-- measured by the indicator that measures it where one exists; the plan gives no figure for
-- targets 4, 7 and 8, so the values set here are the demo's. A 2026 plan of Yên Phúc in draft.
do $$
declare
    plan_id uuid := md5('demo-plan-06283-2024')::uuid;
    created timestamptz := timestamptz '2024-04-15 09:00+07';
begin
    insert into plan (id, commune_code, unit_path, year, document_number, title, adopted_on, status, note, created_at, created_by, updated_at)
    values (plan_id, '06283', '20.184.06283', 2024, null, 'Kế hoạch triển khai thực hiện công tác trẻ em năm 2024 trên địa bàn xã An Sơn',
            date '2024-04-15', 'CLOSED', 'Thực hiện Kế hoạch số 117/KH-UBND ngày 29/3/2024 của UBND huyện Văn Quan (demo)', created,
            'commune.yenphuc', timestamptz '2025-01-06 09:00+07');
    insert into plan_target (id, plan_id, position, description, measure_kind, indicator_key, target_value, unit, comparison,
                             set_by_district, created_at, created_by, updated_at)
    values
        (md5('demo-target-1')::uuid, plan_id, 1, '100% trẻ em có hoàn cảnh đặc biệt được bảo vệ, chăm sóc dưới các hình thức: trợ cấp xã hội, khám chữa bệnh, hỗ trợ giáo dục, tư vấn, tham vấn và các hình thức trợ giúp khác',
         'INDICATOR', 'sc-children-supported', 100, 'PERCENT', 'AT_LEAST', false, created, 'commune.yenphuc', created),
        (md5('demo-target-2')::uuid, plan_id, 2, 'Duy trì Ban chỉ đạo, điều hành bảo vệ, chăm sóc trẻ em có quy chế hoạt động; hình thành nhóm thường trực bảo vệ trẻ em cấp xã',
         'MANUAL', null, 1, 'YES_NO', 'EQUAL', false, created, 'commune.yenphuc', created),
        (md5('demo-target-3')::uuid, plan_id, 3, 'Thực hiện có chất lượng Tháng hành động vì trẻ em, ngày Quốc tế thiếu nhi, Tết Trung thu, Tết Nguyên đán cho trẻ em',
         'MANUAL', null, 1, 'YES_NO', 'EQUAL', false, created, 'commune.yenphuc', created),
        (md5('demo-target-4')::uuid, plan_id, 4, 'Hướng dẫn, giáo dục kỹ năng an toàn trong môi trường nước, dạy bơi an toàn cho trẻ em (chỉ tiêu 50% là của bản demo)',
         'INDICATOR', 'swimming-safety-taught', 50, 'PERCENT', 'AT_LEAST', false, created, 'commune.yenphuc', created),
        (md5('demo-target-5')::uuid, plan_id, 5, 'Phấn đấu xã đạt tiêu chuẩn xã phù hợp với trẻ em năm 2024',
         'INDICATOR', 'child-friendly-communes', 100, 'PERCENT', 'AT_LEAST', false, created, 'commune.yenphuc', created),
        (md5('demo-target-6')::uuid, plan_id, 6, 'Phấn đấu 70% trẻ em được nâng cao nhận thức, năng lực về quyền tham gia của trẻ em',
         'INDICATOR', 'children-consulted', 70, 'PERCENT', 'AT_LEAST', false, created, 'commune.yenphuc', created),
        (md5('demo-target-7')::uuid, plan_id, 7, 'Duy trì hệ thống cơ sở dữ liệu trẻ em cấp xã (chỉ tiêu 95% hồ sơ có số định danh là của bản demo)',
         'INDICATOR', 'records-with-personal-id', 95, 'PERCENT', 'AT_LEAST', false, created, 'commune.yenphuc', created),
        (md5('demo-target-8')::uuid, plan_id, 8, 'Vận động ủng hộ Quỹ Bảo trợ trẻ em đạt kết quả cao (chỉ tiêu 20 triệu đồng là của bản demo)',
         'MANUAL', null, 20000000, 'VND', 'AT_LEAST', false, created, 'commune.yenphuc', created);
    insert into target_value_report (id, target_id, reported_on, value, evidence, reporter, recorded_at, recorded_by)
    values
        (md5('demo-value-2')::uuid, md5('demo-target-2')::uuid, date '2024-04-20', 1, 'Quyết định kiện toàn Ban chỉ đạo (demo)',
         'Công chức Văn hóa - xã hội', timestamptz '2024-04-20 09:00+07', 'commune.yenphuc'),
        (md5('demo-value-3')::uuid, md5('demo-target-3')::uuid, date '2024-06-30', 1, 'Báo cáo Tháng hành động vì trẻ em 2024 (demo)',
         'Công chức Văn hóa - xã hội', timestamptz '2024-07-01 09:00+07', 'commune.yenphuc'),
        (md5('demo-value-8a')::uuid, md5('demo-target-8')::uuid, date '2024-06-01', 8500000, 'Sổ quỹ xã tháng 6/2024 (demo)',
         'Kế toán xã', timestamptz '2024-06-02 09:00+07', 'commune.yenphuc'),
        (md5('demo-value-8b')::uuid, md5('demo-target-8')::uuid, date '2024-10-25', 18200000, 'Sổ quỹ xã tháng 10/2024 (demo)',
         'Kế toán xã', timestamptz '2024-10-26 09:00+07', 'commune.yenphuc');

    insert into plan (id, commune_code, unit_path, year, title, status, created_at, created_by, updated_at)
    values (md5('demo-plan-06298-2026')::uuid, '06298', '20.06298', 2026, 'Kế hoạch triển khai thực hiện công tác trẻ em năm 2026 (dự thảo)',
            'DRAFT', timestamptz '2026-02-10 09:00+07', 'commune.yenphuc', timestamptz '2026-02-10 09:00+07');
    insert into plan_target (id, plan_id, position, description, measure_kind, indicator_key, target_value, unit, comparison,
                             set_by_district, created_at, created_by, updated_at)
    values
        (md5('demo-target-2026-1')::uuid, md5('demo-plan-06298-2026')::uuid, 1, '100% trẻ em có hoàn cảnh đặc biệt được hỗ trợ',
         'INDICATOR', 'sc-children-supported', 100, 'PERCENT', 'AT_LEAST', false, timestamptz '2026-02-10 09:00+07', 'commune.yenphuc',
         timestamptz '2026-02-10 09:00+07'),
        (md5('demo-target-2026-2')::uuid, md5('demo-plan-06298-2026')::uuid, 2, '80% hộ gia đình có trẻ em đạt tiêu chí Ngôi nhà an toàn',
         'INDICATOR', 'safe-homes', 80, 'PERCENT', 'AT_LEAST', true, timestamptz '2026-03-01 09:00+07', 'district.langson',
         timestamptz '2026-03-01 09:00+07');
end $$;

--changeset cp:022-demo-reports context:demo-records
-- An Sơn's 6-month report of 2024, accepted, and its annual report, submitted. Their versions
-- (the snapshot of the figures) are frozen by the service when it starts (ReportSnapshots).
insert into periodic_report (id, commune_code, unit_path, year, kind, status, results, difficulties, proposals, first_submitted_at,
                             created_at, created_by, updated_at)
values
    (md5('demo-report-06283-2024-H1')::uuid, '06283', '20.184.06283', 2024, 'SIX_MONTH', 'ACCEPTED',
     'Sáu tháng đầu năm 2024, xã đã kiện toàn Ban chỉ đạo bảo vệ, chăm sóc trẻ em, rà soát trẻ em có hoàn cảnh đặc biệt và triển khai các hình thức hỗ trợ (demo).',
     'Kinh phí cho công tác trẻ em còn hạn chế; một số ao hồ chưa có rào chắn trước mùa hè (demo).',
     'Đề nghị huyện hỗ trợ kinh phí làm rào chắn, biển cảnh báo tại các điểm có nguy cơ đuối nước (demo).',
     timestamptz '2024-05-08 10:00+07', timestamptz '2024-05-02 09:00+07', 'commune.yenphuc', timestamptz '2024-05-13 15:00+07'),
    (md5('demo-report-06283-2024')::uuid, '06283', '20.184.06283', 2024, 'ANNUAL', 'SUBMITTED',
     'Năm 2024, xã đã thực hiện các mục tiêu của Kế hoạch công tác trẻ em; tổ chức Tháng hành động vì trẻ em và Tết Trung thu cho trẻ em (demo).',
     'Tỷ lệ trẻ em được học bơi còn thấp; việc cập nhật số định danh của trẻ em vào cơ sở dữ liệu còn chậm (demo).',
     'Đề nghị huyện tổ chức lớp dạy bơi cho trẻ em trong dịp hè 2025 (demo).',
     timestamptz '2024-11-07 10:00+07', timestamptz '2024-10-28 09:00+07', 'commune.yenphuc', timestamptz '2024-11-07 10:00+07');

--changeset cp:022-demo-awareness-2024 context:demo-records
-- Awareness work of An Sơn in the first half of 2024, which its 6-month report shows.
insert into awareness_activity (id, unit_code, unit_path, held_on, channel, topics, title, organiser, adults_reached, girls_reached,
                                boys_reached, note, created_at, created_by)
select md5('demo-awareness-2024-' || a.n)::uuid, a.unit, p.path, a.held, a.channel, a.topics, a.title, a.organiser, a.adults, a.girls,
       a.boys, 'Demo', a.held + time '16:00', 'demo-seed'
from (values
        (1, '06283', date '2024-03-12', 'SCHOOL_SESSION', '{ABUSE_PREVENTION,HOTLINE_111}'::text[], 'Tiết học kỹ năng tự bảo vệ (demo)',
         'Công chức Văn hóa - xã hội', 8, 64, 59),
        (2, '06283_01', date '2024-05-20', 'VILLAGE_LOUDSPEAKER', '{DROWNING_PREVENTION}'::text[], 'Phát thanh phòng chống đuối nước dịp hè (demo)',
         'Trưởng thôn', 240, 0, 0),
        (3, '06283_05', date '2024-05-27', 'COMMUNITY_MEETING', '{PARENTING_SKILLS,CHILDREN_RIGHTS}'::text[], 'Họp thôn về kỹ năng làm cha mẹ (demo)',
         'Hội Liên hiệp phụ nữ xã', 45, 0, 0),
        (4, '06283', date '2024-09-15', 'SCHOOL_SESSION', '{ONLINE_SAFETY}'::text[], 'An toàn trên môi trường mạng (demo)',
         'Đoàn Thanh niên xã', 5, 70, 66)
     ) as a(n, unit, held, channel, topics, title, organiser, adults, girls, boys)
join admin_unit u on u.code = a.unit
join lateral (select l.path from admin_unit_period l where l.unit_id = u.id order by l.valid_to desc nulls first limit 1) p on true;
