package vn.baovetreem.areas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.AdminUnitRepository.UnitFilter;
import vn.baovetreem.areas.AdminUnitRequests.AdminUnitRetirement;
import vn.baovetreem.areas.AdminUnitRequests.NewAdminUnit;
import vn.baovetreem.areas.AdminUnitViews.AdminUnitView;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.common.persistence.RecordLocks;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.Operation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Use cases of the administrative tree: read by everyone, changed by administrators only. */
@ApplicationScoped
public class AdminUnitService {

    private static final String LIST = "admin-units";
    private static final String RECORD_TYPE = "admin-unit";
    private static final Set<String> PATCHABLE = Set.of("name", "kind", "demo", "note");

    private final AdminUnitRepository units;
    private final AdminUnitMapper mapper;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final PagingConfig paging;
    private final RequestValidator validator;
    private final Clock clock;
    private final Event<UnitDirectory.TreeChanged> treeChanged;

    AdminUnitService(AdminUnitRepository units, AdminUnitMapper mapper, AccessPolicy access, AuditTrail audit,
                     PagingConfig paging, RequestValidator validator, Clock clock, Event<UnitDirectory.TreeChanged> treeChanged) {
        this.validator = validator;
        this.units = units;
        this.mapper = mapper;
        this.access = access;
        this.audit = audit;
        this.paging = paging;
        this.clock = clock;
        this.treeChanged = treeChanged;
    }

