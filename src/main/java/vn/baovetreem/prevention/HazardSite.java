package vn.baovetreem.prevention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A place where children may drown; its measures live in their own dated history. */
@Entity
@Table(name = "hazard_site")
public class HazardSite {

    @Id
    private UUID id;

    @Column(name = "village_code", nullable = false)
    private String villageCode;

    @Column(name = "unit_path", nullable = false, columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(unit_path as text)", write = "cast(? as ltree)")
    private String unitPath;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String description;

    private BigDecimal latitude;

    private BigDecimal longitude;

    @Column(name = "risk_level", nullable = false)
    private String riskLevel;

    @Column(name = "surveyed_on", nullable = false)
    private LocalDate surveyedOn;

    private String note;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected HazardSite() {
    }

    static HazardSite survey(String createdBy, Instant now) {
        HazardSite site = new HazardSite();
        site.id = UUID.randomUUID();
        site.createdBy = createdBy;
        site.createdAt = now;
        site.updatedAt = now;
        return site;
    }

    void describe(HazardSiteRequests.SiteDetails d, String unitPath, Instant now) {
        this.villageCode = d.villageCode();
        this.unitPath = unitPath;
        this.kind = d.kind();
        this.description = d.description();
        this.latitude = d.latitude();
        this.longitude = d.longitude();
        this.riskLevel = d.riskLevel();
        this.surveyedOn = d.surveyedOn();
        this.note = d.note();
        this.updatedAt = now;
    }

    HazardSiteRequests.SiteDetails details() {
        return new HazardSiteRequests.SiteDetails(villageCode, kind, description, latitude, longitude, riskLevel, surveyedOn, note);
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID id() { return id; }
    public String villageCode() { return villageCode; }
    public String unitPath() { return unitPath; }
    public String kind() { return kind; }
    public String description() { return description; }
    public BigDecimal latitude() { return latitude; }
    public BigDecimal longitude() { return longitude; }
    public String riskLevel() { return riskLevel; }
    public LocalDate surveyedOn() { return surveyedOn; }
    public String note() { return note; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
}
