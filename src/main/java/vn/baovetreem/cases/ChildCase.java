package vn.baovetreem.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.baovetreem.cases.CaseRequests.CaseReport;
import vn.baovetreem.cases.CaseRequests.Reporter;
import vn.baovetreem.common.persistence.Placed;
import vn.baovetreem.common.persistence.Recorded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A report concerning one child and where its handling stands. The state changes only through
 * {@link CaseAction}s, each of which the service also appends to the case's timeline.
 */
@Entity
@Table(name = "child_case")
public class ChildCase extends Recorded implements Placed {

    @Column(name = "case_number", nullable = false, updatable = false)
    private String caseNumber;

    @Column(name = "child_id", nullable = false)
    private UUID childId;

    @Column(name = "commune_code", nullable = false)
    private String communeCode;

    @Column(name = "unit_path", nullable = false, columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(unit_path as text)", write = "cast(? as ltree)")
    private String unitPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CaseType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseState status;

    @Column(name = "source_channel", nullable = false)
    private String sourceChannel;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "occurred_unit_code")
    private String occurredUnitCode;

    private String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "abuse_forms", columnDefinition = "jsonb")
    private List<String> abuseForms;

    @Column(name = "sexual_abuse_subtype")
    private String sexualAbuseSubtype;

    private String setting;

    @Column(name = "perpetrator_relationship")
    private String perpetratorRelationship;

    @Column(name = "injury_mechanism")
    private String injuryMechanism;

    @Column(name = "injury_outcome")
    private String injuryOutcome;

    @Column(name = "injury_place")
    private String injuryPlace;

    @Column(name = "risk_category")
    private String riskCategory;

    @Column(name = "handling_outcome")
    private String handlingOutcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Reporter reporter;

    @Column(name = "child_in_danger", nullable = false)
    private boolean childInDanger;

    @Column(name = "risk_level")
    private String riskLevel;

    private Boolean emergency;

    @Column(name = "emergency_protected_at")
    private Instant emergencyProtectedAt;

    @Column(name = "separation_starts_on")
    private LocalDate separationStartsOn;

    @Column(name = "separation_ends_on")
    private LocalDate separationEndsOn;

    @Column(name = "separation_extension")
    private String separationExtension;

    @Column(name = "separation_ended_on")
    private LocalDate separationEndedOn;

    @Column(name = "review_outcome")
    private String reviewOutcome;

    @Column(name = "closure_reason")
    private String closureReason;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "plan_version", nullable = false)
    private int planVersion;

    @Column(name = "submitted_plan_version")
    private Integer submittedPlanVersion;

    @Column(name = "approved_plan_version")
    private Integer approvedPlanVersion;

    @Column(name = "first_submitted_at")
    private Instant firstSubmittedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "plan_decided_at")
    private Instant planDecidedAt;

    @Column(name = "assigned_officer")
    private String assignedOfficer;

    @Column(nullable = false)
    private boolean escalated;

    @Column(name = "transfer_to_code")
    private String transferToCode;

    @Column(name = "transfer_to_path", columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(transfer_to_path as text)", write = "cast(? as ltree)")
    private String transferToPath;

    protected ChildCase() {
    }

    private ChildCase(String caseNumber, UUID childId, CaseType type, String communeCode, String unitPath, String createdBy,
                      Instant now) {
        super(createdBy, now);
        this.caseNumber = caseNumber;
        this.childId = childId;
        this.type = type;
        this.communeCode = communeCode;
        this.unitPath = unitPath;
        this.status = CaseState.RECEIVED;
    }

    static ChildCase open(String caseNumber, UUID childId, CaseType type, String communeCode, String unitPath, String createdBy,
                          Instant now) {
        return new ChildCase(caseNumber, childId, type, communeCode, unitPath, createdBy, now);
    }

    void describe(CaseReport r, Instant now) {
        this.sourceChannel = r.sourceChannel();
        this.receivedAt = r.receivedAt();
        this.occurredAt = r.occurredAt();
        this.occurredUnitCode = r.occurredUnitCode();
        this.summary = r.summary();
        this.abuseForms = r.abuseForms();
        this.sexualAbuseSubtype = r.sexualAbuseSubtype();
        this.setting = r.setting();
        this.perpetratorRelationship = r.perpetratorRelationship();
        this.injuryMechanism = r.injuryMechanism();
        this.injuryOutcome = r.injuryOutcome();
        this.injuryPlace = r.injuryPlace();
        this.riskCategory = r.riskCategory();
        this.handlingOutcome = r.handlingOutcome();
        this.childInDanger = Boolean.TRUE.equals(r.childInDanger());
        this.reporter = r.reporter();
        touch(now);
    }

    CaseReport report() {
        return new CaseReport(sourceChannel, receivedAt, occurredAt, occurredUnitCode, summary, abuseForms, sexualAbuseSubtype,
                setting, perpetratorRelationship, injuryMechanism, injuryOutcome, injuryPlace, riskCategory, handlingOutcome,
                childInDanger, reporter);
    }

    void moveTo(CaseState state) {
        this.status = state;
    }

    void assessInitially(String riskLevel, boolean emergency) {
        this.riskLevel = riskLevel;
        this.emergency = emergency;
    }

    void reassessRisk(String riskLevel) {
        if (riskLevel != null) {
            this.riskLevel = riskLevel;
        }
    }

    void protect(Instant at) {
        this.emergencyProtectedAt = at;
    }

    void separate(LocalDate startsOn, LocalDate endsOn) {
        require(!separationActive(), "a separation is active already");
        require(!endsOn.isBefore(startsOn), "a separation ends on or after its start");
        this.separationStartsOn = startsOn;
        this.separationEndsOn = endsOn;
        this.separationExtension = null;
        this.separationEndedOn = null;
    }

    void extendSeparation(LocalDate endsOn, String reason) {
        require(separationActive() && endsOn.isAfter(separationEndsOn), "only an active separation is extended, to a later end");
        this.separationEndsOn = endsOn;
        this.separationExtension = reason;
    }

    void endSeparation(LocalDate on) {
        require(separationActive() && !on.isBefore(separationStartsOn), "only an active separation ends, not before it started");
        this.separationEndedOn = on;
    }

    int draftPlan() {
        return ++planVersion;
    }

    void submitPlan(Instant at) {
        this.submittedPlanVersion = planVersion;
        this.submittedAt = at;
        this.planDecidedAt = null;
        if (firstSubmittedAt == null) {
            this.firstSubmittedAt = at;
        }
    }

    void decidePlan(Instant at, boolean approved) {
        require(submittedPlanVersion != null, "only a submitted plan is decided on");
        this.planDecidedAt = at;
        if (approved) {
            this.approvedPlanVersion = submittedPlanVersion;
        }
    }

    void review(String outcome, String riskLevel) {
        this.reviewOutcome = outcome;
        reassessRisk(riskLevel);
    }

    void close(String reason, String handlingOutcome, Instant at) {
        require(closedAt == null, "a case is closed once");
        this.closureReason = reason;
        if (handlingOutcome != null) {
            this.handlingOutcome = handlingOutcome;
        }
        this.closedAt = at;
    }

    void assign(String officer) {
        this.assignedOfficer = officer;
    }

    void proposeTransfer(String communeCode, String communePath) {
        this.transferToCode = communeCode;
        this.transferToPath = communePath;
    }

    /** The receiving commune takes the case over; it is handled at {@code newPath} from now on. */
    void completeTransfer(String newPath) {
        require(transferToCode != null, "only a pending transfer is completed");
        this.communeCode = transferToCode;
        this.unitPath = newPath;
        this.assignedOfficer = null;
        cancelTransfer();
    }

    void cancelTransfer() {
        this.transferToCode = null;
        this.transferToPath = null;
    }

    void escalate(boolean escalated) {
        require(this.escalated != escalated, escalated ? "the case is escalated already" : "the case is not escalated");
        this.escalated = escalated;
    }

    /**
     * The record's own invariants, which the workflow's checks make sure of before any change: a
     * failure here is a defect of the code, never an answer to a request.
     */
    private static void require(boolean holds, String invariant) {
        if (!holds) {
            throw new IllegalStateException("Case invariant broken: " + invariant);
        }
    }

    void moveToChild(UUID survivorId, Instant now) {
        this.childId = survivorId;
        touch(now);
    }

    /** Emergency protection is needed: by the initial assessment, or as reported until then. */
    boolean emergency() {
        return emergency != null ? emergency : childInDanger;
    }

    boolean separationActive() {
        return separationStartsOn != null && separationEndedOn == null;
    }

    boolean hasUnsubmittedPlan() {
        return planVersion > (submittedPlanVersion == null ? 0 : submittedPlanVersion);
    }

    boolean transferPending() {
        return transferToCode != null;
    }

    public String caseNumber() { return caseNumber; }
    public UUID childId() { return childId; }
    public String communeCode() { return communeCode; }
    @Override
    public String unitPath() { return unitPath; }
    public CaseType type() { return type; }
    public CaseState status() { return status; }
    public Instant receivedAt() { return receivedAt; }
    public String riskLevel() { return riskLevel; }
    public Boolean assessedEmergency() { return emergency; }
    public boolean childInDanger() { return childInDanger; }
    public Instant emergencyProtectedAt() { return emergencyProtectedAt; }
    public LocalDate separationStartsOn() { return separationStartsOn; }
    public LocalDate separationEndsOn() { return separationEndsOn; }
    public String separationExtension() { return separationExtension; }
    public LocalDate separationEndedOn() { return separationEndedOn; }
    public String reviewOutcome() { return reviewOutcome; }
    public String closureReason() { return closureReason; }
    public Instant closedAt() { return closedAt; }
    public String handlingOutcome() { return handlingOutcome; }
    public int planVersion() { return planVersion; }
    public Integer submittedPlanVersion() { return submittedPlanVersion; }
    public Integer approvedPlanVersion() { return approvedPlanVersion; }
    public Instant firstSubmittedAt() { return firstSubmittedAt; }
    public Instant submittedAt() { return submittedAt; }
    public Instant planDecidedAt() { return planDecidedAt; }
    public String assignedOfficer() { return assignedOfficer; }
    public boolean escalated() { return escalated; }
    public String transferToCode() { return transferToCode; }
    public String transferToPath() { return transferToPath; }
}
