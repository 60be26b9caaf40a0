package vn.baovetreem.children;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.persistence.WriteOutcome;
import vn.baovetreem.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The children registry as a bulk import sees it: the same checks, identifier rules and audit as
 * {@code POST /children} and {@code PATCH /children/{id}}, row by row, with the lookups of a
 * batch made in one query. The caller has already been allowed to write children.
 */
@ApplicationScoped
public class ChildImport {

    /** How an existing record is recognised in upsert mode. */
    public enum MatchBy { PERSONAL_ID, EXTERNAL_REF }

    /** A row that passed the checks: its cleaned details and where the child sits. */
    public record Valid(ChildDetails details, String unitPath) {
    }

    /**
     * A registered child as a row of spans or supports names it: what the row's checks and writes
     * need, read without loading the whole record (a record is 36 columns, a caregiver list among
     * them; loading them was a third of an import's own work for spans).
     */
    public record Named(UUID id, String personalId, String externalRef, String fullName, String searchName, LocalDate dateOfBirth,
                        String unitPath, ChildStatus status) implements ChildFacts {
    }

    private final ChildRepository children;
    private final EpisodeRepository episodes;
    private final ChildRules rules;
    private final ChildViews views;
    private final RequestValidator validator;
    private final UnitDirectory units;
    private final Clock clock;

