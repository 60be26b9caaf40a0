package vn.baovetreem.prevention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.baovetreem.common.persistence.Placed;
import vn.baovetreem.common.persistence.Recorded;

import java.time.Instant;

/** A household with children: the home a safe-home assessment is about. Its children live in {@code household_member}. */
@Entity
@Table(name = "household")
public class Household extends Recorded implements Placed {

    @Column(name = "village_code", nullable = false)
    private String villageCode;

    @Column(name = "unit_path", nullable = false, columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(unit_path as text)", write = "cast(? as ltree)")
    private String unitPath;

    @Column(name = "head_name", nullable = false)
    private String headName;

    private String address;

    private String note;

    protected Household() {
    }

    private Household(String createdBy, Instant now) {
        super(createdBy, now);
    }

    static Household register(String createdBy, Instant now) {
        return new Household(createdBy, now);
    }

    void describe(HouseholdRequests.HouseholdDetails d, String unitPath, Instant now) {
        this.villageCode = d.villageCode();
        this.unitPath = unitPath;
        this.headName = d.headName();
        this.address = d.address();
        this.note = d.note();
        touch(now);
    }

    public String villageCode() { return villageCode; }
    @Override
    public String unitPath() { return unitPath; }
    public String headName() { return headName; }
    public String address() { return address; }
    public String note() { return note; }
}
