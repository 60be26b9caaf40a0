package vn.baovetreem.areas;

import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of administrative units (schemas {@code AdminUnit}, {@code AdminUnitRef}, {@code AdminUnitPeriod}). */
public final class AdminUnitViews {

    private AdminUnitViews() {
    }

    public record AdminUnitView(String code, String name, String kind, UnitLevel level, LocalDate validFrom,
                                LocalDate validTo, String parentCode, String path, UnitRef successor,
                                List<UnitRef> predecessors, List<UnitRef> ancestors, List<PeriodView> history,
                                boolean demo, String note) {
    }

    public record UnitRef(String code, String name, String kind, UnitLevel level) {
    }

    public record PeriodView(LocalDate validFrom, LocalDate validTo, String name, String kind, String parentCode,
                             String path) {
    }
}
