package vn.baovetreem.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.cases.CaseRequests.Reporter;
import vn.baovetreem.children.ChildRef;
import vn.baovetreem.children.ChildRepository;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/** Builds what the API returns about cases, cut to what the caller may see ({@link Disclosure}). */
@ApplicationScoped
public class CaseViews {

    static final String MASKED_TEXT = "***";

    private final ChildRepository children;
    private final CaseRepository cases;
    private final UnitDirectory units;
    private final ObjectMapper mapper;
    private final Clock clock;

    CaseViews(ChildRepository children, CaseRepository cases, UnitDirectory units, ObjectMapper mapper, Clock clock) {
        this.children = children;
        this.cases = cases;
        this.units = units;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Schema {@code CaseDeadline}. */
    public record DeadlineView(CaseDeadlines.Step step, Instant dueAt, Instant metAt, boolean overdue, Boolean onTime) {
    }

    public record Assessment(String riskLevel, Boolean emergency, Instant emergencyProtectedAt, String reviewOutcome) {
    }

    public record SeparationView(LocalDate startsOn, LocalDate endsOn, String extensionReason, LocalDate endedOn) {
    }

    public record PlanStatus(int currentVersion, Integer submittedVersion, Integer approvedVersion) {
    }

    public record TransferView(String toCommuneCode, String toCommuneName) {
    }

    /** Schema {@code Case}. */
    public record CaseView(UUID id, String caseNumber, CaseType type, CaseState status, ChildRef child, String communeCode,
                           String sourceChannel, Instant receivedAt, Instant occurredAt, String occurredUnitCode,
                           String summary, List<String> abuseForms, String sexualAbuseSubtype, String setting,
                           String perpetratorRelationship, String injuryMechanism, String injuryOutcome,
                           String injuryPlace, String riskCategory, String handlingOutcome, boolean childInDanger,
                           Reporter reporter,
                           Assessment assessment, SeparationView separation, PlanStatus plan, String closureReason,
                           Instant closedAt, String assignedOfficer, boolean escalated, TransferView transfer,
                           List<DeadlineView> deadlines, Disclosure disclosure, Set<CaseAction> allowedActions,
                           Instant createdAt, String createdBy, Instant updatedAt) {
    }

    /** Schema {@code CaseEvent}: one entry of the timeline. */
    public record EventView(UUID id, CaseEventKind kind, String action, CaseState fromState, CaseState toState,
                            Instant occurredAt, Instant recordedAt, String recordedBy, String note, JsonNode data) {
    }

    /** Schema {@code CasePlan}: one version of the plan. */
    public record PlanView(UUID caseId, int version, boolean submitted, boolean approved, List<CaseRequests.PlanItem> items,
                           long totalCostVnd, String note, Instant createdAt, String createdBy) {
    }

    /** Who a view is for: what it discloses and which actions it offers. */
    record Reader(Disclosure disclosure, Set<CaseAction> allowed) {
    }

    /** {@code c} as each of {@code readers} sees it. */
    List<CaseView> of(ChildCase c, Reader... readers) {
        return load(c).views(c, readers);
    }

    /** Views of many cases in a constant number of queries, each cut by its disclosure and with the actions its reader may take. */
    List<CaseView> of(List<ChildCase> page, Function<ChildCase, Disclosure> disclosure, Function<ChildCase, Set<CaseAction>> allowed) {
        Loaded loaded = load(page);
        return page.stream().map(c -> loaded.view(c, disclosure.apply(c), allowed.apply(c))).toList();
    }

    /**
     * What the views of a page of cases need besides the cases: their children, the units they name
     * and their deadlines. A change of one case reads it once, for its view before the change, and
     * answers its view after from it ({@link #after}).
     */
    record Loaded(Map<UUID, ChildRepository.Named> children, Map<String, UnitDirectory.UnitSummary> named,
                  Map<UUID, List<CaseDeadlines.Deadline>> deadlines, Instant now) {

        List<CaseView> views(ChildCase c, Reader... readers) {
            return Arrays.stream(readers).map(r -> view(c, r.disclosure(), r.allowed())).toList();
        }

        List<CaseDeadlines.Deadline> deadlinesOf(ChildCase c) {
            return deadlines.getOrDefault(c.id(), List.of());
        }

        private CaseView view(ChildCase c, Disclosure disclosure, Set<CaseAction> allowed) {
            ChildRepository.Named child = children.get(c.childId());
            List<DeadlineView> due = deadlinesOf(c).stream().map(d -> deadline(d, c, now)).toList();
            return CaseViews.view(c, ChildRef.of(child, named.get(child.villageCode())), named, due, disclosure, allowed);
        }
    }

    Loaded load(ChildCase c) {
        return load(List.of(c));
    }

    /**
     * What the views of {@code c} need after a change that {@code before} was read for, with the
     * deadlines the change left: no change moves a case to another child, and the units it names
     * (a transfer may add one) come from the directory's cache.
     */
    Loaded after(Loaded before, ChildCase c, List<CaseDeadlines.Deadline> deadlines) {
        List<String> codes = Stream.concat(before.named().keySet().stream(), Stream.ofNullable(c.transferToCode())).toList();
        return new Loaded(before.children(), units.findAll(codes), Map.of(c.id(), deadlines), clock.instant());
    }

    private Loaded load(List<ChildCase> page) {
        Map<UUID, ChildRepository.Named> byId = children.names(page.stream().map(ChildCase::childId).distinct().toList());
        Map<String, UnitDirectory.UnitSummary> named = units.findAll(Stream.concat(byId.values().stream().map(ChildRepository.Named::villageCode),
                page.stream().map(ChildCase::transferToCode).filter(Objects::nonNull)).toList());
        return new Loaded(byId, named, cases.deadlines(page.stream().map(ChildCase::id).toList()), clock.instant());
    }

    private static DeadlineView deadline(CaseDeadlines.Deadline d, ChildCase c, Instant now) {
        boolean overdue = d.metAt() == null && !c.status().isClosed() && now.isAfter(d.dueAt());
        return new DeadlineView(d.step(), d.dueAt(), d.metAt(), overdue, d.metAt() == null ? null : !d.metAt().isAfter(d.dueAt()));
    }

    private static CaseView view(ChildCase c, ChildRef child, Map<String, UnitDirectory.UnitSummary> named,
                                 List<DeadlineView> deadlines, Disclosure d, Set<CaseAction> allowed) {
        CaseRequests.CaseReport r = c.report();
        boolean handling = d.showsHandling();
        Assessment assessment = handling && (c.riskLevel() != null || c.assessedEmergency() != null)
                ? new Assessment(c.riskLevel(), c.assessedEmergency(), c.emergencyProtectedAt(), c.reviewOutcome()) : null;
        SeparationView separation = handling && c.separationStartsOn() != null
                ? new SeparationView(c.separationStartsOn(), c.separationEndsOn(), d.showsFreeText() ? c.separationExtension()
                : masked(c.separationExtension()), c.separationEndedOn()) : null;
        PlanStatus plan = handling && c.planVersion() > 0
                ? new PlanStatus(c.planVersion(), c.submittedPlanVersion(), c.approvedPlanVersion()) : null;
        TransferView transfer = c.transferToCode() == null ? null : new TransferView(c.transferToCode(),
                named.containsKey(c.transferToCode()) ? named.get(c.transferToCode()).name() : null);
        return new CaseView(c.id(), c.caseNumber(), c.type(), c.status(), child, c.communeCode(), r.sourceChannel(),
                r.receivedAt(), r.occurredAt(), r.occurredUnitCode(), d.showsFreeText() ? r.summary() : masked(r.summary()),
                r.abuseForms(), r.sexualAbuseSubtype(), r.setting(), r.perpetratorRelationship(), r.injuryMechanism(),
                r.injuryOutcome(), r.injuryPlace(), r.riskCategory(), r.handlingOutcome(), c.childInDanger(),
                d.showsReporter() ? r.reporter() : null, assessment, separation, plan, c.closureReason(), c.closedAt(),
                c.assignedOfficer(), c.escalated(), transfer, deadlines, d, allowed, c.createdAt(), c.createdBy(), c.updatedAt());
    }

    /** The timeline as {@code d} may see it: village users see transitions only, without their details. */
    List<EventView> timeline(List<CaseRepository.EventRow> rows, Disclosure d) {
        return rows.stream()
                .filter(e -> d.showsHandling() || e.kind() == CaseEventKind.REPORTED || e.kind() == CaseEventKind.TRANSITION)
                .map(e -> new EventView(e.id(), e.kind(), e.action(), state(e.fromState()), state(e.toState()), e.occurredAt(),
                        e.recordedAt(), e.recordedBy(), d.showsFreeText() && d.showsHandling() ? e.note() : masked(e.note()),
                        d.showsFreeText() && d.showsHandling() ? json(e.data()) : null))
                .toList();
    }

    PlanView plan(ChildCase c, CaseRepository.PlanRow row, Disclosure d) {
        List<CaseRequests.PlanItem> items = readItems(row.items()).stream()
                .map(i -> d.showsFreeText() ? i : new CaseRequests.PlanItem(i.measure(), masked(i.description()),
                        MASKED_TEXT, masked(i.provider()), i.startOn(), i.endOn(), i.estimatedCostVnd()))
                .toList();
        boolean submitted = c.submittedPlanVersion() != null && row.number() <= c.submittedPlanVersion();
        boolean approved = c.approvedPlanVersion() != null && row.number() == c.approvedPlanVersion();
        return new PlanView(c.id(), row.number(), submitted, approved, items, row.totalCostVnd(),
                d.showsFreeText() ? row.note() : masked(row.note()), row.createdAt(), row.createdBy());
    }

    String itemsJson(List<CaseRequests.PlanItem> items) {
        try {
            return mapper.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<CaseRequests.PlanItem> readItems(String json) {
        try {
            return List.of(mapper.readValue(json, CaseRequests.PlanItem[].class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaseState state(String name) {
        return name == null ? null : CaseState.valueOf(name);
    }

    private static String masked(String text) {
        return text == null ? null : MASKED_TEXT;
    }
}
