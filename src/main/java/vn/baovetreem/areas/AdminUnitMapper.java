package vn.baovetreem.areas;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.AdminUnitViews.AdminUnitView;
import vn.baovetreem.areas.AdminUnitViews.PeriodView;
import vn.baovetreem.areas.AdminUnitViews.UnitRef;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Builds the API views of units, describing each as of a date. */
@ApplicationScoped
public class AdminUnitMapper {

    private final AdminUnitRepository units;

    AdminUnitMapper(AdminUnitRepository units) {
        this.units = units;
    }

    /** A list item: the unit as of {@code asOf}, with its history but without ancestors. */
    AdminUnitView toListItem(AdminUnit unit, LocalDate asOf) {
        return view(unit, asOf, null);
    }

    /** The full record: ancestors (root first) and predecessors too. */
    AdminUnitView toDetail(AdminUnit unit, LocalDate asOf) {
        AdminUnitPeriod period = unit.periodAsOf(asOf);
        List<String> labels = Arrays.asList(period.path().split("\\."));
        List<UnitRef> ancestors = units.findByCodes(labels.subList(0, labels.size() - 1)).stream()
                .map(a -> ref(a, asOf)).toList();
        return view(unit, asOf, ancestors);
    }

    private AdminUnitView view(AdminUnit unit, LocalDate asOf, List<UnitRef> ancestors) {
        AdminUnitPeriod period = unit.periodAsOf(asOf);
        UnitRef successor = unit.successorCode() == null ? null
                : units.findByCode(unit.successorCode()).map(s -> ref(s, unit.validTo().plusDays(1))).orElse(null);
        List<UnitRef> predecessors = ancestors == null ? null
                : units.findByCodes(units.predecessorCodes(unit.code())).stream().map(p -> ref(p, p.validTo())).toList();
        List<PeriodView> history = unit.history().stream()
                .map(p -> new PeriodView(p.validFrom(), p.validTo(), p.name(), p.kind(), p.parentCode(), p.path()))
                .toList();
        return new AdminUnitView(unit.code(), period.name(), period.kind(), unit.level(), unit.validFrom(), unit.validTo(),
                period.parentCode(), period.path(), successor, predecessors, ancestors, history, unit.demo(), unit.note());
    }

    private static UnitRef ref(AdminUnit unit, LocalDate asOf) {
        AdminUnitPeriod period = asOf == null ? unit.currentPeriod() : unit.periodAsOf(asOf);
        return new UnitRef(unit.code(), period.name(), period.kind(), unit.level());
    }
}
