package vn.baovetreem.interventions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.baovetreem.common.persistence.Placed;
import vn.baovetreem.common.persistence.Recorded;
import vn.baovetreem.common.text.Texts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One support service for one child. Fields change through {@link InterventionService}. */
@Entity
@Table(name = "intervention")
public class Intervention extends Recorded implements Placed {

    @Column(name = "child_id", nullable = false)
    private UUID childId;

    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "batch_id")
    private UUID batchId;

    @Column(name = "unit_path", nullable = false, columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(unit_path as text)", write = "cast(? as ltree)")
    private String unitPath;

    @Column(nullable = false)
    private String type;

    @Column(name = "protection_level", nullable = false)
    private String protectionLevel;

    private String provider;

    @Column(name = "provider_search")
    private String providerSearch;

    @Column(name = "funding_source")
    private String fundingSource;

    @Column(name = "amount_vnd")
    private Long amountVnd;

    @Column(name = "monthly_amount_vnd")
    private Long monthlyAmountVnd;

    @Enumerated(EnumType.STRING)
    @Column(name = "allowance_group")
    private AllowanceGroup allowanceGroup;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InterventionStatus status;

    private String outcome;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    @Column(name = "plan_deviation_reason")
    private String planDeviationReason;

    private String note;

    protected Intervention() {
    }

    private Intervention(UUID childId, String unitPath, UUID batchId, InterventionStatus status, String createdBy, Instant now) {
        super(createdBy, now);
        this.childId = childId;
        this.unitPath = unitPath;
        this.batchId = batchId;
        this.status = status;
    }

    /** A support as stored, read from its row without Hibernate. */
    private Intervention(ResultSet row) throws SQLException {
        super(row);
        this.childId = row.getObject("child_id", UUID.class);
        this.caseId = row.getObject("case_id", UUID.class);
        this.batchId = row.getObject("batch_id", UUID.class);
        this.unitPath = row.getString("unit_path");
        this.type = row.getString("type");
        this.protectionLevel = row.getString("protection_level");
        this.provider = row.getString("provider");
        this.providerSearch = row.getString("provider_search");
        this.fundingSource = row.getString("funding_source");
        this.amountVnd = row.getObject("amount_vnd", Long.class);
        this.monthlyAmountVnd = row.getObject("monthly_amount_vnd", Long.class);
        String group = row.getString("allowance_group");
        this.allowanceGroup = group == null ? null : AllowanceGroup.valueOf(group);
        this.startDate = row.getObject("start_date", LocalDate.class);
        this.endDate = row.getObject("end_date", LocalDate.class);
        this.status = InterventionStatus.valueOf(row.getString("status"));
        this.outcome = row.getString("outcome");
        this.cancellationReason = row.getString("cancellation_reason");
        this.planDeviationReason = row.getString("plan_deviation_reason");
        this.note = row.getString("note");
    }

    static Intervention stored(ResultSet row) throws SQLException {
        return new Intervention(row);
    }

    static Intervention record(UUID childId, String unitPath, UUID batchId, InterventionStatus status, String createdBy,
                               Instant now) {
        return new Intervention(childId, unitPath, batchId, status, createdBy, now);
    }

    /** Applies checked details. */
    void describe(InterventionDetails d) {
        this.caseId = d.caseId();
        this.type = d.type();
        this.protectionLevel = d.protectionLevel();
        this.provider = d.provider();
        this.providerSearch = Texts.fold(d.provider());
        this.fundingSource = d.fundingSource();
        this.amountVnd = d.amountVnd();
        this.monthlyAmountVnd = d.monthlyAmountVnd();
        this.allowanceGroup = d.allowanceGroup();
        this.startDate = d.startDate();
        this.endDate = d.endDate();
        this.outcome = d.outcome();
        this.planDeviationReason = d.planDeviationReason();
        this.note = d.note();
    }

    InterventionDetails details() {
        return new InterventionDetails(caseId, type, protectionLevel, provider, fundingSource, amountVnd, monthlyAmountVnd,
                allowanceGroup, startDate, endDate, outcome, planDeviationReason, note);
    }

    void start(LocalDate on, Instant now) {
        this.status = InterventionStatus.ONGOING;
        this.startDate = on;
        touch(now);
    }

    void complete(LocalDate on, String outcome, Instant now) {
        this.status = InterventionStatus.COMPLETED;
        this.endDate = on;
        this.outcome = outcome;
        touch(now);
    }

    /** Moves to {@code status} as a file of the source system says (the import checks it moves forward). */
    void advance(InterventionStatus status, Instant now) {
        this.status = status;
        touch(now);
    }

    void cancel(String reason, Instant now) {
        this.status = InterventionStatus.CANCELLED;
        this.cancellationReason = reason;
        touch(now);
    }

    void moveTo(UUID survivorId, Instant now) {
        this.childId = survivorId;
        touch(now);
    }

    public UUID childId() { return childId; }
    public UUID caseId() { return caseId; }
    public UUID batchId() { return batchId; }
    @Override
    public String unitPath() { return unitPath; }
    public String type() { return type; }
    public String protectionLevel() { return protectionLevel; }
    public String provider() { return provider; }
    String providerSearch() { return providerSearch; }
    public String fundingSource() { return fundingSource; }
    public Long amountVnd() { return amountVnd; }
    public Long monthlyAmountVnd() { return monthlyAmountVnd; }
    public AllowanceGroup allowanceGroup() { return allowanceGroup; }
    public LocalDate startDate() { return startDate; }
    public LocalDate endDate() { return endDate; }
    public InterventionStatus status() { return status; }
    public String outcome() { return outcome; }
    public String cancellationReason() { return cancellationReason; }
    public String planDeviationReason() { return planDeviationReason; }
    public String note() { return note; }
}
