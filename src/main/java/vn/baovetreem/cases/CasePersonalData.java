package vn.baovetreem.cases;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.RecordRef;
import vn.baovetreem.cases.CaseViews.CaseView;
import vn.baovetreem.cases.CaseViews.EventView;
import vn.baovetreem.children.ChildDataParticipant;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.text.Printed;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A child's cases in the personal-data report, as the child may see them: everything but the
 * reporter, whose identity the law protects (Decree 56 Art. 24); anonymised by erasing the
 * report's summary, the reporter, the notes and details of the timeline and the text of the plans.
 */
@ApplicationScoped
class CasePersonalData implements ChildDataParticipant {

    private final CaseRepository cases;
    private final CaseViews views;
    private final CodeListCatalog codes;
    private final Clock clock;

    CasePersonalData(CaseRepository cases, CaseViews views, CodeListCatalog codes, Clock clock) {
        this.cases = cases;
        this.views = views;
        this.codes = codes;
        this.clock = clock;
    }

    /** One case in the report: the case and its timeline (schema {@code PersonalDataCase}). */
    record CaseRecord(CaseView details, List<EventView> timeline) {
    }

    @Override
    public Section describe(UUID childId) {
        List<ChildCase> own = cases.ofChild(childId).stream().sorted(Comparator.comparing(ChildCase::createdAt)).toList();
        List<CaseView> seen = views.of(own, c -> Disclosure.FULL, c -> Set.of());
        List<CaseRecord> records = seen.stream()
                .map(v -> new CaseRecord(v, views.timeline(cases.events(v.id()), Disclosure.FULL))).toList();
        List<List<String>> rows = seen.stream().map(v -> List.of(v.caseNumber(), type(v.type()),
                Printed.time(v.receivedAt(), clock.getZone()), Printed.time(v.occurredAt(), clock.getZone()),
                what(v), state(v.status()), Printed.time(v.closedAt(), clock.getZone()),
                codes.labelVi("case-closure-reasons", v.closureReason()))).toList();
        return new Section("cases", "Vụ việc xâm hại, tai nạn thương tích, nguy cơ", records,
                List.of("Số vụ việc", "Loại", "Tiếp nhận", "Xảy ra", "Nội dung", "Tình trạng", "Kết thúc", "Lý do kết thúc"), rows);
    }

    private static String type(CaseType type) {
        return switch (type) {
            case ABUSE -> "Xâm hại";
            case INJURY -> "Tai nạn, thương tích";
            case AT_RISK -> "Nguy cơ bị xâm hại";
        };
    }

    /** The steps of Decree 56 as a commune officer names them. */
    private static String state(CaseState state) {
        return switch (state) {
            case RECEIVED -> "Đã tiếp nhận";
            case ASSESSED -> "Đã đánh giá ban đầu";
            case EMERGENCY_PROTECTION -> "Đang bảo vệ khẩn cấp";
            case DETAILED_ASSESSMENT -> "Đang đánh giá chi tiết";
            case PLANNING -> "Đang lập kế hoạch";
            case PLAN_SUBMITTED -> "Đã trình kế hoạch";
            case PLAN_APPROVED -> "Kế hoạch đã được phê duyệt";
            case IN_PROGRESS -> "Đang thực hiện kế hoạch";
            case REVIEWED -> "Đã đánh giá kết quả";
            case CLOSED -> "Đã đóng";
            case CLOSED_UNSUBSTANTIATED -> "Đã đóng (không có căn cứ)";
        };
    }

    /** The forms of abuse, the injury or the risk the case is about, in words. */
    private String what(CaseView v) {
        return switch (v.type()) {
            case ABUSE -> v.abuseForms() == null ? "" : v.abuseForms().stream().map(f -> codes.labelVi("abuse-forms", f))
                    .collect(Collectors.joining(", "));
            case INJURY -> codes.labelVi("injury-mechanisms", v.injuryMechanism());
            case AT_RISK -> codes.labelVi("risk-categories", v.riskCategory());
        };
    }

    @Override
    public List<RecordRef> records(List<UUID> childIds) {
        return ids(childIds).stream().map(id -> new RecordRef(CaseService.RECORD_TYPE, id.toString())).toList();
    }

    @Override
    public void anonymise(List<UUID> childIds) {
        List<UUID> ids = ids(childIds);
        if (!ids.isEmpty()) {
            cases.anonymise(ids, Instant.now(clock));
        }
    }

    private List<UUID> ids(List<UUID> childIds) {
        return cases.idsOfChildren(childIds);
    }
}
