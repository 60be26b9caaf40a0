package vn.baovetreem.imports;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.ChildImport;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.persistence.WriteOutcome;
import vn.baovetreem.imports.Columns.Column;
import vn.baovetreem.imports.Columns.Type;
import vn.baovetreem.interventions.AllowanceGroup;
import vn.baovetreem.interventions.Intervention;
import vn.baovetreem.interventions.InterventionDetails;
import vn.baovetreem.interventions.InterventionImport;
import vn.baovetreem.interventions.InterventionStatus;
import vn.baovetreem.security.Scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An interventions file: one support per row for a child already in the registry, checked as
 * {@code POST /interventions} would. In upsert mode a row updates the child's support of the same
 * type that starts the same day; in create mode such a support makes the row a duplicate. Links to
 * cases are made through the API, which knows the cases.
 */
@ApplicationScoped
class InterventionsFile implements KindFile<InterventionsFile.Row> {

    private static final String STATUSES = "PLANNED (the default), ONGOING or COMPLETED";

    static final Columns COLUMNS = new Columns(Stream.concat(ChildReferences.COLUMNS.stream(), Stream.of(
            new Column("type", "Loại hỗ trợ", Type.TEXT, "intervention-types", "required"),
            new Column("protectionLevel", "Cấp độ bảo vệ", Type.TEXT, "protection-levels", "required"),
            new Column("provider", "Đơn vị cung cấp", Type.TEXT, null),
            new Column("fundingSource", "Nguồn kinh phí", Type.TEXT, "funding-sources", null),
            new Column("amountVnd", "Số tiền (đồng)", Type.NUMBER, "whole đồng"),
            new Column("monthlyAmountVnd", "Mức trợ cấp hằng tháng (đồng)", Type.NUMBER, "for SOCIAL_ALLOWANCE, with allowanceGroup"),
            new Column("allowanceGroup", "Nhóm trợ cấp xã hội", Type.TEXT, "for SOCIAL_ALLOWANCE (Decree 20/2021 Art. 5): "
                    + Arrays.stream(AllowanceGroup.values()).map(Enum::name).collect(Collectors.joining(", "))),
            new Column("startDate", "Ngày bắt đầu", Type.DATE, "required"),
            new Column("endDate", "Ngày kết thúc", Type.DATE, "date; needed when COMPLETED"),
            new Column("status", "Trạng thái", Type.TEXT, STATUSES),
            new Column("outcome", "Kết quả", Type.TEXT, null),
            new Column("planDeviationReason", "Lý do khác kế hoạch", Type.TEXT, null),
            new Column("note", "Ghi chú", Type.TEXT, null))).toList());

    /** A row: the child it names, the support and the status it states (null when the row gives none). */
    record Row(ChildReferences.Reference child, InterventionDetails details, InterventionStatus status) {
    }

    private final ChildImport registry;
    private final InterventionImport supports;

    InterventionsFile(ChildImport registry, InterventionImport supports) {
        this.registry = registry;
        this.supports = supports;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.INTERVENTIONS;
    }

    @Override
    public Columns columns() {
        return COLUMNS;
    }

    @Override
    public Row read(Map<String, String> row, List<Violation> problems) {
        InterventionDetails details = new InterventionDetails(null, row.get("type"), row.get("protectionLevel"), row.get("provider"),
                row.get("fundingSource"), Columns.number(row, "amountVnd", problems), Columns.number(row, "monthlyAmountVnd", problems),
                named(AllowanceGroup.class, row, "allowanceGroup", problems), Columns.date(row, "startDate", problems),
                Columns.date(row, "endDate", problems), row.get("outcome"), row.get("planDeviationReason"), row.get("note"));
        return new Row(ChildReferences.Reference.read(row), details, named(InterventionStatus.class, row, "status", problems));
    }

    private static <E extends Enum<E>> E named(Class<E> type, Map<String, String> row, String column, List<Violation> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(column, "is not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "))));
            return null;
        }
    }

    @Override
    public Pass<Row> pass(ImportJobs.Job job, Scope scope) {
        return new InterventionsPass(job, new ChildReferences(job.matchBy(), scope));
    }

    /** A child, a type of support and its first day: what a later row of the file must not repeat. */
    private record SupportKey(UUID child, String type, LocalDate start) {
    }

    private final class InterventionsPass implements Pass<Row> {
        private final ImportJobs.Job job;
        private final ChildReferences children;
        /** The rows so far by child, type and start: a later row with the same ones repeats it. */
        private final Map<SupportKey, Integer> earlier = new HashMap<>();
        private Map<UUID, List<Intervention>> held = Map.of();

        InterventionsPass(ImportJobs.Job job, ChildReferences children) {
            this.job = job;
            this.children = children;
        }

        @Override
        public void check(List<Parsed<Row>> batch) {
            lookUp(batch);
            for (Parsed<Row> p : batch) {
                ChildImport.Named child = children.resolve(p, p.value().child());
                if (child == null) {
                    p.report(supports.problems(p.value().details(), p.value().status(), null));
                    continue;
                }
                boolean readWell = p.problems().isEmpty();
                InterventionDetails details = p.value().details();
                Integer first = !readWell || details.type() == null || details.startDate() == null ? null
                        : earlier.putIfAbsent(new SupportKey(child.id(), details.type(), details.startDate()), p.row().number());
                if (first != null) {
                    p.report(List.of(new Violation("startDate", "repeats row " + first + ": a support of this type for this child "
                            + "starting this day")));
                }
                List<Violation> more = new ArrayList<>();
                assess(p, child, more);
                p.report(more);
                if (!readWell) {
                    p.report(supports.problems(details, p.value().status(), child));
                }
            }
        }

        @Override
        public List<WriteOutcome> write(List<Parsed<Row>> good, AuditTrail.Buffer events) {
            lookUp(good);
            List<InterventionImport.Valid> rows = new ArrayList<>(good.size());
            for (Parsed<Row> p : good) {
                List<Violation> problems = new ArrayList<>();
                ChildImport.Named child = children.resolve(p.value().child(), problems);
                InterventionImport.Valid valid = child == null ? null : assess(p, child, problems);
                if (!problems.isEmpty()) {
                    throw new ImportPasses.RegistryChanged(p.row().number(), problems.getFirst());
                }
                rows.add(valid);
            }
            return supports.write(rows, job.username(), events);
        }

        private void lookUp(List<Parsed<Row>> batch) {
            held = supports.supports(children.lookUp(registry, batch.stream().map(p -> p.value().child()).toList()));
        }

        /** The row checked against the child's supports, or null with its problems added. */
        private InterventionImport.Valid assess(Parsed<Row> p, ChildImport.Named child, List<Violation> problems) {
            Row row = p.value();
            Intervention match = InterventionImport.startingOn(held.get(child.id()), row.details().type(), row.details().startDate());
            if (match != null && job.mode() == ImportMode.CREATE) {
                problems.add(new Violation("startDate", "the child has a support of this type starting this day already "
                        + "(use upsert mode to update it)"));
                return null;
            }
            try {
                return supports.check(child, row.details(), row.status(), match);
            } catch (ApiException.BadRequest e) {
                problems.addAll(e.violations());
                return null;
            }
        }
    }
}
