package vn.baovetreem.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.cases.CaseService;
import vn.baovetreem.children.ChildService;
import vn.baovetreem.children.ChildStatus;
import vn.baovetreem.children.ChildViews.ChildView;
import vn.baovetreem.children.EpisodeKind;
import vn.baovetreem.children.EpisodeService;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.interventions.InterventionService;
import vn.baovetreem.prevention.HazardSiteService;
import vn.baovetreem.prevention.HouseholdService;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The change feed and the seed that starts it (docs/sync.md). An entry carries the record as the
 * caller may see it now, read through the feature's own service (its scope, its masking, its
 * audit of the read), or a tombstone when the caller may no longer see it. Neither method runs in
 * one transaction: each record is read in its own, as a GET of it would be, so a record that
 * leaves the scope between the log and the read only turns its entry into a tombstone.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final String SEED = "sync-seed";

    /** Schema {@code Change}: one change to one record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String type, UUID id, String change, Instant occurredAt, UUID childId, String etag, Object record,
                        Tombstone tombstone) {
    }

    /**
     * Schema {@code Tombstone}: why the caller should drop its copy. {@code LEFT_SCOPE}: the record
     * is now outside what the caller may see; {@code DELETED}: it no longer exists;
     * {@code MERGED}: it was a duplicate of {@code mergedInto}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tombstone(String reason, UUID mergedInto) {
    }

    /** Schema {@code ChangePage}. */
    public record ChangePage(List<Entry> items, String nextToken, boolean more) {
    }

    /** Schema {@code SeedItem}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeedItem(String type, UUID id, UUID childId, String etag, Object record) {
    }

    /** Schema {@code SeedPage}: {@code changesToken} is where the feed continues once every page is read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeedPage(List<SeedItem> items, String nextPageToken, String changesToken) {
    }

    private record Read(String etag, Object record, Tombstone tombstone) {
    }

    private final ChangeLogRepository log;
    private final AccessPolicy access;
    private final UnitDirectory units;
    private final PagingConfig paging;
    private final ChildService children;
    private final EpisodeService episodes;
    private final CaseService cases;
    private final InterventionService supports;
    private final HazardSiteService sites;
    private final HouseholdService households;

    ChangeFeed(ChangeLogRepository log, AccessPolicy access, UnitDirectory units, PagingConfig paging, ChildService children,
               EpisodeService episodes, CaseService cases, InterventionService supports, HazardSiteService sites,
               HouseholdService households) {
        this.log = log;
        this.access = access;
        this.units = units;
        this.paging = paging;
        this.children = children;
        this.episodes = episodes;
        this.cases = cases;
        this.supports = supports;
        this.sites = sites;
        this.households = households;
    }

    /**
     * The changes after {@code since}, oldest first. Without {@code since}: no change, and the
     * token from which changes made from now on will come.
     */
    public ChangePage changes(String since, List<String> typeNames, String unitCode, Integer pageSize) {
        CurrentUser.Resolved user = access.check(Operation.READ_CHANGES);
        Set<SyncedType> types = types(typeNames);
        Scope unit = units.subtreesOfParameter(unitCode);
        String filters = filters(types, unitCode);
        int size = PageRequest.of(pageSize, null, paging).size();
        Position horizon = log.horizon();
        if (since == null) {
            return new ChangePage(List.of(), ChangeToken.encode(horizon, filters, user.scope()), false);
        }
        Position from = ChangeToken.decode(since, filters, user.scope());
        Position pruned = log.pruned();
        if (pruned != null && from.compareTo(pruned) < 0) {
            throw ChangeToken.expired();
        }
        List<ChangeLogRepository.Change> rows = log.after(from, horizon, types, user.scope(), unit, size + 1);
        boolean more = rows.size() > size;
        List<ChangeLogRepository.Change> page = more ? rows.subList(0, size) : rows;
        Map<UUID, UUID> spanChildren = log.childrenOfSpans(page.stream()
                .filter(c -> c.type() == SyncedType.CIRCUMSTANCE || c.type() == SyncedType.RISK)
                .map(ChangeLogRepository.Change::recordId).collect(Collectors.toSet()));
        Map<UUID, Read> reads = readChildren(page.stream().filter(c -> c.type() == SyncedType.CHILD)
                .map(ChangeLogRepository.Change::recordId).toList());
        Set<UUID> inUnit = unit == null ? null : page.stream()
                .collect(Collectors.groupingBy(ChangeLogRepository.Change::type,
                        Collectors.mapping(ChangeLogRepository.Change::recordId, Collectors.toSet())))
                .entrySet().stream().flatMap(e -> log.within(e.getKey(), e.getValue(), unit).stream()).collect(Collectors.toSet());
        List<Entry> entries = new ArrayList<>(page.size());
        for (ChangeLogRepository.Change c : page) {
            UUID childId = spanChildren.getOrDefault(c.recordId(), c.childId());
            Read read = reads.computeIfAbsent(c.recordId(), id -> read(c.type(), id, childId));
            if (inUnit != null && read.record() != null && !inUnit.contains(c.recordId())) {
                // Still in the caller's scope, but no longer in the unit this copy keeps.
                read = new Read(null, null, new Tombstone("LEFT_SCOPE", null));
            }
            entries.add(new Entry(c.type().wireName(), c.recordId(), c.change(), c.occurredAt(), childId, read.etag(),
                    read.record(), read.tombstone()));
        }
        // A short page read everything before the horizon: the next call can start there.
        Position next = more ? page.getLast().position() : from.max(horizon);
        return new ChangePage(entries, ChangeToken.encode(next, filters, user.scope()), more);
    }

    /**
     * One page of the records a copy starts from, type by type in the order of {@link SyncedType};
     * every page carries the token the feed continues from once the last page is read. A record
     * changed while the pages are read is sent again by the feed, never missed.
     */
    public SeedPage seed(List<String> typeNames, String unitCode, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_CHANGES);
        Set<SyncedType> types = types(typeNames);
        Scope unit = units.subtreesOfParameter(unitCode);
        String filters = filters(types, unitCode) + user.scope();
        int size = PageRequest.of(pageSize, null, paging).size();
        SeedCursor asked = SeedCursor.parse(PageToken.decode(pageToken, SEED, filters));
        SeedCursor cursor = asked != null ? asked : new SeedCursor(log.horizon(), types.iterator().next(), null);
        List<SeedItem> items = new ArrayList<>(size);
        SeedCursor next = null;
        for (SyncedType type : types) {
            if (type.compareTo(cursor.type()) < 0) {
                continue;
            }
            UUID after = type == cursor.type() ? cursor.after() : null;
            int wanted = size - items.size();
            List<ChangeLogRepository.Seeded> rows = log.seed(type, user.scope(), unit, after, wanted + 1);
            List<ChangeLogRepository.Seeded> sent = rows.subList(0, Math.min(wanted, rows.size()));
            Map<UUID, Read> reads = type == SyncedType.CHILD
                    ? readChildren(sent.stream().map(ChangeLogRepository.Seeded::id).toList()) : new HashMap<>();
            for (ChangeLogRepository.Seeded row : sent) {
                Read read = reads.computeIfAbsent(row.id(), id -> read(type, id, row.childId()));
                if (read.record() != null) {
                    items.add(new SeedItem(type.wireName(), row.id(), row.childId(), read.etag(), read.record()));
                }
            }
            if (rows.size() > wanted) {
                next = new SeedCursor(cursor.changesFrom(), type, rows.get(wanted - 1).id());
                break;
            }
            if (rows.size() == wanted) {
                // The page is full; the next type (if any) starts on the next page.
                next = nextType(types, type).map(t -> new SeedCursor(cursor.changesFrom(), t, null)).orElse(null);
                break;
            }
        }
        return new SeedPage(items, next == null ? null : PageToken.encode(SEED, filters, next.format()),
                ChangeToken.encode(cursor.changesFrom(), filters(types, unitCode), user.scope()));
    }

    /**
     * Children, the bulk of a feed, read a page at a time; those the caller cannot see (gone, or
     * out of scope) become tombstones.
     */
    private Map<UUID, Read> readChildren(List<UUID> ids) {
        Map<UUID, Read> reads = new HashMap<>();
        if (ids.isEmpty()) {
            return reads;
        }
        Map<UUID, Versioned<ChildView>> visible = children.getAll(ids.stream().distinct().toList());
        for (UUID id : ids) {
            Versioned<ChildView> child = visible.get(id);
            reads.computeIfAbsent(id, k -> child == null ? tombstone(SyncedType.CHILD, id) : read(child));
        }
        return reads;
    }

    private Read read(SyncedType type, UUID id, UUID childId) {
        Versioned<?> versioned;
        try {
            versioned = switch (type) {
                case CHILD -> children.get(id);
                case CIRCUMSTANCE -> episodes.get(childId, EpisodeKind.CIRCUMSTANCE, id);
                case RISK -> episodes.get(childId, EpisodeKind.RISK, id);
                case CASE -> cases.get(id);
                case SUPPORT -> supports.get(id);
                case HAZARD_SITE -> sites.get(id);
                case HOUSEHOLD -> households.get(id);
            };
        } catch (ApiException.NotFound e) {
            return tombstone(type, id);
        }
        return read(versioned);
    }

    private Read tombstone(SyncedType type, UUID id) {
        return new Read(null, null, new Tombstone(log.exists(type, id) ? "LEFT_SCOPE" : "DELETED", null));
    }

    private static Read read(Versioned<?> versioned) {
        if (versioned.body() instanceof ChildView child && child.status() == ChildStatus.MERGED) {
            return new Read(null, null, new Tombstone("MERGED", child.mergedIntoId()));
        }
        return new Read(ETags.of(versioned.version()).toString(), versioned.body(), null);
    }

    /** The types asked for, each one the caller may read; all those it may read when none is asked. */
    private Set<SyncedType> types(List<String> names) {
        Set<SyncedType> types = EnumSet.noneOf(SyncedType.class);
        if (names == null || names.isEmpty()) {
            for (SyncedType type : SyncedType.values()) {
                if (access.allows(type.read())) {
                    types.add(type);
                }
            }
            return types;
        }
        for (String name : names) {
            SyncedType type = SyncedType.of(name).orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "types",
                    "types must be among " + String.join(", ", SyncedType.wireNames()) + "."));
            if (!access.allows(type.read())) {
                throw new ApiException.Forbidden(ProblemCode.ROLE_NOT_ALLOWED, "Your role may not read records of type " + name + ".");
            }
            types.add(type);
        }
        return types;
    }

    private static String filters(Set<SyncedType> types, String unitCode) {
        return types + "|" + unitCode;
    }

    private static Optional<SyncedType> nextType(Set<SyncedType> types, SyncedType after) {
        return types.stream().filter(t -> t.compareTo(after) > 0).findFirst();
    }

    /** Where a seed goes on: the feed position taken at its first page, the type and the last id sent. */
    private record SeedCursor(Position changesFrom, SyncedType type, UUID after) {
        String format() {
            return changesFrom.format() + "/" + type.wireName() + "/" + (after == null ? "" : after);
        }

        static SeedCursor parse(String key) {
            if (key == null) {
                return null;
            }
            String[] parts = key.split("/", -1);
            Position position = parts.length == 3 ? Position.parse(parts[0]) : null;
            SyncedType type = parts.length == 3 ? SyncedType.of(parts[1]).orElse(null) : null;
            if (position == null || type == null) {
                throw PageToken.invalid();
            }
            return new SeedCursor(position, type, parts[2].isEmpty() ? null : UUID.fromString(parts[2]));
        }
    }
}
