package vn.baovetreem.prevention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.common.persistence.TimeOrderedIds;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Awareness work: village loudspeakers, meetings, school sessions, leaflets, social media, with
 * their topics and how many adults, girls and boys they reached. Commune users record them for
 * their commune or one of its villages; villages and districts read them.
 */
@ApplicationScoped
public class AwarenessActivityService {

    static final String RECORD_TYPE = "awareness-activity";
    private static final String LIST = "awareness-activities";

    private final AwarenessActivityRepository activities;
    private final UnitDirectory units;
    private final CodeListCatalog codes;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final Clock clock;

    AwarenessActivityService(AwarenessActivityRepository activities, UnitDirectory units, CodeListCatalog codes, AccessPolicy access, AuditTrail audit,
                             RequestValidator validator, PagingConfig paging, Clock clock) {
        this.activities = activities;
        this.units = units;
        this.codes = codes;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
        this.paging = paging;
        this.clock = clock;
    }

    /** Schema {@code NewAwarenessActivity}. */
    public record NewActivity(@NotBlank String unitCode, @NotNull LocalDate heldOn, @NotBlank String channel,
                              @NotEmpty @Size(max = 7) List<@NotBlank String> topics,
                              @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 200) String organiser,
                              @PositiveOrZero @Max(100_000) Integer adultsReached, @PositiveOrZero @Max(100_000) Integer girlsReached,
                              @PositiveOrZero @Max(100_000) Integer boysReached, @Size(max = 2000) String note) {
    }

    /** Schema {@code AwarenessActivity}. */
    public record ActivityView(UUID id, String unitCode, LocalDate heldOn, String channel, List<String> topics, String title,
                               String organiser, int adultsReached, int girlsReached, int boysReached,
                               int childrenReached, String note, String recordedBy) {
    }

    @Transactional
    public ActivityView record(NewActivity request) {
        CurrentUser.Resolved user = access.check(Operation.RECORD_AWARENESS_ACTIVITIES);
        validator.validate(request);
        Violations problems = new Violations();
        if (request.heldOn().isAfter(LocalDate.now(clock))) {
            problems.add("heldOn", "must not be in the future");
        }
        codes.checkCode(problems, "channel", "awareness-channels", request.channel());
        for (int i = 0; i < request.topics().size(); i++) {
            codes.checkCode(problems, "topics[" + i + "]", "awareness-topics", request.topics().get(i));
        }
        String unitPath = units.find(request.unitCode())
                .filter(u -> (u.level() == UnitLevel.COMMUNE || u.level() == UnitLevel.VILLAGE) && u.isValidOn(request.heldOn())
                        && user.scope().contains(u.path()))
                .map(UnitDirectory.UnitSummary::path).orElse(null);
        if (unitPath == null) {
            problems.add("unitCode", "must be your commune or one of its villages, in force on heldOn");
        }
        problems.failIfAny("The activity has invalid values.");
        UUID id = TimeOrderedIds.next();
        activities.insert(id, new NewActivity(request.unitCode(), request.heldOn(), request.channel(),
                request.topics().stream().distinct().toList(), Texts.clean(request.title()), Texts.clean(request.organiser()),
                request.adultsReached(), request.girlsReached(), request.boysReached(), Texts.clean(request.note())),
                unitPath, clock.instant(), user.username());
        ActivityView view = activities.find(id).orElseThrow();
        audit.record("CREATE", RECORD_TYPE, id.toString(), unitPath, null, view);
        return view;
    }

    /** Query of the list as the resource parsed it. */
    public record ListQuery(String unitCode, LocalDate from, LocalDate to, String channel, String topic) {
    }

    /** Activities in the caller's scope, latest first. */
    @Transactional
    public Page<ActivityView> list(ListQuery q, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_PREVENTION);
        String fingerprint = q.toString();
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, LIST, fingerprint), paging);
        Scope unit = units.subtreesOfParameter(q.unitCode());
        LocalDate afterDate = null;
        UUID afterId = null;
        if (page.afterKey() != null) {
            try {
                afterDate = LocalDate.parse(page.afterKey().substring(0, 10));
                afterId = UUID.fromString(page.afterKey().substring(11));
            } catch (RuntimeException e) {
                throw PageToken.invalid();
            }
        }
        return Page.fromOverfetch(activities.page(user.scope(), unit, q, afterDate, afterId, page.size() + 1), page.size(),
                last -> PageToken.encode(LIST, fingerprint, last.heldOn() + "|" + last.id()));
    }

    /**
     * The activities held for any of {@code unitCodes} between two days, earliest first (at most
     * {@code limit}), for a feature that has already decided the caller may see them: a commune's
     * periodic report.
     */
    public List<ActivityView> heldFor(Collection<String> unitCodes, LocalDate from, LocalDate to, int limit) {
        return activities.heldFor(unitCodes, from, to, limit);
    }
}
