package vn.baovetreem.areas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.baovetreem.common.persistence.TimeOrderedIds;
import vn.baovetreem.common.text.Texts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A span of time during which a unit had one name, kind and parent, and so one path in the tree.
 * A village of An Sơn has one period under An Sơn (until 30 June 2025) and one under Yên Phúc.
 */
@Entity
@Table(name = "admin_unit_period")
public class AdminUnitPeriod {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private AdminUnit unit;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String kind;

    @Column(name = "search_name", nullable = false)
    private String searchName;

    @Column(name = "parent_code")
    private String parentCode;

    @Column(nullable = false, columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(path as text)", write = "cast(? as ltree)")
    private String path;

    protected AdminUnitPeriod() {
    }

    AdminUnitPeriod(AdminUnit unit, LocalDate validFrom, LocalDate validTo, String name, String kind, String parentCode, String path) {
        this.id = TimeOrderedIds.next();
        this.unit = unit;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.parentCode = parentCode;
        this.path = path;
        rename(name, kind);
    }

    void rename(String name, String kind) {
        this.name = Texts.clean(name);
        this.kind = Texts.clean(kind);
        this.searchName = Texts.fold(this.name);
    }

    void endOn(LocalDate lastDay) {
        this.validTo = lastDay;
    }

    /** Whether {@code next} says the same as this period: same parent, path, name and kind. */
    boolean continuesAs(AdminUnitPeriod next) {
        return Objects.equals(parentCode, next.parentCode) && path.equals(next.path) && name.equals(next.name)
                && kind.equals(next.kind);
    }

    public boolean covers(LocalDate date) {
        return Validity.covers(validFrom, validTo, date);
    }

    public boolean isOpen() {
        return validTo == null;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public String parentCode() {
        return parentCode;
    }

    public String path() {
        return path;
    }
}
