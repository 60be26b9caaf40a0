package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.ChildFacts;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.persistence.WriteOutcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Supports as a bulk import sees them: the checks and audit of {@code POST /interventions} and
 * {@code PATCH /interventions/{id}}, with the supports of a batch of children read in one query.
 * A row of an upsert updates the child's support of the same type that starts the same day; it
 * may move the support forward (planned, ongoing, completed), never back, and never reopens a
 * cancelled one. The caller has already been allowed to write supports and has found each child
 * in its area.
 */
@ApplicationScoped
public class InterventionImport {

    /** A checked row: the support to record for the child, or the changes to the one it matches. */
    public record Valid(ChildFacts child, InterventionDetails details, InterventionStatus status, Intervention match) {
    }

    private final InterventionService service;
    private final InterventionRepository interventions;
    private final InterventionViews views;
    private final RequestValidator validator;
    private final Clock clock;

    InterventionImport(InterventionService service, InterventionRepository interventions, InterventionViews views,
                       RequestValidator validator, Clock clock) {
        this.service = service;
        this.interventions = interventions;
        this.views = views;
        this.validator = validator;
        this.clock = clock;
    }

    /** The supports of these children, by child, in one query, not managed by Hibernate (the batch writes a correction). */
    public Map<UUID, List<Intervention>> supports(Collection<UUID> childIds) {
        Map<UUID, List<Intervention>> byChild = new HashMap<>();
        childIds.forEach(id -> byChild.put(id, new ArrayList<>()));
        if (!childIds.isEmpty()) {
            interventions.ofChildren(childIds).forEach(i -> byChild.get(i.childId()).add(i));
        }
        return byChild;
    }

    /** The support of {@code type} starting on {@code startDate}: the one a row of an upsert updates. */
    public static Intervention startingOn(List<Intervention> supports, String type, LocalDate startDate) {
        return supports.stream().filter(i -> i.type().equals(type) && i.startDate().equals(startDate)).findFirst().orElse(null);
    }

    /**
     * The row checked as the API checks a new support, or a correction of {@code match}; a 400 with
     * its violations otherwise. {@code status} null means the default, PLANNED, for a new support
     * and no change for a matched one.
     */
    public Valid check(ChildFacts child, InterventionDetails details, InterventionStatus status, Intervention match) {
        InterventionStatus target = status != null ? status : match != null ? match.status() : InterventionStatus.PLANNED;
        validator.validateRow(details);
        statusProblems(target, match).failIfAny("The support has invalid values.");
        InterventionDetails withCase = match == null ? details : new InterventionDetails(match.caseId(), details.type(),
                details.protectionLevel(), details.provider(), details.fundingSource(), details.amountVnd(), details.monthlyAmountVnd(),
                details.allowanceGroup(), details.startDate(), details.endDate(), details.outcome(), details.planDeviationReason(),
                details.note());
        return new Valid(child, service.check(withCase, target, List.of(child)), target, match);
    }

    /**
     * Every problem of a row's support in itself (its fields, codes, dates and status) and, when
     * {@code child} is known (null for a row whose child is not found), against the child's birth:
     * a field the row lacks or cannot read does not hide a type that is no type.
     */
    public List<Violation> problems(InterventionDetails details, InterventionStatus status, ChildFacts child) {
        InterventionStatus target = status != null ? status : InterventionStatus.PLANNED;
        Violations findings = statusProblems(target, null);
        findings.addAll(service.problems(details, target, child == null ? List.of() : List.of(child)));
        return validator.rowProblems(details, findings);
    }

    /** What is wrong with moving a support to {@code target}, from {@code match} when it is recorded. */
    private static Violations statusProblems(InterventionStatus target, Intervention match) {
        Violations problems = new Violations();
        if (target == InterventionStatus.CANCELLED) {
            problems.add("status", "is PLANNED, ONGOING or COMPLETED; cancel a support through the API");
        } else if (match != null && match.status() == InterventionStatus.CANCELLED) {
            problems.add("status", "the support was cancelled in the registry; a file cannot reopen it");
        } else if (match != null && target.ordinal() < match.status().ordinal()) {
            problems.add("status", "the support is " + match.status() + " in the registry; a file cannot move it back to "
                    + target);
        }
        return problems;
    }

    /**
     * Records the new supports of a batch and corrects the matched ones a row changes, with the
     * audit events the API writes, and gives the outcome of each row. New supports are sent with
     * {@code COPY}; corrected ones are staged with {@code COPY} and written by one statement that
     * checks their versions (one changed meanwhile fails the batch, and the job runs again).
     */
    public List<WriteOutcome> write(List<Valid> rows, String username, AuditTrail.Buffer events) {
        Map<UUID, InterventionViews.InterventionView> before = new HashMap<>();
        views(rows.stream().filter(r -> r.match() != null && !same(r)).map(Valid::match).toList()).forEach(v -> before.put(v.id(), v));
        List<WriteOutcome> outcomes = new ArrayList<>(rows.size());
        List<Intervention> written = new ArrayList<>();
        List<Intervention> added = new ArrayList<>();
        List<Intervention> corrected = new ArrayList<>();
        for (Valid row : rows) {
            if (row.match() == null) {
                Intervention created = Intervention.record(row.child().id(), row.child().unitPath(), null, row.status(), username,
                        clock.instant());
                created.describe(row.details());
                added.add(created);
                written.add(created);
                outcomes.add(WriteOutcome.CREATED);
            } else if (same(row)) {
                outcomes.add(WriteOutcome.UNCHANGED);
            } else {
                row.match().describe(row.details());
                row.match().advance(row.status(), clock.instant());
                corrected.add(row.match());
                written.add(row.match());
                outcomes.add(WriteOutcome.UPDATED);
            }
        }
        interventions.insertAll(added);
        interventions.changeAll(corrected);
        List<InterventionViews.InterventionView> after = views(written);
        for (int i = 0; i < written.size(); i++) {
            Intervention support = written.get(i);
            InterventionViews.InterventionView was = before.get(support.id());
            events.add(was == null ? "CREATE" : "UPDATE", InterventionService.RECORD_TYPE, support.id().toString(), support.unitPath(),
                    was, after.get(i));
        }
        return outcomes;
    }


    /** The views of supports, in their order, with a constant number of queries. */
    private List<InterventionViews.InterventionView> views(List<Intervention> supports) {
        return supports.isEmpty() ? List.of() : views.of(supports, LocalDate.now(clock));
    }

    private static boolean same(Valid row) {
        return row.match().details().equals(row.details()) && row.match().status() == row.status();
    }
}
