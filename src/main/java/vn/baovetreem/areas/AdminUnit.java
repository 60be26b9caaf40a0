package vn.baovetreem.areas;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An administrative unit identified by its code: the Statistics Office code for a province,
 * district or commune (a string: "06283" keeps its zero), a project-local code for a village.
 * A commune that absorbed others in a merger keeps its code and carries on with a new period.
 */
@Entity
@Table(name = "admin_unit")
public class AdminUnit {

    private static final Comparator<AdminUnitPeriod> CHRONOLOGICAL =
            Comparator.comparing(AdminUnitPeriod::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private UnitLevel level;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "successor_code")
    private String successorCode;

    @Column(nullable = false)
    private boolean demo;

    private String note;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "unit", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<AdminUnitPeriod> periods = new ArrayList<>();

    protected AdminUnit() {
    }

    /** A new unit, in force from {@code validFrom}, placed under {@code parent} (null for a province). */
    static AdminUnit establish(String code, UnitLevel level, String name, String kind, LocalDate validFrom,
                               AdminUnit parent, boolean demo, String note, Instant now) {
        AdminUnit unit = new AdminUnit();
        unit.id = UUID.randomUUID();
        unit.code = code;
        unit.level = level;
        unit.validFrom = validFrom;
        unit.demo = demo;
        unit.note = note;
        unit.updatedAt = now;
        String path = parent == null ? code : parent.currentPeriod().path() + "." + code;
        unit.periods.add(new AdminUnitPeriod(unit, validFrom, name, kind, parent == null ? null : parent.code, path));
        return unit;
    }

    /** Corrects the name and kind of the current period (a correction, not a renaming in law). */
    void correct(String name, String kind, Boolean demo, String note, boolean noteGiven, Instant now) {
        AdminUnitPeriod current = currentPeriod();
        current.rename(name != null ? name : current.name(), kind != null ? kind : current.kind());
        if (demo != null) {
            this.demo = demo;
        }
        if (noteGiven) {
            this.note = note;
        }
        this.updatedAt = now;
    }

    /**
     * Ends the unit on {@code lastDay} and names its successor. Units still open underneath move
     * under the successor from the next day, so villages outlive the merger of their commune.
     */
    void retire(LocalDate lastDay, AdminUnit successor, List<AdminUnit> openChildren, Instant now) {
        this.validTo = lastDay;
        this.successorCode = successor.code;
        currentPeriod().endOn(lastDay);
        this.updatedAt = now;
        for (AdminUnit child : openChildren) {
            child.moveUnder(successor.code, successor.currentPeriod().path(), lastDay.plusDays(1), now);
        }
    }

    /** Opens a new period under {@code parentCode} from {@code from}; returns the new path. */
    String moveUnder(String parentCode, String parentPath, LocalDate from, Instant now) {
        AdminUnitPeriod current = currentPeriod();
        current.endOn(from.minusDays(1));
        String path = parentPath + "." + code;
        periods.add(new AdminUnitPeriod(this, from, current.name(), current.kind(), parentCode, path));
        this.updatedAt = now;
        return path;
    }

    public boolean isValidOn(LocalDate date) {
        return Validity.covers(validFrom, validTo, date);
    }

    /** The period in force on {@code date}, if any. */
    public Optional<AdminUnitPeriod> periodOn(LocalDate date) {
        return periods.stream().filter(p -> p.covers(date)).findFirst();
    }

    /** The latest period: the one in force now, or the last one of a retired unit. */
    public AdminUnitPeriod currentPeriod() {
        return periods.stream().max(CHRONOLOGICAL).orElseThrow();
    }

    /** The period that describes the unit as of {@code date}, or its latest state if it was not in force then. */
    public AdminUnitPeriod periodAsOf(LocalDate date) {
        return periodOn(date).orElseGet(this::currentPeriod);
    }

    public List<AdminUnitPeriod> history() {
        return periods.stream().sorted(CHRONOLOGICAL).toList();
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public UnitLevel level() {
        return level;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String successorCode() {
        return successorCode;
    }

    public boolean demo() {
        return demo;
    }

    public String note() {
        return note;
    }

    public long version() {
        return version;
    }
}
