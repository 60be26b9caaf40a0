package vn.baovetreem.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.baovetreem.common.persistence.Placed;
import vn.baovetreem.common.persistence.Recorded;
import vn.baovetreem.plans.PlanRequests.PlanDetails;
import vn.baovetreem.plans.PlanRequests.PlanStatus;

import java.time.Instant;
import java.time.LocalDate;

/** A commune's annual child-work plan. */
@Entity
@Table(name = "plan")
public class Plan extends Recorded implements Placed {

    @Column(name = "commune_code", nullable = false, updatable = false)
    private String communeCode;

    @Column(name = "unit_path", nullable = false, updatable = false, columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(unit_path as text)", write = "cast(? as ltree)")
    private String unitPath;

    @Column(nullable = false, updatable = false)
    private int year;

    @Column(name = "document_number")
    private String documentNumber;

    @Column(nullable = false)
    private String title;

    @Column(name = "adopted_on")
    private LocalDate adoptedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status;

    private String note;

    protected Plan() {
    }

    private Plan(String communeCode, String unitPath, int year, String createdBy, Instant now) {
        super(createdBy, now);
        this.communeCode = communeCode;
        this.unitPath = unitPath;
        this.year = year;
        this.status = PlanStatus.DRAFT;
    }

    static Plan draft(String communeCode, String unitPath, int year, String createdBy, Instant now) {
        return new Plan(communeCode, unitPath, year, createdBy, now);
    }

    void describe(PlanDetails d, Instant now) {
        this.documentNumber = d.documentNumber();
        this.title = d.title();
        this.adoptedOn = d.adoptedOn();
        this.status = d.status();
        this.note = d.note();
        touch(now);
    }

    PlanDetails details() {
        return new PlanDetails(documentNumber, title, adoptedOn, status, note);
    }

    public String communeCode() { return communeCode; }
    @Override
    public String unitPath() { return unitPath; }
    public int year() { return year; }
    public String documentNumber() { return documentNumber; }
    public String title() { return title; }
    public LocalDate adoptedOn() { return adoptedOn; }
    public PlanStatus status() { return status; }
    public String note() { return note; }
}
