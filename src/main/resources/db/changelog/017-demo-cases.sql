--liquibase formatted sql

--changeset cp:017-demo-cases context:demo-records splitStatements:false
-- About forty cases over 2024-2026 for demo children of the former An Sơn commune (local run only),
-- in every state of the Decree 56 process, with their timelines and plan versions. Recent reports of
-- children in danger still unprotected, plans never drafted and submissions never decided make some
-- of them overdue. Deadlines are computed by the service when it starts (CaseDeadlines.onStart).
do $$
declare
    targets text[] := array['RECEIVED', 'ASSESSED', 'EMERGENCY_PROTECTION', 'DETAILED_ASSESSMENT', 'PLANNING',
                            'PLAN_SUBMITTED', 'PLAN_APPROVED', 'IN_PROGRESS', 'REVIEWED', 'CLOSED', 'CLOSED',
                            'CLOSED_UNSUBSTANTIATED', 'IN_PROGRESS', 'CLOSED'];
    -- The main path and the state each step reaches; PLAN_VERSION is a plan drafted, not a transition.
    steps text[] := array['ASSESS_INITIAL', 'ASSESS_DETAILED', 'HOLD_CONFERENCE', 'PLAN_VERSION', 'SUBMIT_PLAN',
                          'APPROVE_PLAN', 'START_IMPLEMENTATION', 'REVIEW', 'CLOSE'];
    reached text[] := array['ASSESSED', 'DETAILED_ASSESSMENT', 'PLANNING', 'PLANNING', 'PLAN_SUBMITTED', 'PLAN_APPROVED',
                            'IN_PROGRESS', 'REVIEWED', 'CLOSED'];
    mechanisms text[] := array['DROWNING', 'TRAFFIC', 'FALL', 'BURN', 'ANIMAL'];
    categories text[] := array['LEFT_BEHIND', 'DOMESTIC_VIOLENCE', 'SCHOOL_DROPOUT', 'CHILD_LABOUR', 'HOUSEHOLD_HARDSHIP'];
    forms text[] := array['["VIOLENCE"]', '["NEGLECT"]', '["VIOLENCE", "NEGLECT"]', '["SEXUAL_ABUSE"]', '["EXPLOITATION"]'];
    channels text[] := array['HOTLINE_111', 'POLICE', 'HEALTH_FACILITY', 'SCHOOL', 'FAMILY', 'COMMUNITY'];
    r record;
    n int := 0;
    target text;
    case_type text;
    new_case uuid;
    commune text;
    num int;
    received timestamptz;
    t timestamptz;
    state text;
    danger boolean;
    last_step int;
    protect boolean;
