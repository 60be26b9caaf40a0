package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
    private final EntityManager em;
    private final Clock clock;

    InterventionPersonalData(InterventionRepository interventions, InterventionViews views, CodeListCatalog codes,
                             EntityManager em, Clock clock) {
        this.interventions = interventions;
        this.views = views;
        this.codes = codes;
        this.em = em;
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
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from intervention where child_id = any(?1)")
                .setParameter(1, childIds.toArray(UUID[]::new)).getResultList();
        return ids.stream().map(id -> new RecordRef(InterventionService.RECORD_TYPE, id.toString())).toList();
    }

    @Override
    public void anonymise(List<UUID> childIds) {
        em.createNativeQuery("""
                        update intervention set provider = null, provider_search = null, outcome = null, cancellation_reason = null,
                               plan_deviation_reason = null, note = null, version = version + 1, updated_at = ?2
                        where child_id = any(?1)""")
                .setParameter(1, childIds.toArray(UUID[]::new)).setParameter(2, Instant.now(clock)).executeUpdate();
    }
}