    ChildImport(ChildRepository children, EpisodeRepository episodes, ChildRules rules, ChildViews views, RequestValidator validator,
                UnitDirectory units, Clock clock) {
        this.children = children;
        this.episodes = episodes;
        this.rules = rules;
        this.views = views;
        this.validator = validator;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The cleaned row, or a 400 with its violations: the checks of a new registration, or of a
     * correction when the row updates {@code match}.
     */
    public Valid check(ChildDetails details, Child match, Scope scope, Villages villages) {
        try {
            validator.validateRow(details);
        } catch (ApiException.BadRequest invalid) {
            // What the rules find about the fields not found wrong belongs in the report too (it keeps the first of each field).
            List<Violation> problems = new ArrayList<>(invalid.violations());
            problems.addAll(rules.problems(details, match == null, LocalDate.now(clock), scope, villages::find));
            throw new ApiException.BadRequest(invalid.code(), invalid.getMessage(), problems);
        }
        ChildRules.Checked checked = rules.check(details, match == null, LocalDate.now(clock), scope, villages::find);
        return new Valid(checked.details(), checked.unitPath());
    }

    /** The villages in force today, each looked up once for the whole file. */
    public final class Villages {
        private final Map<String, Optional<UnitDirectory.UnitSummary>> found = new HashMap<>();

        Optional<UnitDirectory.UnitSummary> find(String code) {
            return found.computeIfAbsent(code, c -> units.villageInForce(c, LocalDate.now(clock)));
        }
    }

    public Villages villages() {
        return new Villages();
    }

    /** The key of a row under {@code by}: its personal identification number or external reference. */
    public static String key(ChildDetails details, MatchBy by) {
        return by == MatchBy.PERSONAL_ID ? details.personalId() : details.externalRef();
    }

    /** The records that hold the identifiers of a batch of rows, found in two queries. */
    public record Holders(Map<String, Child> byPersonalId, Map<String, Child> byExternalRef) {

        /** The record holding a row's key under {@code by}, if any. */
        public Child of(ChildDetails details, MatchBy by) {
            String key = key(details, by);
            return key == null ? null : (by == MatchBy.PERSONAL_ID ? byPersonalId : byExternalRef).get(key);
        }
    }

    public Holders holders(Collection<ChildDetails> rows) {
        List<String> personalIds = wanted(rows.stream().map(ChildDetails::personalId));
        List<String> externalRefs = wanted(rows.stream().map(ChildDetails::externalRef));
        List<Child> found = personalIds.isEmpty() && externalRefs.isEmpty() ? List.of()
                : children.holdingAny(personalIds, externalRefs);
        return new Holders(byKey(found, Child::personalId, personalIds), byKey(found, Child::externalRef, externalRefs));
    }

    /** The children holding these keys under {@code by}, by key, found in one query. */
    public Map<String, Named> byKey(MatchBy by, Collection<String> keys) {
        List<String> wanted = wanted(keys.stream());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Function<Named, String> key = by == MatchBy.PERSONAL_ID ? Named::personalId : Named::externalRef;
        List<Named> found = by == MatchBy.PERSONAL_ID ? children.namedByAny(wanted, List.of()) : children.namedByAny(List.of(), wanted);
        return byKey(found, key, wanted);
    }

    private static List<String> wanted(Stream<String> values) {
        return values.filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static <C> Map<String, C> byKey(List<C> found, Function<C, String> key, List<String> wanted) {
        Set<String> asked = new HashSet<>(wanted);
        return found.stream().filter(c -> key.apply(c) != null && asked.contains(key.apply(c)))
                .collect(Collectors.toMap(key, Function.identity()));
    }

    /**
     * The identifier problems of a row against the registry: an identifier another record holds
     * (other than {@code match}, the record an upsert updates), or a match outside the caller's area.
     */
    public List<Violation> identifierProblems(ChildDetails details, Child match, Scope scope, Holders holders) {
        List<Violation> problems = new ArrayList<>();
        if (match != null && !scope.contains(match.unitPath())) {
            problems.add(new Violation(details.personalId() != null ? "personalId" : "externalRef",
                    "matches a record outside your area"));
        }
        Child byPersonalId = details.personalId() == null ? null : holders.byPersonalId().get(details.personalId());
        if (byPersonalId != null && (match == null || !byPersonalId.id().equals(match.id()))) {
            problems.add(new Violation("personalId", "another record has this personal identification number"));
        }
        Child byExternalRef = details.externalRef() == null ? null : holders.byExternalRef().get(details.externalRef());
        if (byExternalRef != null && (match == null || !byExternalRef.id().equals(match.id()))) {
            problems.add(new Violation("externalRef", "another record has this external reference"));
        }
        return problems;
    }

    /**
     * Creates the record, or updates {@code match} when the row changes it, with the audit event the
     * API writes. Nothing is sent here: {@link Writes#send} sends the records and events of a batch
     * set-based.
     */
    public WriteOutcome write(Valid row, Child match, String username, Writes writes) {
        if (match == null) {
            Child child = Child.register(username, clock.instant());
            child.describe(row.details(), row.unitPath());
            writes.created.add(child);
            return WriteOutcome.CREATED;
        }
        if (sameAs(match, row, username)) {
            return WriteOutcome.UNCHANGED;
        }
        writes.changed.put(match, row);
        return WriteOutcome.UPDATED;
    }

    public Writes writes(Villages villages, AuditTrail.Buffer events) {
        return new Writes(villages, events);
    }

    /**
     * The writes of a batch of rows, sent set-based: new records with {@code COPY}, changed ones
     * staged with {@code COPY} and updated in one statement, each with its audit event. A record
     * changed meanwhile by someone else (its version moved) fails the batch.
     */
    public final class Writes {
        private final Villages villages;
        private final AuditTrail.Buffer events;
        private final List<Child> created = new ArrayList<>();
        private final Map<Child, Valid> changed = new LinkedHashMap<>();

        private Writes(Villages villages, AuditTrail.Buffer events) {
            this.villages = villages;
            this.events = events;
        }

        public void send() {
            children.insertAll(created);
            for (Child child : created) {
                events.add("CREATE", ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), null,
                        view(child, villages, NO_EPISODES));
            }
            created.clear();
            if (!changed.isEmpty()) {
                update();
            }
        }

        private void update() {
            EpisodeRepository.ActiveEpisodes active = episodes.activeOn(
                    changed.keySet().stream().map(Child::id).toList(), LocalDate.now(clock));
            for (Map.Entry<Child, Valid> e : changed.entrySet()) {
                Child match = e.getKey();
                ChildViews.ChildView before = view(match, villages, active);
                // The record Hibernate read must not be flushed: the statement below writes it.
                children.getEntityManager().detach(match);
                match.describe(e.getValue().details(), e.getValue().unitPath());
                match.touch(clock.instant());
                events.add("UPDATE", ChildService.RECORD_TYPE, match.id().toString(), match.unitPath(), before,
                        view(match, villages, active));
            }
            children.changeAll(changed.keySet());
            changed.clear();
        }
    }

    private static final EpisodeRepository.ActiveEpisodes NO_EPISODES = new EpisodeRepository.ActiveEpisodes(Map.of(), Map.of());

    /** The record as the API's audit shows it, without a query for a village already looked up. */
    private ChildViews.ChildView view(Child child, Villages villages, EpisodeRepository.ActiveEpisodes episodes) {
        if (child.movedToUnitCode() != null) {
            return views.full(child, LocalDate.now(clock), false);
        }
        Map<String, UnitDirectory.UnitSummary> named = villages.find(child.villageCode()).map(u -> Map.of(u.code(), u)).orElse(Map.of());
        return views.full(child, LocalDate.now(clock), false, named, episodes);
    }

    /** Whether the record already says what the row says, compared as the record would store the row. */
    private boolean sameAs(Child child, Valid row, String username) {
        Child probe = Child.register(username, clock.instant());
        probe.describe(row.details(), row.unitPath());
        return probe.details().equals(child.details()) && probe.unitPath().equals(child.unitPath());
    }
}
