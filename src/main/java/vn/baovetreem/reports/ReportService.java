package vn.baovetreem.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.Edits;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.indicators.Exports;
import vn.baovetreem.indicators.IndicatorService;
import vn.baovetreem.indicators.Period;
import vn.baovetreem.plans.PlanProgressService;
import vn.baovetreem.prevention.AwarenessActivityService;
import vn.baovetreem.prevention.AwarenessActivityService.ActivityView;
import vn.baovetreem.reports.PeriodicReport.Narrative;
import vn.baovetreem.reports.PeriodicReport.Status;
import vn.baovetreem.reports.ReportRepository.Review;
import vn.baovetreem.reports.ReportRepository.Version;
import vn.baovetreem.reports.ReportingPeriods.ReportingPeriod;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Periodic reports: a commune drafts the narrative of its report for a period and submits it,
 * which freezes a snapshot of the period's indicator values, the progress of its plan and its
 * awareness work as an immutable version; the district above accepts it or returns it with
 * comments, and a returned report is resubmitted as a new version. Aggregator accounts read
 * accepted reports only.
 */
@ApplicationScoped
public class ReportService {

    static final String RECORD_TYPE = "periodic-report";
    /** The most communes a status list covers, and the most activities a snapshot lists. */
    static final int MAX_COMMUNES = 1000;
    static final int MAX_ACTIVITIES = 1000;

    private final ReportRepository reports;
    private final ReportingPeriods periods;
    private final IndicatorService indicators;
    private final PlanProgressService progress;
    private final AwarenessActivityService awareness;
    private final Exports exports;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Edits edits;
    private final RequestValidator validator;
    private final ObjectMapper mapper;
    private final Clock clock;

