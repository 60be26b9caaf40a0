package vn.baovetreem.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about a commune or village in a year that no record answers (recognitions, facilities).
 * Commune users keep those of their commune and its villages; district users those of the
 * communes below them. Facts that do not apply to the unit's level are refused.
 */
@ApplicationScoped
public class UnitFactService {

    private final UnitFactRepository facts;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final Clock clock;

    UnitFactService(UnitFactRepository facts, UnitDirectory units, AccessPolicy access, AuditTrail audit, RequestValidator validator,
                    Clock clock) {
        this.facts = facts;
        this.units = units;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /** Schema {@code UnitFacts}. */
    public record Facts(String unitCode, int year, Boolean childFriendly, Boolean playArea, Integer playPoints,
                        Boolean culturalSportsFacility, Boolean protectionCommittee, Boolean safeCommunity, String note,
                        Instant updatedAt, String updatedBy) {
    }

    /** Schema {@code UnitFactsUpdate}: every fact, absent when unknown. */
    public record FactsUpdate(Boolean childFriendly, Boolean playArea, @PositiveOrZero @Max(1000) Integer playPoints,
                              Boolean culturalSportsFacility, Boolean protectionCommittee, Boolean safeCommunity,
                              @Size(max = 2000) String note) {
    }

    @Transactional
    public Versioned<Facts> get(String code, int year) {
        CurrentUser.Resolved user = access.check(Operation.READ_INDICATORS);
        UnitDirectory.UnitSummary unit = unitInScope(code, user);
        return facts.find(unit.code(), year).orElseThrow(() -> new ApiException.NotFound("Unit facts", code + "/" + year));
    }

    /** Creates (without If-Match) or replaces (with it) the facts of a unit for a year. */
    @Transactional
    public Versioned<Facts> put(String code, int year, String ifMatch, FactsUpdate request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_UNIT_FACTS);
        validator.validate(request);
        UnitDirectory.UnitSummary unit = unitInScope(code, user);
        boolean district = user.roles().contains(Role.DISTRICT) && !user.roles().contains(Role.COMMUNE);
        if (unit.level() != UnitLevel.COMMUNE && (district || unit.level() != UnitLevel.VILLAGE)) {
            throw new ApiException.Forbidden(ProblemCode.UNIT_LEVEL_NOT_ALLOWED, district
                    ? "District users keep the facts of communes." : "Facts are kept for communes and villages.");
        }
        Violations problems = new Violations();
        int thisYear = LocalDate.now(clock).getYear();
        if (year < 2000 || year > thisYear + 1) {
            problems.add("year", "must lie between 2000 and " + (thisYear + 1));
        }
        if (unit.level() == UnitLevel.VILLAGE) {
            Map<String, Object> communeFacts = new LinkedHashMap<>();
            communeFacts.put("childFriendly", request.childFriendly());
            communeFacts.put("playArea", request.playArea());
            communeFacts.put("playPoints", request.playPoints());
            communeFacts.put("protectionCommittee", request.protectionCommittee());
            communeFacts.put("safeCommunity", request.safeCommunity());
            communeFacts.forEach((field, value) -> {
                if (value != null) {
                    problems.add(field, "is a fact of a commune, not of a village");
                }
            });
        }
        if (Boolean.FALSE.equals(request.playArea()) && request.playPoints() != null && request.playPoints() > 0) {
            problems.add("playPoints", "a commune without a play area has no play points");
        }
        problems.failIfAny("The facts have invalid values.");
        facts.lock(unit.code(), year);
        Optional<Versioned<Facts>> current = facts.find(unit.code(), year);
        if (current.isPresent()) {
            ETags.requireMatch(ifMatch, current.get().version());
        } else if (ifMatch != null) {
            throw new ApiException.PreconditionFailed("There are no facts for " + code + " in " + year + " yet; create them without If-Match.");
        }
        facts.save(unit.code(), year, new FactsUpdate(request.childFriendly(), request.playArea(), request.playPoints(),
                request.culturalSportsFacility(), request.protectionCommittee(), request.safeCommunity(), Texts.clean(request.note())),
                clock.instant(), user.username());
        Versioned<Facts> after = facts.find(unit.code(), year).orElseThrow();
        audit.record(current.isPresent() ? "UPDATE" : "CREATE", "unit-facts", code + "/" + year, unit.path(),
                current.map(Versioned::body).orElse(null), after.body());
        return after;
    }

    private UnitDirectory.UnitSummary unitInScope(String code, CurrentUser.Resolved user) {
        return units.find(code).filter(u -> user.scope().contains(u.path()))
                .orElseThrow(() -> new ApiException.NotFound("Administrative unit", code));
    }
}
