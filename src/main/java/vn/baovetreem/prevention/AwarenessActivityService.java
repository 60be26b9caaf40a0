package vn.baovetreem.prevention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
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
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.common.persistence.NativeValues;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
    private static final String COLUMNS = """
            id, unit_code, held_on, channel, array_to_string(topics, ',') as topics, title, organiser, adults_reached,
            girls_reached, boys_reached, note, created_by""";

    private final EntityManager em;
    private final UnitDirectory units;
    private final CodeListCatalog codes;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final Clock clock;

    AwarenessActivityService(EntityManager em, UnitDirectory units, CodeListCatalog codes, AccessPolicy access, AuditTrail audit,
                             RequestValidator validator, PagingConfig paging, Clock clock) {
        this.em = em;
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
        List<Violation> problems = new ArrayList<>();
        if (request.heldOn().isAfter(LocalDate.now(clock))) {
            problems.add(new Violation("heldOn", "must not be in the future"));
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
            problems.add(new Violation("unitCode", "must be your commune or one of its villages, in force on heldOn"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException.BadRequest("VALIDATION_FAILED", "The activity has invalid values.", problems);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        em.createNativeQuery("""
                        insert into awareness_activity (id, unit_code, unit_path, held_on, channel, topics, title, organiser,
                                                        adults_reached, girls_reached, boys_reached, note, created_at, created_by)
                        values (?1, ?2, cast(?3 as ltree), ?4, ?5, cast(?6 as text[]), ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                .setParameter(1, id).setParameter(2, request.unitCode()).setParameter(3, unitPath)
                .setParameter(4, request.heldOn()).setParameter(5, request.channel())
                .setParameter(6, NativeValues.array(request.topics().stream().distinct().toList()))
                .setParameter(7, Texts.clean(request.title())).setParameter(8, Texts.clean(request.organiser()))
                .setParameter(9, orZero(request.adultsReached())).setParameter(10, orZero(request.girlsReached()))
                .setParameter(11, orZero(request.boysReached())).setParameter(12, Texts.clean(request.note()))
                .setParameter(13, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(14, user.username())
                .executeUpdate();
        ActivityView view = views(Row.all(em.createNativeQuery("select " + COLUMNS + " from awareness_activity where id = :id",
                Tuple.class).setParameter("id", id))).getFirst();
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
        ScopedQuery query = new ScopedQuery("select " + COLUMNS + " from awareness_activity a", user.scope(), "a.unit_path")
                .under(unit)
                .where("a.held_on >= :from", "from", q.from())
                .where("a.held_on <= :to", "to", q.to())
                .equal("a.channel", "channel", q.channel())
                .where("a.topics @> cast(:topic as text[])", "topic", q.topic() == null ? null : "{" + q.topic().replaceAll("[^A-Z0-9_]", "") + "}");
        if (page.afterKey() != null) {
            try {
                query.append(" and (a.held_on, a.id) < (:afterDate, :afterId)", Map.of(
                        "afterDate", LocalDate.parse(page.afterKey().substring(0, 10)),
                        "afterId", UUID.fromString(page.afterKey().substring(11))));
            } catch (RuntimeException e) {
                throw PageToken.invalid();
            }
        }
        query.append(" order by a.held_on desc, a.id desc", Map.of());
        return Page.fromOverfetch(views(query.rows(em, page.size() + 1)), page.size(),
                last -> PageToken.encode(LIST, fingerprint, last.heldOn() + "|" + last.id()));
    }

    /**
     * The activities held for any of {@code unitCodes} between two days, earliest first (at most
     * {@code limit}), for a feature that has already decided the caller may see them: a commune's
     * periodic report.
     */
    public List<ActivityView> heldFor(Collection<String> unitCodes, LocalDate from, LocalDate to, int limit) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return views(Row.all(em.createNativeQuery("select " + COLUMNS + " from awareness_activity"
                        + " where unit_code in (:units) and held_on between :from and :to order by held_on, id limit :limit", Tuple.class)
                .setParameter("units", unitCodes).setParameter("from", from).setParameter("to", to).setParameter("limit", limit)));
    }

    private static List<ActivityView> views(List<Row> rows) {
        return rows.stream().map(r -> {
            int girls = r.integer("girls_reached");
            int boys = r.integer("boys_reached");
            return new ActivityView(r.uuid("id"), r.text("unit_code"), r.date("held_on"), r.text("channel"),
                    Arrays.asList(r.text("topics").split(",")), r.text("title"), r.text("organiser"), r.integer("adults_reached"),
                    girls, boys, girls + boys, r.text("note"), r.text("created_by"));
        }).toList();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
