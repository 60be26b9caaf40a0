package vn.baovetreem.areas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a unit sits over time, read from the history of the unit above it: under that unit while
 * it is in force, at the path of each of its periods, and from the day after its retirement under
 * its successor (and that unit's successor after its own retirement). Creating a unit with a past
 * {@code validFrom} and retiring a unit both place units this way, so a unit's periods always
 * follow the periods of the units above it, and every unit, and so every record, has one place
 * on every day it is in force.
 */
final class Placement {

    private Placement() {
    }

    /** A stretch of days (both ends inclusive, {@code to} null when open) under one parent at one path. */
    record Span(LocalDate from, LocalDate to, String parentCode, String parentPath) {
    }

    /**
     * A unit would sit under no unit on {@code day}: {@code unit} is neither in force then nor
     * succeeded, or its successors lead back to it.
     */
    static final class Nowhere extends RuntimeException {

        private final transient AdminUnit unit;
        private final LocalDate day;
        private final boolean cycle;

        Nowhere(AdminUnit unit, LocalDate day, boolean cycle) {
            super(unit.code() + " stands nowhere on " + day, null, false, false);
            this.unit = unit;
            this.day = day;
            this.cycle = cycle;
        }

        AdminUnit unit() {
            return unit;
        }

        LocalDate day() {
            return day;
        }

        /** Why: {@code unit} had not come into force on the day, was retired without a successor, or its successors lead back to it. */
        String reason() {
            if (cycle) {
                return "the successors of " + unit.code() + " lead back to it";
            }
            if (unit.validFrom() != null && day.isBefore(unit.validFrom())) {
                return unit.code() + " came into force only on " + unit.validFrom();
            }
            return unit.code() + " was retired on " + unit.validTo() + " without a successor";
        }
    }

    /**
     * The spans under {@code parent} from {@code from} to {@code to} (null: open-ended), following
     * its periods and then its successors; throws {@link Nowhere} on the first day nothing holds.
     */
    static List<Span> under(AdminUnit parent, LocalDate from, LocalDate to, Function<String, AdminUnit> units) {
        List<Span> spans = new ArrayList<>();
        Set<String> passed = new HashSet<>();
        AdminUnit unit = parent;
        LocalDate day = from;
        while (to == null || !day.isAfter(to)) {
            Optional<AdminUnitPeriod> period = unit.periodOn(day);
            if (period.isPresent()) {
                LocalDate end = to == null ? period.get().validTo()
                        : period.get().validTo() == null || period.get().validTo().isAfter(to) ? to : period.get().validTo();
                append(spans, new Span(day, end, unit.code(), period.get().path()));
                if (end == null) {
                    break;
                }
                day = end.plusDays(1);
                passed.clear();
            } else if (unit.validTo() != null && day.isAfter(unit.validTo()) && unit.successorCode() != null) {
                if (!passed.add(unit.code())) {
                    throw new Nowhere(unit, day, true);
                }
                unit = units.apply(unit.successorCode());
            } else {
                throw new Nowhere(unit, day, false);
            }
        }
        return spans;
    }

    /** Adds {@code span}, joined to the last one when it continues it under the same parent at the same path. */
    private static void append(List<Span> spans, Span span) {
        if (!spans.isEmpty()) {
            Span last = spans.getLast();
            if (last.parentCode().equals(span.parentCode()) && last.parentPath().equals(span.parentPath())) {
                spans.set(spans.size() - 1, new Span(last.from(), span.to(), last.parentCode(), last.parentPath()));
                return;
            }
        }
        spans.add(span);
    }
}
