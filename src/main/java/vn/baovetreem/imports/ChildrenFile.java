package vn.baovetreem.imports;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.Caregiver;
import vn.baovetreem.children.Child;
import vn.baovetreem.children.ChildDetails;
import vn.baovetreem.children.ChildImport;
import vn.baovetreem.children.ChildImport.MatchBy;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.persistence.WriteOutcome;
import vn.baovetreem.imports.Columns.Column;
import vn.baovetreem.imports.Columns.Type;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopeProbes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A children file: one child per row, checked as {@code POST /children} would (or
 * {@code PATCH /children/{id}} for a row an upsert matches), plus keys repeated within the file.
 */
@ApplicationScoped
class ChildrenFile implements KindFile<ChildDetails> {

    static final Columns COLUMNS = new Columns(List.of(
            new Column("personalId", "Số định danh cá nhân", Type.TEXT, "12 digits"),
            new Column("fullName", "Họ và tên", Type.TEXT, "required"),
            new Column("dateOfBirth", "Ngày sinh", Type.DATE, "required; yyyy-MM-dd or dd/MM/yyyy"),
            new Column("birthDateEstimated", "Ngày sinh ước tính", Type.YES_NO, "yes/no"),
            new Column("sex", "Giới tính", Type.TEXT, "sexes", "required"),
            new Column("ethnicity", "Dân tộc", Type.TEXT, "ethnic-groups", null),
            new Column("villageCode", "Mã thôn", Type.TEXT, "required; a village in your area"),
            new Column("address", "Địa chỉ", Type.TEXT, null),
            new Column("povertyStatus", "Hộ nghèo, cận nghèo", Type.TEXT, "poverty-status", null),
            new Column("birthRegisteredOn", "Ngày đăng ký khai sinh", Type.DATE, "date"),
            new Column("healthInsuranceCard", "Số thẻ BHYT", Type.TEXT, null),
            new Column("schoolStatus", "Tình trạng đi học", Type.TEXT, "school-status", null),
            new Column("disabilityLevel", "Mức độ khuyết tật", Type.TEXT, "disability-levels", null),
            new Column("parentsStatus", "Tình trạng cha mẹ", Type.TEXT, "parents-status", null),
            new Column("caregiverName", "Người chăm sóc", Type.TEXT, "one caregiver per row"),
            new Column("caregiverRelationship", "Quan hệ với trẻ", Type.TEXT, "caregiver-relationships", "with caregiverName"),
            new Column("caregiverPhone", "Điện thoại người chăm sóc", Type.TEXT, null),
            new Column("continuingSupportReason", "Lý do tiếp tục hỗ trợ", Type.TEXT, "for a person of 16 or more"),
            new Column("externalRef", "Mã tham chiếu ngoài", Type.TEXT, "the record's id in the source system"),
            new Column("note", "Ghi chú", Type.TEXT, null)));

    private final ChildImport registry;
    private final ScopeProbes probes;

    ChildrenFile(ChildImport registry, ScopeProbes probes) {
        this.registry = registry;
        this.probes = probes;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CHILDREN;
    }

    @Override
    public Columns columns() {
        return COLUMNS;
    }

    @Override
    public ChildDetails read(Map<String, String> row, List<Violation> problems) {
        List<Caregiver> caregivers = new ArrayList<>();
        if (row.get("caregiverName") != null || row.get("caregiverRelationship") != null || row.get("caregiverPhone") != null) {
            caregivers.add(new Caregiver(row.get("caregiverName"), row.get("caregiverRelationship"), row.get("caregiverPhone")));
        }
        return new ChildDetails(row.get("personalId"), row.get("fullName"), Columns.date(row, "dateOfBirth", problems),
                Columns.yesNo(row, "birthDateEstimated", problems), row.get("sex"), row.get("ethnicity"), row.get("villageCode"),
                row.get("address"), row.get("povertyStatus"), Columns.date(row, "birthRegisteredOn", problems),
                row.get("healthInsuranceCard"), row.get("schoolStatus"), row.get("disabilityLevel"), row.get("parentsStatus"),
                caregivers, row.get("continuingSupportReason"), row.get("externalRef"), row.get("note"));
    }

    /** {@code caregivers[0].phone} is {@code caregiverPhone}. */
    @Override
    public String column(String field) {
        if (field == null || !field.startsWith("caregivers[")) {
            return field;
        }
        String part = field.substring(field.indexOf(']') + 1).replace(".", "");
        return part.isEmpty() ? "caregiverName" : "caregiver" + Character.toUpperCase(part.charAt(0)) + part.substring(1);
    }

