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

import vn.baovetreem.common.persistence.TimeOrderedIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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

    /**
     * A new unit, in force from {@code validFrom}, placed under {@code parent} (null for a province)
     * for the periods the parent really had from that day: a village created today as of 2020
     * under a commune that merged in 2025 sits under the commune until the merger and under its
     * successor after it. Throws {@link Placement.Nowhere} when the parent's history leaves it
     * under no unit on some day.
     */
    static AdminUnit establish(String code, UnitLevel level, String name, String kind, LocalDate validFrom,
                               AdminUnit parent, Function<String, AdminUnit> units, boolean demo, String note, Instant now) {
        AdminUnit unit = new AdminUnit();
        unit.id = TimeOrderedIds.next();
        unit.code = code;
        unit.level = level;
        unit.validFrom = validFrom;
        unit.demo = demo;
        unit.note = note;
        unit.updatedAt = now;
        if (parent == null) {
            unit.periods.add(new AdminUnitPeriod(unit, validFrom, null, name, kind, null, code));
        } else {
            for (Placement.Span span : Placement.under(parent, validFrom, null, units)) {
                unit.periods.add(new AdminUnitPeriod(unit, span.from(), span.to(), name, kind, span.parentCode(),
                        span.parentPath() + "." + code));
            }
        }
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
     * Ends the unit on {@code lastDay}, which may lie in an earlier period than the current one
     * (periods after it are dropped), and names its successor. The units under it are then placed
     * again ({@link #followFrom}), which moves them under the successor from the next day.
     */
    void retire(LocalDate lastDay, AdminUnit successor, Instant now) {
        this.validTo = lastDay;
        this.successorCode = successor.code;
        periods.removeIf(p -> p.validFrom() != null && p.validFrom().isAfter(lastDay));
        periodOn(lastDay).ifPresent(p -> p.endOn(lastDay));
        this.updatedAt = now;
    }

    /**
     * Places the unit again from {@code from} on: every period, or the part of one, from that day
     * follows the history of its parent ({@link Placement#under}), so the unit moves under its
     * parent's successor from the day after the parent's retirement. Returns whether a period
     * changed; throws {@link Placement.Nowhere} when the unit would sit under no unit on some day.
     */
    boolean followFrom(LocalDate from, Function<String, AdminUnit> units, Instant now) {
        boolean changed = false;
        for (AdminUnitPeriod period : history()) {
            if (period.parentCode() == null || period.validTo() != null && period.validTo().isBefore(from)) {
                continue;
            }
            LocalDate start = period.validFrom() == null || period.validFrom().isBefore(from) ? from : period.validFrom();
            List<Placement.Span> spans = Placement.under(units.apply(period.parentCode()), start, period.validTo(), units);
            Placement.Span first = spans.getFirst();
            if (spans.size() == 1 && first.parentCode().equals(period.parentCode())
                    && (first.parentPath() + "." + code).equals(period.path())) {
                continue;
            }
            changed = true;
            if (start.equals(period.validFrom())) {
                periods.remove(period);
            } else {
                period.endOn(start.minusDays(1));
            }
            for (Placement.Span span : spans) {
                periods.add(new AdminUnitPeriod(this, span.from(), span.to(), period.name(), period.kind(), span.parentCode(),
                        span.parentPath() + "." + code));
            }
        }
        if (changed) {
            joinContinuations();
            this.updatedAt = now;
        }
        return changed;
    }

    /** Joins a period to the one before it when it continues it unchanged (same parent, path, name and kind). */
    private void joinContinuations() {
        AdminUnitPeriod previous = null;
        for (AdminUnitPeriod period : history()) {
            if (previous != null && previous.validTo() != null && previous.validTo().plusDays(1).equals(period.validFrom())
                    && previous.continuesAs(period)) {
                previous.endOn(period.validTo());
                periods.remove(period);
            } else {
                previous = period;
            }
        }
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
