package vn.baovetreem.prevention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.baovetreem.common.persistence.Placed;
import vn.baovetreem.common.persistence.Recorded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A place where children may drown; its measures live in their own dated history. */
@Entity
@Table(name = "hazard_site")
public class HazardSite extends Recorded implements Placed {

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

    protected HazardSite() {
    }

    private HazardSite(String createdBy, Instant now) {
        super(createdBy, now);
    }

    static HazardSite survey(String createdBy, Instant now) {
        return new HazardSite(createdBy, now);
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
        touch(now);
    }

    HazardSiteRequests.SiteDetails details() {
        return new HazardSiteRequests.SiteDetails(villageCode, kind, description, latitude, longitude, riskLevel, surveyedOn, note);
    }

    public String villageCode() { return villageCode; }
    @Override
    public String unitPath() { return unitPath; }
    public String kind() { return kind; }
    public String description() { return description; }
    public BigDecimal latitude() { return latitude; }
    public BigDecimal longitude() { return longitude; }
    public String riskLevel() { return riskLevel; }
    public LocalDate surveyedOn() { return surveyedOn; }
    public String note() { return note; }
}
