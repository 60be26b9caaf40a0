package vn.baovetreem.indicators;

import vn.baovetreem.common.persistence.RecordLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Facts about a commune or village in a year that no record answers (recognitions, facilities).
 * Commune users keep those of their commune and its villages; district users those of the
 * communes below them. Facts that do not apply to the unit's level are refused.
 */
@ApplicationScoped
public class UnitFactService {

    private final EntityManager em;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final Clock clock;

    UnitFactService(EntityManager em, UnitDirectory units, AccessPolicy access, AuditTrail audit, RequestValidator validator,
                    Clock clock) {
        this.em = em;
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
        return load(unit.code(), year).orElseThrow(() -> new ApiException.NotFound("Unit facts", code + "/" + year));
    }

    /** Creates (without If-Match) or replaces (with it) the facts of a unit for a year. */
    @Transactional
    public Versioned<Facts> put(String code, int year, String ifMatch, FactsUpdate request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_UNIT_FACTS);
        validator.validate(request);
        UnitDirectory.UnitSummary unit = unitInScope(code, user);
        boolean district = user.roles().contains(Role.DISTRICT) && !user.roles().contains(Role.COMMUNE);
        if (unit.level() != UnitLevel.COMMUNE && (district || unit.level() != UnitLevel.VILLAGE)) {
            throw new ApiException.Forbidden("UNIT_LEVEL_NOT_ALLOWED", district
                    ? "District users keep the facts of communes." : "Facts are kept for communes and villages.");
        }
        List<Violation> problems = new ArrayList<>();
        int thisYear = LocalDate.now(clock).getYear();
        if (year < 2000 || year > thisYear + 1) {
            problems.add(new Violation("year", "must lie between 2000 and " + (thisYear + 1)));
        }
        if (unit.level() == UnitLevel.VILLAGE) {
            for (Object[] field : new Object[][]{{"childFriendly", request.childFriendly()}, {"playArea", request.playArea()},
                    {"playPoints", request.playPoints()}, {"protectionCommittee", request.protectionCommittee()},
                    {"safeCommunity", request.safeCommunity()}}) {
                if (field[1] != null) {
                    problems.add(new Violation((String) field[0], "is a fact of a commune, not of a village"));
                }
            }
        }
        if (Boolean.FALSE.equals(request.playArea()) && request.playPoints() != null && request.playPoints() > 0) {
            problems.add(new Violation("playPoints", "a commune without a play area has no play points"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException.BadRequest("VALIDATION_FAILED", "The facts have invalid values.", problems);
        }
        RecordLocks.lock(em, "unit-facts", unit.code() + "/" + year);
        Optional<Versioned<Facts>> current = load(unit.code(), year);
        if (current.isPresent()) {
            ETags.requireMatch(ifMatch, current.get().version());
        } else if (ifMatch != null) {
            throw new ApiException.PreconditionFailed("There are no facts for " + code + " in " + year + " yet; create them without If-Match.");
        }
        em.createNativeQuery("""
                        insert into unit_fact (unit_code, year, child_friendly, play_area, play_points, cultural_sports_facility,
                                               protection_committee, safe_community, note, version, updated_at, updated_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11)
                        on conflict (unit_code, year) do update set child_friendly = ?3, play_area = ?4, play_points = ?5,
                            cultural_sports_facility = ?6, protection_committee = ?7, safe_community = ?8, note = ?9,
                            version = unit_fact.version + 1, updated_at = ?10, updated_by = ?11""")
                .setParameter(1, unit.code()).setParameter(2, year).setParameter(3, request.childFriendly())
                .setParameter(4, request.playArea()).setParameter(5, request.playPoints())
                .setParameter(6, request.culturalSportsFacility()).setParameter(7, request.protectionCommittee())
                .setParameter(8, request.safeCommunity()).setParameter(9, Texts.clean(request.note()))
                .setParameter(10, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(11, user.username())
                .executeUpdate();
        Versioned<Facts> after = load(unit.code(), year).orElseThrow();
        audit.record(current.isPresent() ? "UPDATE" : "CREATE", "unit-facts", code + "/" + year, unit.path(),
                current.map(Versioned::body).orElse(null), after.body());
        return after;
    }

    private UnitDirectory.UnitSummary unitInScope(String code, CurrentUser.Resolved user) {
        return units.find(code).filter(u -> user.scope().contains(u.path()))
                .orElseThrow(() -> new ApiException.NotFound("Administrative unit", code));
    }

    private Optional<Versioned<Facts>> load(String code, int year) {
        return Row.all(em.createNativeQuery("""
                        select child_friendly, play_area, play_points, cultural_sports_facility, protection_committee,
                               safe_community, note, updated_at, updated_by, version
                        from unit_fact where unit_code = ?1 and year = ?2""", Tuple.class)
                        .setParameter(1, code).setParameter(2, year))
                .stream().findFirst().map(r -> new Versioned<>(new Facts(code, year, r.maybeBool("child_friendly"),
                        r.maybeBool("play_area"), r.maybeInteger("play_points"), r.maybeBool("cultural_sports_facility"),
                        r.maybeBool("protection_committee"), r.maybeBool("safe_community"), r.text("note"), r.instant("updated_at"),
                        r.text("updated_by")), r.bigint("version")));
    }
}
