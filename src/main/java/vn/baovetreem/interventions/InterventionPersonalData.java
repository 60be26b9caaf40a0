package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.RecordRef;
import vn.baovetreem.children.ChildDataParticipant;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.text.Printed;
import vn.baovetreem.interventions.InterventionViews.InterventionView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A child's supports in the personal-data report; anonymised by erasing the provider (who may be a
 * foster family) and every free text, keeping the type, level, funding, amounts, dates and status
 * the indicators and budgets count.
 */
@ApplicationScoped
class InterventionPersonalData implements ChildDataParticipant {

    private final InterventionRepository interventions;
    private final InterventionViews views;
    private final CodeListCatalog codes;
    private final Clock clock;

    InterventionPersonalData(InterventionRepository interventions, InterventionViews views, CodeListCatalog codes, Clock clock) {
        this.interventions = interventions;
        this.views = views;
        this.codes = codes;
        this.clock = clock;
    }

    @Override
    public Section describe(UUID childId) {
        List<Intervention> own = interventions.ofChild(childId).stream()
                .sorted(Comparator.comparing(Intervention::startDate).thenComparing(Intervention::id)).toList();
        List<InterventionView> seen = views.of(own, LocalDate.now(clock));
        List<List<String>> rows = seen.stream().map(v -> List.of(codes.labelVi("intervention-types", v.type()),
                codes.labelVi("protection-levels", v.protectionLevel()), Printed.text(v.provider()),
                codes.labelVi("funding-sources", v.fundingSource()), Printed.amount(v.amountVnd() != null ? v.amountVnd() : v.monthlyAmountVnd()),
                Printed.day(v.startDate()), Printed.day(v.endDate()), status(v.status()), Printed.text(v.outcome()))).toList();
        return new Section("supports", "Các hỗ trợ, can thiệp", seen,
                List.of("Hình thức", "Cấp độ", "Đơn vị/người cung cấp", "Nguồn kinh phí", "Số tiền (đồng)", "Từ ngày", "Đến ngày",
                        "Tình trạng", "Kết quả"), rows);
    }

    private static String status(InterventionStatus status) {
        return switch (status) {
            case PLANNED -> "Dự kiến";
            case ONGOING -> "Đang thực hiện";
            case COMPLETED -> "Đã hoàn thành";
            case CANCELLED -> "Đã hủy";
        };
    }

    @Override
    public List<RecordRef> records(List<UUID> childIds) {
        return interventions.idsOfChildren(childIds).stream()
                .map(id -> new RecordRef(InterventionService.RECORD_TYPE, id.toString())).toList();
    }

    @Override
    public void anonymise(List<UUID> childIds) {
        interventions.anonymiseOfChildren(childIds, Instant.now(clock));
    }
}
