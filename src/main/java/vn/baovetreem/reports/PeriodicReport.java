package vn.baovetreem.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.baovetreem.common.persistence.Placed;
import vn.baovetreem.common.persistence.Recorded;

import java.time.Instant;

/** A commune's report for a reporting period: the narrative being drafted and where the report stands. */
@Entity
@Table(name = "periodic_report")
public class PeriodicReport extends Recorded implements Placed {

    public enum Status { DRAFT, SUBMITTED, RETURNED, ACCEPTED }

    /** The sections of a Vietnamese report: results, difficulties and shortcomings, proposals. */
    public record Narrative(String results, String difficulties, String proposals) {
    }

    @Column(name = "commune_code", nullable = false, updatable = false)
    private String communeCode;

    @Column(name = "unit_path", nullable = false, updatable = false, columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(unit_path as text)", write = "cast(? as ltree)")
    private String unitPath;

    @Column(nullable = false, updatable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReportingPeriods.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String results;

    private String difficulties;

    private String proposals;

    @Column(name = "first_submitted_at")
    private Instant firstSubmittedAt;

    protected PeriodicReport() {
    }

    private PeriodicReport(String communeCode, String unitPath, int year, ReportingPeriods.Kind kind, String createdBy, Instant now) {
        super(createdBy, now);
        this.communeCode = communeCode;
        this.unitPath = unitPath;
        this.year = year;
        this.kind = kind;
        this.status = Status.DRAFT;
    }

    static PeriodicReport draft(String communeCode, String unitPath, int year, ReportingPeriods.Kind kind, String createdBy,
                                Instant now) {
        return new PeriodicReport(communeCode, unitPath, year, kind, createdBy, now);
    }

    void write(Narrative n, Instant now) {
        this.results = n.results();
        this.difficulties = n.difficulties();
        this.proposals = n.proposals();
        touch(now);
    }

    void moveTo(Status status, Instant now) {
        if (status == Status.SUBMITTED && firstSubmittedAt == null) {
            firstSubmittedAt = now;
        }
        this.status = status;
        touch(now);
    }

    Narrative narrative() {
        return new Narrative(results, difficulties, proposals);
    }

    public String communeCode() { return communeCode; }
    @Override
    public String unitPath() { return unitPath; }
    public int year() { return year; }
    public ReportingPeriods.Kind kind() { return kind; }
    public Status status() { return status; }
    public Instant firstSubmittedAt() { return firstSubmittedAt; }
}