    @Transactional
    public Page<AdminUnitView> list(String parentCode, UnitLevel level, LocalDate validOn, String q,
                                    Integer pageSize, String pageToken) {
        access.check(Operation.READ_ADMIN_UNITS);
        List<String> words = q == null ? List.of() : Arrays.stream(Texts.fold(q).split(" ")).filter(w -> !w.isEmpty()).toList();
        UnitFilter filter = new UnitFilter(parentCode, level, validOn, words);
        String fingerprint = parentCode + "|" + level + "|" + validOn + "|" + String.join(" ", words);
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, LIST, fingerprint), paging);
        List<String> codes = units.pageOfCodes(filter, page.afterKey(), page.size() + 1);
        LocalDate asOf = validOn != null ? validOn : LocalDate.now(clock);
        List<AdminUnitView> views = units.findByCodes(codes).stream().map(u -> mapper.toListItem(u, asOf)).toList();
        return Page.fromOverfetch(views, page.size(), last -> PageToken.encode(LIST, fingerprint, last.code()));
    }

    @Transactional
    public Versioned<AdminUnitView> get(String code, LocalDate validOn) {
        access.check(Operation.READ_ADMIN_UNITS);
        AdminUnit unit = load(code);
        return new Versioned<>(mapper.toDetail(unit, validOn != null ? validOn : LocalDate.now(clock)), unit.version());
    }

    @Transactional
    public Versioned<AdminUnitView> create(NewAdminUnit request) {
        access.check(Operation.MANAGE_ADMIN_UNITS);
        validator.validate(request);
        lockTree();
        if (units.findByCode(request.code()).isPresent()) {
            throw new ApiException.Conflict(ProblemCode.UNIT_CODE_TAKEN, "A unit with code '" + request.code()
                    + "' already exists; codes are never reused.");
        }
        LocalDate from = request.validFrom() != null ? request.validFrom() : LocalDate.now(clock);
        AdminUnit parent = null;
        if (request.level() == UnitLevel.PROVINCE) {
            if (request.parentCode() != null) {
                throw ApiException.BadRequest.field(ProblemCode.INVALID_PARENT, "parentCode", "A province has no parent.");
            }
        } else {
            if (request.parentCode() == null) {
                throw ApiException.BadRequest.field(ProblemCode.INVALID_PARENT, "parentCode", "A " + request.level() + " needs a parent unit.");
            }
            parent = units.findByCode(request.parentCode()).orElseThrow(() -> ApiException.BadRequest.field(
                    ProblemCode.INVALID_PARENT, "parentCode", "No unit has code '" + request.parentCode() + "'."));
            if (!request.level().mayBeChildOf(parent.level())) {
                throw ApiException.BadRequest.field(ProblemCode.INVALID_PARENT, "parentCode",
                        "A " + request.level() + " cannot sit under a " + parent.level() + ".");
            }
            if (!parent.isValidOn(from)) {
                throw ApiException.BadRequest.field(ProblemCode.INVALID_PARENT, "parentCode", notInForce(parent, from));
            }
        }
        AdminUnit unit;
        try {
            unit = AdminUnit.establish(request.code(), request.level(), request.name(), request.kind(), from, parent, this::load,
                    Boolean.TRUE.equals(request.demo()), Texts.clean(request.note()), clock.instant());
        } catch (Placement.Nowhere nowhere) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARENT, "parentCode", "Under this parent the unit would sit in no unit from "
                    + nowhere.day() + ", because " + nowhere.reason() + "; give a later validFrom or another parent.");
        }
        units.persistAndFlush(unit);
        treeChanged.fire(new UnitDirectory.TreeChanged());
        AdminUnitView after = mapper.toDetail(unit, from);
        audit.record("CREATE", RECORD_TYPE, unit.code(), unit.currentPeriod().path(), null, after);
        return new Versioned<>(after, unit.version());
    }

    /** JSON Merge Patch of the descriptive fields: name, kind, demo, note ({@code null} clears the note). */
    @Transactional
    public Versioned<AdminUnitView> patch(String code, String ifMatch, ObjectNode patch) {
        access.check(Operation.MANAGE_ADMIN_UNITS);
        if (patch == null) {
            throw new ApiException.BadRequest(ProblemCode.VALIDATION_FAILED, "The request needs a JSON object as body.");
        }
        AdminUnit unit = load(code);
        ETags.requireMatch(ifMatch, unit.version());
        Violations violations = new Violations();
        patch.fieldNames().forEachRemaining(field -> {
            if (!PATCHABLE.contains(field)) {
                violations.add(field, "unknown or read-only field");
            }
        });
        String name = textField(patch, "name", 200, violations);
        String kind = textField(patch, "kind", 50, violations);
        Boolean demo = null;
        if (patch.has("demo")) {
            if (!patch.get("demo").isBoolean()) {
                violations.add("demo", "must be true or false");
            } else {
                demo = patch.get("demo").booleanValue();
            }
        }
        String note = null;
        if (patch.has("note") && !patch.get("note").isNull()) {
            note = patch.get("note").isTextual() ? Texts.clean(patch.get("note").textValue()) : null;
            if (note == null || note.length() > 2000) {
                violations.add("note", "must be a string of at most 2000 characters, or null");
            }
        }
        violations.failIfAny("The patch has invalid values.");
        AdminUnitView before = mapper.toDetail(unit, LocalDate.now(clock));
        unit.correct(name, kind, demo, note, patch.has("note"), clock.instant());
        units.flush();
        treeChanged.fire(new UnitDirectory.TreeChanged());
        AdminUnitView after = mapper.toDetail(unit, LocalDate.now(clock));
        audit.record("UPDATE", RECORD_TYPE, unit.code(), unit.currentPeriod().path(), before, after);
        return new Versioned<>(after, unit.version());
    }

    @Transactional
    public Versioned<AdminUnitView> retire(String code, String ifMatch, AdminUnitRetirement request) {
        access.check(Operation.MANAGE_ADMIN_UNITS);
        validator.validate(request);
        lockTree();
        AdminUnit unit = load(code);
        ETags.requireMatch(ifMatch, unit.version());
        if (unit.validTo() != null) {
            throw new ApiException.Conflict(ProblemCode.UNIT_ALREADY_RETIRED, "Unit '" + code + "' was already retired on " + unit.validTo() + ".");
        }
        LocalDate lastDay = request.validTo();
        if (unit.validFrom() != null && lastDay.isBefore(unit.validFrom())) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_DATE, "validTo", "validTo is before the unit came into force.");
        }
        AdminUnit successor = units.findByCode(request.successorCode())
                .filter(s -> !s.code().equals(code))
                .orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.INVALID_SUCCESSOR, "successorCode",
                        "The successor must be another existing unit."));
        if (successor.level() != unit.level()) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_SUCCESSOR, "successorCode", "The successor must be a " + unit.level() + ".");
        }
        LocalDate firstDay = lastDay.plusDays(1);
        if (!successor.isValidOn(firstDay)) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_SUCCESSOR, "successorCode",
                    "The successor must be in force on " + firstDay + ".");
        }
        AdminUnitView before = mapper.toDetail(unit, lastDay);
        unit.retire(lastDay, successor, clock.instant());
        try {
            // The retired unit's records count toward the successor from firstDay on, for good; read
            // after the retirement, so that successors leading back to this unit are seen.
            Placement.under(successor, firstDay, null, this::load);
        } catch (Placement.Nowhere nowhere) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_SUCCESSOR, "successorCode", "The records of " + code
                    + " would count in no unit from " + nowhere.day() + ", because " + nowhere.reason() + "; name another successor.");
        }
        List<AdminUnit> moved = new ArrayList<>();
        try {
            placeUnder(unit, firstDay, moved);
        } catch (Placement.Nowhere nowhere) {
            // The units underneath follow the successor checked above, so only periods written
            // against these rules (by hand, in the database) can fail here.
            throw new ApiException.Conflict(ProblemCode.UNIT_WOULD_BE_LEFT_NOWHERE, "Retiring " + code + " on " + lastDay
                    + " would leave a unit under it in no unit from " + nowhere.day() + ", because " + nowhere.reason()
                    + "; retire that unit first, or choose another date or successor.");
        }
        units.flush();
        treeChanged.fire(new UnitDirectory.TreeChanged());
        AdminUnitView after = mapper.toDetail(unit, lastDay);
        audit.record("RETIRE", RECORD_TYPE, unit.code(), unit.currentPeriod().path(), before, after);
        for (AdminUnit child : moved) {
            audit.record("MOVE", RECORD_TYPE, child.code(), child.currentPeriod().path(), null, mapper.toDetail(child, firstDay));
        }
        return new Versioned<>(after, unit.version());
    }

    /** Places the units under {@code parent} from {@code from} on again, and theirs in turn, collecting those that moved. */
    private void placeUnder(AdminUnit parent, LocalDate from, List<AdminUnit> moved) {
        for (AdminUnit child : units.childrenFrom(parent.code(), from)) {
            if (child.followFrom(from, this::load, clock.instant())) {
                moved.add(child);
                placeUnder(child, from, moved);
            }
        }
    }

    /** Why {@code parent} cannot take a unit from {@code from}, and what to do instead. */
    private String notInForce(AdminUnit parent, LocalDate from) {
        if (parent.validTo() != null && from.isAfter(parent.validTo())) {
            return parent.successorCode() == null
                    ? "The parent unit was retired on " + parent.validTo() + "; give a validFrom on or before that day."
                    : "The parent unit was retired on " + parent.validTo() + "; create the unit under its successor "
                    + parent.successorCode() + ", or give a validFrom on or before that day.";
        }
        return "The parent unit came into force only on " + parent.validFrom() + "; give a validFrom on or after it.";
    }

    /**
     * Makes creations and retirements wait for each other. Each reads the history of other units
     * (a parent, a successor and theirs) and places units from it: two retirements into each
     * other would otherwise both pass and make a successor cycle, and a village created under a
     * commune being retired would miss the move.
     */
    private void lockTree() {
        RecordLocks.lock(units.getEntityManager(), RECORD_TYPE, "tree");
    }

    private AdminUnit load(String code) {
        return units.findByCode(code).orElseThrow(() -> new ApiException.NotFound("Administrative unit", code));
    }

    private static String textField(JsonNode patch, String field, int max, Violations violations) {
        if (!patch.has(field)) {
            return null;
        }
        JsonNode value = patch.get(field);
        String text = value.isTextual() ? Texts.clean(value.textValue()) : null;
        if (text == null || text.isEmpty() || text.length() > max) {
            violations.add(field, "must be a non-empty string of at most " + max + " characters");
            return null;
        }
        return text;
    }
}