    @Override
    public Pass<ChildDetails> pass(ImportJobs.Job job, Scope scope) {
        return new ChildrenPass(job.mode(), job.matchBy(), job.username(), scope, registry.villages());
    }

    /** A row checked against the registry: the cleaned row and the record it updates, or its problems. */
    private record Assessed(ChildImport.Valid valid, Child match, List<Violation> problems) {
    }

    private final class ChildrenPass implements Pass<ChildDetails> {
        private final ImportMode mode;
        private final MatchBy matchBy;
        private final String username;
        private final Scope scope;
        private final ChildImport.Villages villages;
        private final Set<String> personalIds = new HashSet<>();
        private final Set<String> externalRefs = new HashSet<>();
        /** Answers about records outside the caller's area still allowed in this pass (-1: not asked yet). */
        private int allowance = -1;
        /** Such answers given in the batch being checked. */
        private int answered;

        ChildrenPass(ImportMode mode, MatchBy matchBy, String username, Scope scope, ChildImport.Villages villages) {
            this.mode = mode;
            this.matchBy = matchBy;
            this.username = username;
            this.scope = scope;
            this.villages = villages;
        }

        @Override
        public void check(List<Parsed<ChildDetails>> batch) {
            ChildImport.Holders holders = registry.holders(batch.stream().map(Parsed::value).toList());
            for (Parsed<ChildDetails> p : batch) {
                ChildDetails details = p.value();
                if (details.personalId() != null && !personalIds.add(details.personalId())) {
                    p.problems().add(new Violation("personalId", "is given to an earlier row of the file too"));
                }
                if (details.externalRef() != null && !externalRefs.add(details.externalRef())) {
                    p.problems().add(new Violation("externalRef", "is given to an earlier row of the file too"));
                }
                p.report(answerable(details, holders, assess(details, holders).problems()));
            }
            probes.record("IMPORT_IDENTIFIER_MATCH", answered);
            answered = 0;
        }

        /**
         * {@code problems} as the caller may receive them: a problem that tells that a record outside
         * their area holds the row's key is a probe ({@link ScopeProbes}); past the caller's allowance
         * it is withheld and the row is refused without saying why the key is taken.
         */
        private List<Violation> answerable(ChildDetails details, ChildImport.Holders holders, List<Violation> problems) {
            boolean aboutKey = problems.stream().anyMatch(v -> v.field().equals("personalId") || v.field().equals("externalRef"));
            boolean outside = Stream.of(holders.of(details, MatchBy.PERSONAL_ID), holders.of(details, MatchBy.EXTERNAL_REF))
                    .anyMatch(c -> c != null && !scope.contains(c.unitPath()));
            if (!aboutKey || !outside) {
                return problems;
            }
            if (allowance < 0) {
                allowance = probes.allowance();
            }
            if (allowance == 0) {
                return List.of(new Violation(matchBy == MatchBy.PERSONAL_ID ? "personalId" : "externalRef",
                        "cannot be checked against records outside your area now: your hourly allowance of such answers is used up"));
            }
            allowance--;
            answered++;
            return problems;
        }

        @Override
        public List<WriteOutcome> write(List<Parsed<ChildDetails>> good, AuditTrail.Buffer events) {
            ChildImport.Holders holders = registry.holders(good.stream().map(Parsed::value).toList());
            List<WriteOutcome> outcomes = new ArrayList<>(good.size());
            ChildImport.Writes writes = registry.writes(villages, events);
            for (Parsed<ChildDetails> p : good) {
                Assessed row = assess(p.value(), holders);
                if (!row.problems().isEmpty()) {
                    throw new ImportPasses.RegistryChanged(p.row().number(), row.problems().getFirst());
                }
                outcomes.add(registry.write(row.valid(), row.match(), username, writes));
            }
            writes.send();
            return outcomes;
        }

        /** What the file itself cannot show about a row: the registry's rules, the key and the match. */
        private Assessed assess(ChildDetails details, ChildImport.Holders holders) {
            String field = matchBy == MatchBy.PERSONAL_ID ? "personalId" : "externalRef";
            Child match = holders.of(details, matchBy);
            if (mode == ImportMode.UPSERT && ChildImport.key(details, matchBy) == null) {
                return new Assessed(null, null, List.of(new Violation(field, "is required to match records in upsert mode")));
            }
            if (mode == ImportMode.CREATE && match != null) {
                return new Assessed(null, null, List.of(new Violation(field, "is registered already (use upsert mode to update the record)")));
            }
            try {
                ChildImport.Valid valid = registry.check(details, match, scope, villages);
                return new Assessed(valid, match, registry.identifierProblems(valid.details(), match, scope, holders));
            } catch (ApiException.BadRequest e) {
                return new Assessed(null, null, e.violations());
            }
        }
    }
}
