package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.children.Child;
import vn.baovetreem.children.ChildRef;
import vn.baovetreem.children.ChildRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The representations of supports (schemas {@code Intervention} and {@code InterventionBatch}). */
@ApplicationScoped
public class InterventionViews {

    private final ChildRepository children;
    private final UnitDirectory units;
    private final SocialAssistanceRates rates;

    InterventionViews(ChildRepository children, UnitDirectory units, SocialAssistanceRates rates) {
        this.children = children;
        this.units = units;
        this.rates = rates;
    }

    /**
     * The monthly amount a social allowance should be (standard rate × coefficient of the group
     * for the child's age), on {@code asOf}: today while the support runs, else its nearest day.
     */
    public record AllowanceCheck(AllowanceGroup group, LocalDate asOf, int childAge, BigDecimal coefficient,
                                 Long standardRateVnd, Boolean standardRateConfirmed, Long expectedMonthlyAmountVnd,
                                 long recordedMonthlyAmountVnd, boolean differs) {
    }

    public record InterventionView(UUID id, ChildRef child, UUID caseId, UUID batchId, String type, String protectionLevel,
                                   String provider, String fundingSource, Long amountVnd, Long monthlyAmountVnd,
                                   AllowanceCheck allowance, LocalDate startDate, LocalDate endDate,
                                   InterventionStatus status, String outcome, String cancellationReason,
                                   String planDeviationReason, String note, Instant createdAt, String createdBy,
                                   Instant updatedAt) {
    }

    /** Schema {@code InterventionBatch}: the group activity and the supports it created. */
    public record BatchView(UUID batchId, String title, int size, List<InterventionView> items) {
    }

    InterventionView of(Intervention i, LocalDate today) {
        return of(List.of(i), today).getFirst();
    }

    InterventionView of(Intervention i, Child child, LocalDate today) {
        return view(i, child, units.findAll(List.of(child.villageCode())), rates.table(), today);
    }

    /** Views of many supports with a constant number of queries. */
    List<InterventionView> of(List<Intervention> page, LocalDate today) {
        Map<UUID, Child> byId = children.findAllInOrder(page.stream().map(Intervention::childId).distinct().toList()).stream()
                .collect(Collectors.toMap(Child::id, Function.identity()));
        Map<String, UnitDirectory.UnitSummary> villages = units.findAll(byId.values().stream().map(Child::villageCode).toList());
        SocialAssistanceRates.Table table = rates.table();
        return page.stream().map(i -> view(i, byId.get(i.childId()), villages, table, today)).toList();
    }

    private static InterventionView view(Intervention i, Child child, Map<String, UnitDirectory.UnitSummary> villages,
                                         SocialAssistanceRates.Table table, LocalDate today) {
        UnitDirectory.UnitSummary village = villages.get(child.villageCode());
        ChildRef ref = ChildRef.of(child, village);
        return new InterventionView(i.id(), ref, i.caseId(), i.batchId(), i.type(), i.protectionLevel(), i.provider(),
                i.fundingSource(), i.amountVnd(), i.monthlyAmountVnd(), allowance(i, child, table, today), i.startDate(),
                i.endDate(), i.status(), i.outcome(), i.cancellationReason(), i.planDeviationReason(), i.note(),
                i.createdAt(), i.createdBy(), i.updatedAt());
    }

    static AllowanceCheck allowance(Intervention i, Child child, SocialAssistanceRates.Table table, LocalDate today) {
        if (i.allowanceGroup() == null || i.monthlyAmountVnd() == null) {
            return null;
        }
        LocalDate asOf = today.isBefore(i.startDate()) ? i.startDate()
                : i.endDate() != null && today.isAfter(i.endDate()) ? i.endDate() : today;
        int age = child.ageOn(asOf);
        BigDecimal coefficient = i.allowanceGroup().coefficient(age);
        return table.on(asOf).map(rate -> {
            long expected = coefficient.multiply(BigDecimal.valueOf(rate.monthlyVnd())).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return new AllowanceCheck(i.allowanceGroup(), asOf, age, coefficient, rate.monthlyVnd(), rate.confirmed(), expected,
                    i.monthlyAmountVnd(), expected != i.monthlyAmountVnd());
        }).orElseGet(() -> new AllowanceCheck(i.allowanceGroup(), asOf, age, coefficient, null, null, null,
                i.monthlyAmountVnd(), false));
    }
}
