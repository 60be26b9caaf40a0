package vn.baovetreem.prevention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.Edits;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.common.persistence.TimeOrderedIds;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.prevention.HazardSiteRepository.MeasureState;
import vn.baovetreem.prevention.HazardSiteRequests.NewHazardSite;
import vn.baovetreem.prevention.HazardSiteRequests.NewInspection;
import vn.baovetreem.prevention.HazardSiteRequests.SiteDetails;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Scope;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hazard-site register: village users survey and inspect the sites of their village, commune
 * users manage their subtree, district users read. A site is mitigated on a day when it has at
 * least one measure and every measure stood installed that day.
 */
@ApplicationScoped
public class HazardSiteService {

    private static final String INVALID = "The hazard site has invalid values.";

    static final String RECORD_TYPE = "hazard-site";
    private static final String LIST = "hazard-sites";

    private final HazardSiteRepository sites;
    private final UnitDirectory units;
    private final CodeListCatalog codes;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Edits edits;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final ObjectMapper mapper;
    private final Clock clock;

    HazardSiteService(HazardSiteRepository sites, UnitDirectory units, CodeListCatalog codes, AccessPolicy access,
                      AuditTrail audit, Edits edits, RequestValidator validator, PagingConfig paging, ObjectMapper mapper, Clock clock) {
        this.sites = sites;
        this.units = units;
        this.codes = codes;
        this.access = access;
        this.audit = audit;
        this.edits = edits;
        this.validator = validator;
        this.paging = paging;
        this.mapper = mapper;
        this.clock = clock;
    }

    public record MeasureView(String measure, HazardSiteRequests.MeasureStatus status, LocalDate since) {
    }

    /** Schema {@code HazardSite}. */
    public record SiteView(UUID id, String villageCode, String villageName, String kind, String description,
                           BigDecimal latitude, BigDecimal longitude, String riskLevel, LocalDate surveyedOn,
                           List<MeasureView> measures, boolean mitigated, LocalDate lastInspectedOn, String note,
                           Instant createdAt, String createdBy, Instant updatedAt) {
    }

    /** Schema {@code HazardInspection}. */
    public record InspectionView(UUID id, UUID siteId, LocalDate inspectedOn, String inspector, String findings,
                                 List<MeasureView> measuresChecked, String recordedBy) {
    }