begin
    perform setseed(0.0056);
    for r in select c.id, c.unit_path, c.date_of_birth from child c
             where c.created_by = 'demo-seed' and c.status = 'ACTIVE' and c.date_of_birth < date '2022-01-01'
             order by random() limit 42 loop
        n := n + 1;
        target := targets[1 + (n - 1) % array_length(targets, 1)];
        case_type := (array['ABUSE', 'INJURY', 'AT_RISK'])[1 + n % 3];
        danger := (case_type = 'ABUSE' and n % 2 = 1) or target = 'EMERGENCY_PROTECTION';
        protect := target = 'EMERGENCY_PROTECTION' or (danger and n % 4 = 1 and target <> 'RECEIVED');
        -- Cases that are still at the start were received in the last days; the others over two years.
        received := case when target in ('RECEIVED', 'ASSESSED', 'EMERGENCY_PROTECTION')
                         then now() - (1 + random() * 6) * interval '1 day'
                         else timestamptz '2024-01-08 08:00+07' + random() * (now() - interval '90 days' - timestamptz '2024-01-08 08:00+07') end;
        commune := subltree(r.unit_path, nlevel(r.unit_path) - 2, nlevel(r.unit_path) - 1)::text;
        insert into case_number_counter (commune_code, year, last_number)
        values (commune, extract(year from received at time zone 'Asia/Ho_Chi_Minh')::int, 1)
        on conflict (commune_code, year) do update set last_number = case_number_counter.last_number + 1
        returning last_number into num;
        new_case := gen_random_uuid();
        insert into child_case (id, case_number, child_id, commune_code, unit_path, type, status, source_channel, received_at,
                                occurred_at, summary, abuse_forms, setting, perpetrator_relationship, injury_mechanism,
                                injury_outcome, risk_category, reporter, child_in_danger, created_at, created_by, updated_at)
        values (new_case, format('%s-%s-%s', extract(year from received at time zone 'Asia/Ho_Chi_Minh')::int, commune, lpad(num::text, 4, '0')),
                r.id, commune, r.unit_path, case_type, 'RECEIVED', channels[1 + n % array_length(channels, 1)], received,
                received - interval '1 day',
                case case_type when 'ABUSE' then 'Trẻ có dấu hiệu bị xâm hại (demo)'
                               when 'INJURY' then 'Trẻ bị tai nạn, thương tích (demo)'
                               else 'Trẻ có nguy cơ rơi vào hoàn cảnh đặc biệt (demo)' end,
                case when case_type = 'ABUSE' then cast(forms[1 + n % array_length(forms, 1)] as jsonb) end,
                case when case_type = 'ABUSE' then 'FAMILY' end,
                case when case_type = 'ABUSE' then (array['PARENT', 'STEP_PARENT', 'NEIGHBOUR_OR_ACQUAINTANCE'])[1 + n % 3] end,
                case when case_type = 'INJURY' then mechanisms[1 + n % array_length(mechanisms, 1)] end,
                case when case_type = 'INJURY' then 'RECOVERED' end,
                case when case_type = 'AT_RISK' then categories[1 + n % array_length(categories, 1)] end,
                jsonb_build_object('name', 'Người báo tin ' || n || ' (demo)', 'relationship', 'Hàng xóm',
                                   'phone', '0912' || lpad((n * 7919 % 1000000)::text, 6, '0')),
                danger, received, 'demo-seed', received);
        insert into case_event (id, case_id, kind, to_state, occurred_at, recorded_at, recorded_by, data)
        values (gen_random_uuid(), new_case, 'REPORTED', 'RECEIVED', received, received, 'demo-seed',
                jsonb_build_object('type', case_type, 'sourceChannel', channels[1 + n % array_length(channels, 1)]));

        state := 'RECEIVED';
        t := received;
        last_step := case target when 'RECEIVED' then 0 when 'CLOSED_UNSUBSTANTIATED' then 0
                                 when 'EMERGENCY_PROTECTION' then 1 else array_position(reached, target) end;
        for k in 1 .. last_step loop
            t := least(t + (16 + random() * 40) * interval '1 hour', now() - interval '1 hour');
            if steps[k] = 'PLAN_VERSION' then
                update child_case set plan_version = plan_version + 1 where id = new_case;
                insert into case_plan_version (case_id, number, items, total_cost_vnd, created_at, created_by)
                values (new_case, 1, jsonb_build_array(
                            jsonb_build_object('measure', 'FAMILY_COUNSELLING', 'responsiblePerson', 'Cán bộ LĐTBXH xã (demo)',
                                               'provider', 'Trung tâm CTXH tỉnh', 'startOn', (t + interval '2 days')::date,
                                               'endOn', (t + interval '92 days')::date, 'estimatedCostVnd', 1500000),
                            jsonb_build_object('measure', 'SAFETY_MONITORING', 'responsiblePerson', 'Trưởng thôn (demo)',
                                               'startOn', (t + interval '2 days')::date, 'endOn', (t + interval '92 days')::date,
                                               'estimatedCostVnd', 0)),
                        1500000, t, 'demo-seed');
                insert into case_event (id, case_id, kind, from_state, to_state, occurred_at, recorded_at, recorded_by, data)
                values (gen_random_uuid(), new_case, 'PLAN_VERSION', state, state, t, t, 'demo-seed',
                        jsonb_build_object('version', 1, 'items', 2, 'totalCostVnd', 1500000));
                continue;
            end if;
            insert into case_event (id, case_id, kind, action, from_state, to_state, occurred_at, recorded_at, recorded_by, note, data)
            values (gen_random_uuid(), new_case, 'TRANSITION', steps[k], state, reached[k], t, t, 'demo-seed',
                    case steps[k] when 'ASSESS_DETAILED' then 'Đã thu thập thông tin, đánh giá nguy cơ cụ thể (demo)' end,
                    case steps[k]
                        when 'ASSESS_INITIAL' then jsonb_build_object('riskLevel', (array['HIGH', 'MEDIUM', 'LOW'])[1 + n % 3],
                                                                      'emergency', danger)
                        when 'HOLD_CONFERENCE' then jsonb_build_object('participants', jsonb_build_array('Chủ tịch UBND xã',
                                                     'Công an xã', 'Trưởng thôn'), 'decisions', 'Lập kế hoạch hỗ trợ, can thiệp (demo)')
                        when 'REVIEW' then jsonb_build_object('reviewOutcome', 'SAFE_AND_STABLE')
                        when 'CLOSE' then jsonb_build_object('closureReason', 'SAFE_AND_STABLE') end);
            state := reached[k];
            update child_case set
                status = state,
                risk_level = coalesce(risk_level, case when steps[k] = 'ASSESS_INITIAL' then (array['HIGH', 'MEDIUM', 'LOW'])[1 + n % 3] end),
                emergency = case when steps[k] = 'ASSESS_INITIAL' then danger else emergency end,
                submitted_plan_version = case when steps[k] = 'SUBMIT_PLAN' then 1 else submitted_plan_version end,
                first_submitted_at = case when steps[k] = 'SUBMIT_PLAN' then t else first_submitted_at end,
                submitted_at = case when steps[k] = 'SUBMIT_PLAN' then t else submitted_at end,
                approved_plan_version = case when steps[k] = 'APPROVE_PLAN' then 1 else approved_plan_version end,
                plan_decided_at = case when steps[k] = 'APPROVE_PLAN' then t else plan_decided_at end,
                review_outcome = case when steps[k] = 'REVIEW' then 'SAFE_AND_STABLE' else review_outcome end,
                closure_reason = case when steps[k] = 'CLOSE' then 'SAFE_AND_STABLE' else closure_reason end,
                handling_outcome = case when steps[k] = 'CLOSE' and type = 'ABUSE' then 'ADMINISTRATIVE_SANCTION' else handling_outcome end,
                closed_at = case when steps[k] = 'CLOSE' then t else closed_at end,
                assigned_officer = 'commune.yenphuc',
                updated_at = t
            where id = new_case;
            if steps[k] = 'ASSESS_INITIAL' and protect then
                t := least(t + interval '3 hours', now() - interval '30 minutes');
                insert into case_event (id, case_id, kind, action, from_state, to_state, occurred_at, recorded_at, recorded_by, note)
                values (gen_random_uuid(), new_case, 'TRANSITION', 'PROTECT_EMERGENCY', state, 'EMERGENCY_PROTECTION', t, t,
                        'demo-seed', 'Đưa trẻ đến nơi ở an toàn (demo)');
                state := 'EMERGENCY_PROTECTION';
                update child_case set status = state, emergency_protected_at = t, updated_at = t where id = new_case;
            end if;
        end loop;
        if target = 'CLOSED_UNSUBSTANTIATED' then
            t := least(received + interval '20 hours', now() - interval '1 hour');
            insert into case_event (id, case_id, kind, action, from_state, to_state, occurred_at, recorded_at, recorded_by, data)
            values (gen_random_uuid(), new_case, 'TRANSITION', 'CLOSE_UNSUBSTANTIATED', 'RECEIVED', 'CLOSED_UNSUBSTANTIATED', t, t,
                    'demo-seed', jsonb_build_object('reason', 'Xác minh không có sự việc (demo)'));
            update child_case set status = 'CLOSED_UNSUBSTANTIATED', closed_at = t, updated_at = t where id = new_case;
        end if;
    end loop;
end
$$;
