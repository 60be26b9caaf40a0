package vn.baovetreem.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import vn.baovetreem.common.persistence.Recorded;
import vn.baovetreem.plans.PlanRequests.Comparison;
import vn.baovetreem.plans.PlanRequests.Filter;
import vn.baovetreem.plans.PlanRequests.Measure;
import vn.baovetreem.plans.PlanRequests.MeasureKind;
import vn.baovetreem.plans.PlanRequests.TargetDetails;
import vn.baovetreem.plans.PlanRequests.TargetUnit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A target of a plan; deleting it keeps the row (reports may cite it) and marks it deleted. */
@Entity
@Table(name = "plan_target")
public class PlanTarget extends Recorded {

    @Column(name = "plan_id", nullable = false, updatable = false)
    private UUID planId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "measure_kind", nullable = false)
    private MeasureKind measureKind;

    @Column(name = "indicator_key")
    private String indicatorKey;

    @Column(name = "filter_dimension")
    private String filterDimension;

    @Column(name = "filter_category")
    private String filterCategory;

    @Column(name = "target_value", nullable = false)
    private BigDecimal targetValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TargetUnit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Comparison comparison;

    @Column(name = "set_by_district", nullable = false, updatable = false)
    private boolean setByDistrict;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected PlanTarget() {
    }

    private PlanTarget(UUID planId, boolean setByDistrict, String createdBy, Instant now) {
        super(createdBy, now);
        this.planId = planId;
        this.setByDistrict = setByDistrict;
    }

    static PlanTarget of(UUID planId, boolean setByDistrict, String createdBy, Instant now) {
        return new PlanTarget(planId, setByDistrict, createdBy, now);
    }

    void describe(TargetDetails d, int position, Instant now) {
        this.position = position;
        this.description = d.description();
        this.measureKind = d.measure().kind();
        this.indicatorKey = d.measure().indicatorKey();
        Filter filter = d.measure().filter();
        this.filterDimension = filter == null ? null : filter.disaggregation();
        this.filterCategory = filter == null ? null : filter.category();
        this.targetValue = d.targetValue();
        this.unit = d.unit();
        this.comparison = d.comparison();
        touch(now);
    }

    void delete(Instant now) {
        this.deletedAt = now;
        touch(now);
    }

    Measure measure() {
        return new Measure(measureKind, indicatorKey, filterDimension == null ? null : new Filter(filterDimension, filterCategory));
    }

    TargetDetails details() {
        return new TargetDetails(description, measure(), targetValue, unit, comparison, position);
    }

    public UUID planId() { return planId; }
    public int position() { return position; }
    public String description() { return description; }
    public MeasureKind measureKind() { return measureKind; }
    public String indicatorKey() { return indicatorKey; }
    public BigDecimal targetValue() { return targetValue; }
    public TargetUnit unit() { return unit; }
    public Comparison comparison() { return comparison; }
    public boolean setByDistrict() { return setByDistrict; }
    public boolean deleted() { return deletedAt != null; }
}