    @Transactional
    public Versioned<SiteView> create(NewHazardSite request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_PREVENTION);
        validator.validate(request);
        Violations problems = new Violations();
        Checked checked = check(request.details(), user.scope(), problems);
        List<MeasureState> measures = measures(request.measures(), "measures", checked.details().surveyedOn(), problems);
        problems.failIfAny(INVALID);
        HazardSite site = HazardSite.survey(user.username(), clock.instant());
        site.describe(checked.details(), checked.unitPath(), clock.instant());
        sites.persistAndFlush(site);
        measures.forEach(m -> sites.addMeasureEvent(site.id(), m, null, user.username(), clock.instant()));
        SiteView after = views(List.of(site)).getFirst();
        audit.record("CREATE", RECORD_TYPE, site.id().toString(), site.unitPath(), null, after);
        return new Versioned<>(after, site.version());
    }

    @Transactional
    public Versioned<SiteView> get(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.READ_PREVENTION);
        HazardSite site = sites.findInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        return new Versioned<>(views(List.of(site)).getFirst(), site.version());
    }

    /** Merge patch of the descriptive fields; measures change through inspections. */
    @Transactional
    public Versioned<SiteView> patch(UUID id, String ifMatch, JsonNode patch) throws JsonProcessingException {
        CurrentUser.Resolved user = access.check(Operation.WRITE_PREVENTION);
        HazardSite site = sites.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, site.version());
        SiteDetails details = edits.patched(site.details(), patch, SiteDetails.class);
        Violations problems = new Violations();
        Checked checked = check(details, user.scope(), problems);
        problems.failIfAny(INVALID);
        return edits.update(RECORD_TYPE, site, s -> views(List.of(s)).getFirst(),
                s -> s.describe(checked.details(), checked.unitPath(), clock.instant()));
    }

    /** Records an inspection; each measure checked takes the state found, from the inspection day. */
    @Transactional
    public InspectionView inspect(UUID id, NewInspection request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_PREVENTION);
        validator.validate(request);
        HazardSite site = sites.lockInScope(id, user.scope()).orElseThrow(() -> notFound(id));
        Violations problems = new Violations();
        if (request.inspectedOn().isAfter(LocalDate.now(clock)) || request.inspectedOn().isBefore(site.surveyedOn())) {
            problems.add("inspectedOn", "must be between the survey of the site and today");
        }
        List<MeasureState> checked = measures(request.measuresChecked(), "measuresChecked", request.inspectedOn(), problems);
        problems.failIfAny(INVALID);
        UUID inspectionId = TimeOrderedIds.next();
        String findings = Texts.clean(request.findings());
        sites.addInspection(inspectionId, site.id(), request.inspectedOn(), Texts.clean(request.inspector()), findings,
                user.username(), clock.instant());
        checked.forEach(m -> sites.addMeasureEvent(site.id(), m, inspectionId, user.username(), clock.instant()));
        site.touch(clock.instant());
        sites.flush();
        InspectionView view = new InspectionView(inspectionId, site.id(), request.inspectedOn(), Texts.clean(request.inspector()),
                findings, checked.stream().map(m -> new MeasureView(m.measure(), m.status(), m.since())).toList(), user.username());
        audit.record("INSPECT", RECORD_TYPE, site.id().toString(), site.unitPath(), null, view);
        return view;
    }

    /** Query of the register as the resource parsed it. */
    public record ListQuery(String unitCode, String villageCode, String kind, String riskLevel, LocalDate notMitigatedOn,
                            LocalDate notInspectedSince) {
    }

    @Transactional
    public Page<SiteView> list(ListQuery q, Integer pageSize, String pageToken) {
        return page(q, false, pageSize, pageToken);
    }

    /** The register as GeoJSON features: only sites with coordinates. */
    @Transactional
    public Page<SiteView> listMappable(ListQuery q, Integer pageSize, String pageToken) {
        return page(q, true, pageSize, pageToken);
    }

    private Page<SiteView> page(ListQuery q, boolean mappable, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_PREVENTION);
        String list = mappable ? LIST + "-geojson" : LIST;
        String fingerprint = q.toString();
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, list, fingerprint), paging);
        PageRequest.Keyset<String> after = page.keyset(key -> key);
        Scope unit = units.subtreesOfParameter(q.unitCode());
        HazardSiteRepository.Filter filter = new HazardSiteRepository.Filter(unit, q.villageCode(), q.kind(), q.riskLevel(),
                q.notMitigatedOn(), q.notInspectedSince(), mappable);
        List<UUID> ids = sites.pageOfIds(filter, user.scope(), after, page.size() + 1);
        Page<HazardSite> rows = Page.fromOverfetch(sites.findAllInOrder(ids), page.size(),
                last -> PageToken.encode(list, fingerprint, PageRequest.Keyset.of(last.villageCode(), last.id())));
        return new Page<>(views(rows.items()), rows.nextPageToken());
    }

    /** Views with today's measures and the last inspection, in a constant number of queries. */
    private List<SiteView> views(List<HazardSite> page) {
        List<UUID> ids = page.stream().map(HazardSite::id).toList();
        Map<UUID, List<MeasureState>> measures = sites.measuresOn(ids, LocalDate.now(clock));
        Map<UUID, LocalDate> inspected = sites.lastInspections(ids);
        Map<String, UnitDirectory.UnitSummary> villages = units.findAll(page.stream().map(HazardSite::villageCode).toList());
        return page.stream().map(s -> {
            List<MeasureState> states = measures.getOrDefault(s.id(), List.of());
            boolean mitigated = !states.isEmpty() && states.stream().allMatch(m -> m.status() == HazardSiteRequests.MeasureStatus.INSTALLED);
            UnitDirectory.UnitSummary village = villages.get(s.villageCode());
            return new SiteView(s.id(), s.villageCode(), village == null ? null : village.name(), s.kind(), s.description(),
                    s.latitude(), s.longitude(), s.riskLevel(), s.surveyedOn(),
                    states.stream().map(m -> new MeasureView(m.measure(), m.status(), m.since())).toList(), mitigated,
                    inspected.get(s.id()), s.note(), s.createdAt(), s.createdBy(), s.updatedAt());
        }).toList();
    }

    private record Checked(SiteDetails details, String unitPath) {
    }

    private Checked check(SiteDetails d, Scope scope, Violations problems) {
        LocalDate surveyed = d.surveyedOn() != null ? d.surveyedOn() : LocalDate.now(clock);
        if (surveyed.isAfter(LocalDate.now(clock))) {
            problems.add("surveyedOn", "must not be in the future");
        }
        codes.checkCode(problems, "kind", "hazard-site-kinds", d.kind());
        codes.checkCode(problems, "riskLevel", "risk-levels", d.riskLevel());
        if ((d.latitude() == null) != (d.longitude() == null)) {
            problems.add("latitude", "latitude and longitude are given together or not at all");
        }
        String unitPath = units.villageInForce(d.villageCode(), LocalDate.now(clock)).filter(u -> scope.contains(u.path()))
                .map(UnitDirectory.UnitSummary::path).orElse(null);
        if (unitPath == null) {
            problems.add("villageCode", "must be the code of a village in force today in your area");
        }
        return new Checked(new SiteDetails(d.villageCode(), d.kind(), Texts.clean(d.description()), d.latitude(), d.longitude(),
                d.riskLevel(), surveyed, Texts.clean(d.note())), unitPath);
    }

    /** Measures as events: each code once, dated no later than today (default {@code defaultDate}). */
    private List<MeasureState> measures(List<HazardSiteRequests.MeasureState> given, String field, LocalDate defaultDate,
                                        Violations problems) {
        List<MeasureState> states = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<HazardSiteRequests.MeasureState> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            HazardSiteRequests.MeasureState m = list.get(i);
            String at = field + "[" + i + "]";
            codes.checkCode(problems, at + ".measure", "mitigation-measures", m.measure());
            if (!seen.add(m.measure())) {
                problems.add(at + ".measure", "is listed twice");
            }
            LocalDate date = m.date() != null ? m.date() : defaultDate;
            if (date.isAfter(LocalDate.now(clock))) {
                problems.add(at + ".date", "must not be in the future");
            }
            states.add(new MeasureState(m.measure(), m.status(), date));
        }
        return states;
    }

    private static ApiException notFound(UUID id) {
        return new ApiException.NotFound("Hazard site", id.toString());
    }
}