    ReportService(ReportRepository reports, ReportingPeriods periods, IndicatorService indicators, PlanProgressService progress,
                  AwarenessActivityService awareness, Exports exports, UnitDirectory units, AccessPolicy access, AuditTrail audit, Edits edits,
                  RequestValidator validator, ObjectMapper mapper, Clock clock) {
        this.reports = reports;
        this.periods = periods;
        this.indicators = indicators;
        this.progress = progress;
        this.awareness = awareness;
        this.exports = exports;
        this.units = units;
        this.access = access;
        this.audit = audit;
        this.edits = edits;
        this.validator = validator;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Schema {@code NewReport}. */
    public record NewReport(@NotBlank @Size(max = 20) String communeCode, @NotBlank @Size(max = 10) String period) {
    }

    /** What a merge patch of a report applies to (schema {@code ReportNarrative}). */
    public record NarrativeInput(@Size(max = 20000) String results, @Size(max = 20000) String difficulties,
                                 @Size(max = 20000) String proposals) {
    }

    /** Schema {@code ReportTransition}. */
    public record Transition(@NotNull ReportAction action, @Size(max = 4000) String comment) {
    }

    /** Schema {@code PeriodicReport}. */
    public record ReportView(UUID id, String communeCode, String communeName, ReportingPeriod period, Status status,
                             Boolean submittedLate, Narrative narrative, List<Version> versions, Set<ReportAction> allowedActions,
                             Instant createdAt, String createdBy, Instant updatedAt) {
    }

    /** The awareness work of the period: its sessions, the people they reached, and each activity. */
    public record Awareness(int sessions, int adultsReached, int childrenReached, List<ActivityView> activities) {
    }

    /** Schema {@code ReportContent}: what a submission freezes. */
    public record Content(Narrative narrative, ReportingPeriod period, IndicatorService.Values indicators,
                          PlanProgressService.Progress progress, Awareness awareness) {
    }

    /** Schema {@code ReportVersion}. */
    public record VersionView(UUID reportId, String communeCode, String communeName, int number, Instant submittedAt,
                              String submittedBy, Review review, Content content) {
    }

    /** Where a commune's report for the period stands, as the district's list shows it. */
    public enum ListStatus { MISSING, DRAFT, LATE, SUBMITTED, RETURNED, ACCEPTED }

    public record StatusRow(String communeCode, String communeName, ListStatus status, Boolean submittedLate, UUID reportId,
                            Integer latestVersion, Instant lastSubmittedAt) {
    }

    /** Schema {@code ReportStatusList}. */
    public record StatusList(String unitCode, ReportingPeriod period, List<StatusRow> items) {
    }

    @Transactional
    public Versioned<ReportView> create(NewReport request) {
        CurrentUser.Resolved user = access.check(Operation.DRAFT_AND_SUBMIT_REPORTS);
        validator.validate(request);
        ReportingPeriod period = periods.named(request.period());
        UnitDirectory.UnitSummary commune = units.find(request.communeCode())
                .filter(u -> u.level() == UnitLevel.COMMUNE && user.scope().contains(u.path()) && u.isValidOn(period.cutOff()))
                .orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "communeCode",
                        "communeCode must be a commune in your area in force at the period's cut-off (" + period.cutOff() + ")."));
        reports.find(commune.code(), period.year(), period.kind()).ifPresent(existing -> {
            throw new ApiException.Conflict(ProblemCode.REPORT_EXISTS, "The commune has a report for " + period.label() + " already.",
                    existing.id().toString());
        });
        PeriodicReport report = PeriodicReport.draft(commune.code(), commune.path(), period.year(), period.kind(),
                user.username(), clock.instant());
        reports.persistAndFlush(report);
        ReportView after = view(report, List.of());
        audit.record("CREATE", RECORD_TYPE, report.id().toString(), report.unitPath(), null, after);
        return new Versioned<>(after, report.version());
    }

    @Transactional
    public Versioned<ReportView> get(UUID id) {
        PeriodicReport report = readable(id);
        return new Versioned<>(view(report, reports.versions(id)), report.version());
    }

    /** Merge patch of the narrative, while the report is a draft or has been returned. */
    @Transactional
    public Versioned<ReportView> patch(UUID id, String ifMatch, JsonNode patch) throws JsonProcessingException {
        CurrentUser.Resolved user = access.check(Operation.DRAFT_AND_SUBMIT_REPORTS);
        PeriodicReport report = reports.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, report.version());
        if (report.status() != Status.DRAFT && report.status() != Status.RETURNED) {
            throw new ApiException.Conflict(ProblemCode.REPORT_NOT_EDITABLE, "A " + report.status() + " report is not edited; it is edited as a draft or once returned.");
        }
        Narrative current = report.narrative();
        NarrativeInput input = edits.patched(new NarrativeInput(current.results(), current.difficulties(), current.proposals()),
                patch, NarrativeInput.class);
        List<Version> versions = reports.versions(id);
        return edits.update(RECORD_TYPE, report, r -> view(r, versions), r -> r.write(new Narrative(Texts.clean(input.results()),
                Texts.clean(input.difficulties()), Texts.clean(input.proposals())), clock.instant()));
    }

    /** Submits (a new version with its snapshot), accepts or returns the report. */
    @Transactional
    public Versioned<ReportView> transition(UUID id, String ifMatch, Transition request) {
        if (!fullReader()) {
            // An aggregator reads accepted reports and takes none of their steps, whatever the body.
            access.check(Operation.DRAFT_AND_SUBMIT_REPORTS);
        }
        validator.validate(request);
        ReportAction action = request.action();
        CurrentUser.Resolved user = access.check(action.operation());
        PeriodicReport report = reports.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, report.version());
        if (!action.appliesTo(report.status())) {
            throw ApiException.Conflict.invalidTransition(report.status().name(), action, allowed(report));
        }
        List<Version> versions = reports.versions(id);
        ReportView before = view(report, versions);
        ReportingPeriod period = periods.of(report.year(), report.kind());
        switch (action) {
            case SUBMIT -> submit(report, period, versions.size() + 1, user.username());
            case ACCEPT -> reports.addReview(id, versions.size(),
                    new Review(Status.ACCEPTED, Texts.clean(request.comment()), clock.instant(), user.username()));
            case RETURN -> {
                if (request.comment() == null || request.comment().isBlank()) {
                    throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "comment", "A returned report says what to change.");
                }
                reports.addReview(id, versions.size(),
                        new Review(Status.RETURNED, Texts.clean(request.comment()), clock.instant(), user.username()));
            }
        }
        report.moveTo(action.target(), clock.instant());
        reports.flush();
        ReportView after = view(report, reports.versions(id));
        audit.record(action.name(), RECORD_TYPE, id.toString(), report.unitPath(), before, after);
        return new Versioned<>(after, report.version());
    }

    private void submit(PeriodicReport report, ReportingPeriod period, int number, String by) {
        if (!LocalDate.now(clock).isAfter(period.cutOff())) {
            throw new ApiException.Conflict(ProblemCode.REPORTING_PERIOD_OPEN, "The period's data run to " + period.cutOff()
                    + "; the report is submitted after that day.");
        }
        if (report.narrative().results() == null) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "results", "A report states its results before it is submitted.");
        }
        freeze(report, period, number, clock.instant(), by);
    }

    /** Writes version {@code number} of the report: its narrative and a snapshot of the period's figures as they are now. */
    void freeze(PeriodicReport report, ReportingPeriod period, int number, Instant at, String by) {
        Period window = Period.between(period.startsOn(), period.cutOff());
        IndicatorService.Values values = indicators.valuesOnBehalf(
                new IndicatorService.Query(report.communeCode(), window, List.of(), List.of(), null));
        List<ActivityView> activities = awareness.heldFor(reports.unitsOf(report.communeCode(), period.cutOff()), period.startsOn(),
                period.cutOff(), MAX_ACTIVITIES);
        Awareness work = new Awareness(activities.size(), activities.stream().mapToInt(ActivityView::adultsReached).sum(),
                activities.stream().mapToInt(ActivityView::childrenReached).sum(), activities);
        Content content = new Content(report.narrative(), period, values,
                progress.ofCommune(report.communeCode(), report.year(), window).orElse(null), work);
        try {
            reports.addVersion(report.id(), number, at, by, mapper.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report's snapshot cannot be written", e);
        }
    }

    /** A submitted version with its frozen content; aggregator accounts read accepted versions only. */
    @Transactional
    public VersionView version(UUID id, int number) {
        PeriodicReport report = readable(id);
        Version version = reports.versions(id).stream().filter(v -> v.number() == number).findFirst()
                .filter(v -> fullReader() || (v.review() != null && v.review().outcome() == Status.ACCEPTED))
                .orElseThrow(() -> new ApiException.NotFound("Report version", id + "/" + number));
        String body = reports.body(id, number).orElseThrow();
        try {
            Content content = mapper.readValue(body, Content.class);
            return new VersionView(id, report.communeCode(), communeName(report.communeCode()), number, version.submittedAt(),
                    version.submittedBy(), version.review(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("The snapshot of report " + id + " version " + number + " cannot be read", e);
        }
    }

    /** A version as a workbook to print and sign. */
    public record Workbook(byte[] body, String fileName) {
    }

    /** Built after the version was read and its transaction ended: no connection is held while the workbook is written. */
    public Workbook workbook(UUID id, int number) {
        VersionView version = version(id, number);
        LocalDate submittedOn = LocalDate.ofInstant(version.submittedAt(), clock.getZone());
        Map<String, UnitDirectory.UnitSummary> places = units.findAll(version.content().awareness().activities().stream()
                .map(ActivityView::unitCode).toList());
        byte[] body = exports.workbook(version.content().indicators(), ReportWorkbook.WIDTHS,
                page -> ReportWorkbook.cover(page, version, submittedOn, exports::categoryLabel,
                        code -> places.containsKey(code) ? places.get(code).name() : code));
        return new Workbook(body, "bao-cao_" + version.communeCode() + "_" + version.content().period().label() + "_v" + number + ".xlsx");
    }

    /** Every commune under {@code unitCode} with the status of its report for the period. */
    @Transactional
    public StatusList list(String unitCode, String periodLabel) {
        CurrentUser.Resolved user = access.check(Operation.READ_ACCEPTED_REPORTS);
        if (unitCode == null) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "unit", "unit is required.");
        }
        if (periodLabel == null) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "period", "period is required (2024-H1 or 2024).");
        }
        ReportingPeriod period = periods.named(periodLabel);
        units.find(unitCode).orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "unit", "unit must be the code of a known unit."));
        List<ReportRepository.Commune> communes = reports.communesUnder(unitCode, period.cutOff(), MAX_COMMUNES).stream()
                .filter(c -> user.scope().contains(c.path())).toList();
        Map<String, PeriodicReport> byCommune = reports.reportsOf(communes.stream().map(ReportRepository.Commune::code).toList(),
                period.year(), period.kind());
        boolean full = fullReader();
        List<StatusRow> rows = communes.stream().map(c -> row(c, byCommune.get(c.code()), period))
                .filter(r -> full || r.status() == ListStatus.ACCEPTED).toList();
        return new StatusList(unitCode, period, rows);
    }

    private StatusRow row(ReportRepository.Commune commune, PeriodicReport report, ReportingPeriod period) {
        boolean overdue = LocalDate.now(clock).isAfter(period.dueOn());
        if (report == null) {
            return new StatusRow(commune.code(), commune.name(), overdue ? ListStatus.LATE : ListStatus.MISSING, null, null, null, null);
        }
        List<Version> versions = reports.versions(report.id());
        Version last = versions.isEmpty() ? null : versions.getLast();
        ListStatus status = switch (report.status()) {
            case DRAFT -> overdue ? ListStatus.LATE : ListStatus.DRAFT;
            case SUBMITTED -> ListStatus.SUBMITTED;
            case RETURNED -> ListStatus.RETURNED;
            case ACCEPTED -> ListStatus.ACCEPTED;
        };
        return new StatusRow(commune.code(), commune.name(), status, late(report, period), report.id(),
                last == null ? null : last.number(), last == null ? null : last.submittedAt());
    }

    /** The report, when the caller may read it: communes and districts in scope; aggregators once accepted. */
    private PeriodicReport readable(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.READ_ACCEPTED_REPORTS);
        return reports.findInScope(id, user.scope())
                .filter(r -> fullReader() || r.status() == Status.ACCEPTED)
                .orElseThrow(() -> notFound(id));
    }

    /** Communes and districts read reports at every stage; an aggregator only what was accepted. */
    private boolean fullReader() {
        return access.allows(Operation.DRAFT_AND_SUBMIT_REPORTS) || access.allows(Operation.REVIEW_REPORTS);
    }

    private ReportView view(PeriodicReport report, List<Version> versions) {
        ReportingPeriod period = periods.of(report.year(), report.kind());
        return new ReportView(report.id(), report.communeCode(), communeName(report.communeCode()), period, report.status(),
                late(report, period), report.narrative(), versions, allowed(report), report.createdAt(), report.createdBy(),
                report.updatedAt());
    }

    /** Whether the first submission came after the due day; null before any submission. */
    private Boolean late(PeriodicReport report, ReportingPeriod period) {
        return report.firstSubmittedAt() == null ? null
                : LocalDate.ofInstant(report.firstSubmittedAt(), clock.getZone()).isAfter(period.dueOn());
    }

    private Set<ReportAction> allowed(PeriodicReport report) {
        return Arrays.stream(ReportAction.values())
                .filter(a -> a.appliesTo(report.status()) && access.allows(a.operation()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReportAction.class)));
    }

    private String communeName(String code) {
        return units.find(code).map(UnitDirectory.UnitSummary::name).orElse(null);
    }

    private static ApiException notFound(UUID id) {
        return new ApiException.NotFound("Report", id.toString());
    }
}
