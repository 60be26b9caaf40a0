package vn.baovetreem.children;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The children registry as a bulk import sees it: the same checks, identifier rules and audit as
 * {@code POST /children} and {@code PATCH /children/{id}}, row by row, with the lookups of a
 * batch made in one query. The caller has already been allowed to write children.
 */
@ApplicationScoped
public class ChildImport {

    /** How an existing record is recognised in upsert mode. */
    public enum MatchBy { PERSONAL_ID, EXTERNAL_REF }

    /** What writing a row did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** A row that passed the checks: its cleaned details and where the child sits. */
    public record Valid(ChildDetails details, String unitPath) {
    }

    private final ChildRepository children;
    private final ChildRules rules;
    private final ChildViews views;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final Clock clock;

    ChildImport(ChildRepository children, ChildRules rules, ChildViews views, AuditTrail audit, RequestValidator validator, Clock clock) {
        this.children = children;
        this.rules = rules;
        this.views = views;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The cleaned row, or a 400 with its violations: the checks of a new registration, or of a
     * correction when the row updates {@code match}.
     */
    public Valid check(ChildDetails details, Child match, Scope scope) {
        validator.validate(details);
        ChildRules.Checked checked = rules.check(details, match == null, today(), scope);
        return new Valid(checked.details(), checked.unitPath());
    }

    /** The key of a row under {@code by}: its personal identification number or external reference. */
    public static String key(ChildDetails details, MatchBy by) {
        return by == MatchBy.PERSONAL_ID ? details.personalId() : details.externalRef();
    }

    /** The records that already hold these keys, by key. */
    public Map<String, Child> existing(Collection<String> keys, MatchBy by) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        String field = by == MatchBy.PERSONAL_ID ? "personalId" : "externalRef";
        return children.find(field + " in ?1", keys).list().stream()
                .collect(Collectors.toMap(by == MatchBy.PERSONAL_ID ? Child::personalId : Child::externalRef, Function.identity()));
    }

    /**
     * The identifier problems of a row against the registry: an identifier another record holds
     * (other than {@code match}, the record an upsert updates), or a match outside the caller's area.
     */
    public List<Violation> identifierProblems(ChildDetails details, Child match, Scope scope) {
        List<Violation> problems = new ArrayList<>();
        if (match != null && !scope.contains(match.unitPath())) {
            problems.add(new Violation(details.personalId() != null ? "personalId" : "externalRef",
                    "matches a record outside your area"));
        }
        UUID self = match == null ? null : match.id();
        if (details.personalId() != null) {
            children.findByPersonalId(details.personalId()).filter(c -> !c.id().equals(self))
                    .ifPresent(c -> problems.add(new Violation("personalId", "another record has this personal identification number")));
        }
        if (details.externalRef() != null) {
            children.findByExternalRef(details.externalRef()).filter(c -> !c.id().equals(self))
                    .ifPresent(c -> problems.add(new Violation("externalRef", "another record has this external reference")));
        }
        return problems;
    }

    /** Creates the record, or updates {@code match} when the row changes it; audited like the API. */
    public Outcome write(Valid row, Child match, String username) {
        if (match == null) {
            Child child = Child.register(username, clock.instant());
            child.describe(row.details(), row.unitPath());
            children.persist(child);
            children.flush();
            audit.record("CREATE", ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), null,
                    views.full(child, today(), false));
            return Outcome.CREATED;
        }
        if (sameAs(match, row, username)) {
            return Outcome.UNCHANGED;
        }
        ChildViews.ChildView before = views.full(match, today(), false);
        match.describe(row.details(), row.unitPath());
        match.touch(clock.instant());
        children.flush();
        audit.record("UPDATE", ChildService.RECORD_TYPE, match.id().toString(), match.unitPath(), before,
                views.full(match, today(), false));
        return Outcome.UPDATED;
    }

    /** Whether the record already says what the row says, compared as the record would store the row. */
    private boolean sameAs(Child child, Valid row, String username) {
        Child probe = Child.register(username, clock.instant());
        probe.describe(row.details(), row.unitPath());
        return probe.details().equals(child.details()) && probe.unitPath().equals(child.unitPath());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
