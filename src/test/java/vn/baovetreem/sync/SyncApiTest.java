package vn.baovetreem.sync;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SyncApiTest {

    private static final String CHANGES = "/api/v1/changes";
    private static final String SEED = "/api/v1/sync/seed";
    private static final String SITES = "/api/v1/hazard-sites";
    private static final String ICH_HUU = "06283_01";
    private static final String THON_2 = "06283_02";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ChangeLogRepository log;

    /** The entries read from {@code token} until the feed has nothing more now, and the token after them. */
    private record Feed(List<Map<String, Object>> entries, String token) {
        List<Map<String, Object>> of(Object id) {
            return entries.stream().filter(e -> e.get("id").equals(id.toString())).toList();
        }

        List<String> changesOf(Object id) {
            return of(id).stream().map(e -> (String) e.get("change")).toList();
        }
    }

    private static Feed drain(String who, String types, String token) {
        return drain(who, types, null, token);
    }

    /** The same for a copy of {@code unit} alone (null for the caller's whole scope). */
    private static Feed drain(String who, String types, String unit, String token) {
        List<Map<String, Object>> entries = new ArrayList<>();
        while (true) {
            var request = Api.as(who).queryParam("since", token).queryParam("types", types).queryParam("pageSize", 40);
            if (unit != null) {
                request.queryParam("unit", unit);
            }
            Response page = request.get(CHANGES).then().statusCode(200).extract().response();
            entries.addAll(page.path("items"));
            token = page.path("nextToken");
            if (!page.<Boolean>path("more")) {
                return new Feed(entries, token);
            }
        }
    }

    /**
     * Drains again and again until {@code done} holds of everything read (or 20 s pass): a
     * transaction of the service's own background work, open at the moment of one drain, rightly
     * holds back what committed after it began.
     */
    private static Feed drainUntil(String who, String types, String token, Predicate<Feed> done) {
        return drainUntil(who, types, null, token, done);
    }

    private static Feed drainUntil(String who, String types, String unit, String token, Predicate<Feed> done) {
        List<Map<String, Object>> entries = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(20);
        while (true) {
            Feed feed = drain(who, types, unit, token);
            entries.addAll(feed.entries());
            token = feed.token();
            Feed all = new Feed(List.copyOf(entries), token);
            if (done.test(all) || Instant.now().isAfter(until)) {
                return all;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return all;
            }
        }
    }

    private static String fromNow(String who, String types) {
        return Api.as(who).queryParam("types", types).get(CHANGES).then().statusCode(200)
                .body("items.size()", equalTo(0)).extract().path("nextToken");
    }

    private static String site(String village, String description) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", "POND", "riskLevel", "HIGH", "villageCode", village,
                "description", description, "surveyedOn", "2026-04-01"));
        return Api.as("commune.yenphuc").contentType("application/json").body(body).post(SITES).then().statusCode(201)
                .extract().path("id");
    }

    private static void patchSite(String id, Map<String, Object> patch) {
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", "*").body(patch)
                .patch(SITES + "/" + id).then().statusCode(200);
    }

    @Test
    void aSeededVillageCopyFollowsTheFeedAndDropsAChildThatMovesAway() {
        UUID stays = TestChildren.register(ICH_HUU, "2016-05-01", "Seed");
        UUID leaves = TestChildren.register(ICH_HUU, "2016-05-02", "Seed");
        String thon2Token = fromNow("village.thon2", "child");
        String officerToken = Api.as("commune.yenphuc").queryParam("types", "child").queryParam("unit", ICH_HUU).get(CHANGES)
                .then().statusCode(200).extract().path("nextToken");

        List<Map<String, Object>> seeded = new ArrayList<>();
        Set<String> changesTokens = new HashSet<>();
        String pageToken = null;
        do {
            var request = Api.as("village.ichhuu").queryParam("types", "child,circumstance").queryParam("pageSize", 7);
            Response page = (pageToken == null ? request : request.queryParam("pageToken", pageToken)).get(SEED)
                    .then().statusCode(200).extract().response();
            seeded.addAll(page.path("items"));
            changesTokens.add(page.path("changesToken"));
            pageToken = page.path("nextPageToken");
        } while (pageToken != null);
        assertThat(changesTokens).as("every page carries the token where the seed began").hasSize(1);
        assertThat(seeded).extracting(i -> i.get("id")).contains(stays.toString(), leaves.toString()).doesNotHaveDuplicates();
        assertThat(seeded).allSatisfy(i -> assertThat(i.get("record")).isNotNull());
        assertThat(seeded).filteredOn(i -> i.get("type").equals("child"))
                .allSatisfy(i -> assertThat(((Map<?, ?>) i.get("record")).get("village")).isEqualTo(Map.of("code", ICH_HUU, "name", "Ích Hữu")));

        UUID born = TestChildren.register(ICH_HUU, "2017-01-09", "Feed");
        String span = Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "HCDB_C", "subcode", "HCDB_C_1", "startDate", "2026-02-01"))
                .post("/api/v1/children/" + born + "/circumstances").then().statusCode(201).extract().path("id");
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("villageCode", THON_2)).patch("/api/v1/children/" + leaves).then().statusCode(200);

        Feed village = drainUntil("village.ichhuu", "child,circumstance", changesTokens.iterator().next(),
                f -> f.of(born).size() >= 2 && !f.of(span).isEmpty() && !f.of(leaves).isEmpty());
        assertThat(village.changesOf(born)).containsExactly("CREATED", "UPDATED");
        assertThat(village.of(born)).allSatisfy(e -> assertThat(e).containsKeys("record", "etag"));
        assertThat(village.of(span)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("type", "circumstance").containsEntry("change", "CREATED").containsEntry("childId", born.toString());
            assertThat(((Map<?, ?>) e.get("record")).get("code")).isEqualTo("HCDB_C");
        });
        assertThat(village.of(leaves)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("change", "UPDATED").doesNotContainKeys("record", "etag");
            assertThat(e.get("tombstone")).isEqualTo(Map.of("reason", "LEFT_SCOPE"));
        });
        assertThat(village.of(stays)).isEmpty();

        Feed thon2 = drainUntil("village.thon2", "child", thon2Token, f -> !f.of(leaves).isEmpty());
        assertThat(thon2.of(leaves)).singleElement().satisfies(e ->
                assertThat(((Map<?, ?>) e.get("record")).get("village")).extracting("code").isEqualTo(THON_2));
        assertThat(thon2.of(born)).isEmpty();

        Feed again = drain("village.ichhuu", "child,circumstance", village.token());
        assertThat(again.of(born)).as("nothing comes twice").isEmpty();

        // A commune officer's copy of Ích Hữu alone: the child that moved to Thôn 2 left it too.
        Feed officer = drainUntil("commune.yenphuc", "child", ICH_HUU, officerToken, f -> !f.of(leaves).isEmpty() && !f.of(born).isEmpty());
        assertThat(officer.of(leaves)).singleElement().satisfies(e -> assertThat(e.get("tombstone")).isEqualTo(Map.of("reason", "LEFT_SCOPE")));
        assertThat(officer.of(born)).allSatisfy(e -> assertThat(e).containsKey("record"));
    }

    @Test
    void aChangeCommittedLateIsDeliveredAfterTheOnesThatCommittedBeforeIt() throws Exception {
        String token = fromNow("commune.yenphuc", "hazard-site");
        String template = site(ICH_HUU, "Ao mẫu " + System.nanoTime());
        UUID late = UUID.randomUUID();
        String early;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into hazard_site (id, village_code, unit_path, kind, description, risk_level, surveyed_on, version,
                                             created_at, created_by, updated_at)
                    select ?, village_code, unit_path, kind, 'Giếng ghi muộn', risk_level, surveyed_on, 0, now(), 'test', now()
                    from hazard_site where id = ?""")) {
                insert.setObject(1, late);
                insert.setObject(2, UUID.fromString(template));
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            early = site(ICH_HUU, "Ao ghi sớm " + System.nanoTime());

            Feed whileOpen = drain("commune.yenphuc", "hazard-site", token);
            assertThat(whileOpen.of(early)).as("a change after a transaction still open waits for it").isEmpty();
            assertThat(whileOpen.of(late)).isEmpty();
            connection.commit();

            Feed afterCommit = drainUntil("commune.yenphuc", "hazard-site", whileOpen.token(),
                    f -> !f.of(late).isEmpty() && !f.of(early).isEmpty());
            assertThat(afterCommit.changesOf(late)).containsExactly("CREATED");
            assertThat(afterCommit.changesOf(early)).containsExactly("CREATED");
            Feed whole = drainUntil("commune.yenphuc", "hazard-site", token,
                    f -> !f.of(template).isEmpty() && !f.of(late).isEmpty() && !f.of(early).isEmpty());
            assertThat(whole.entries()).extracting(e -> e.get("id"))
                    .containsSubsequence(template, late.toString(), early)
                    .as("each once").filteredOn(id -> List.of(template, late.toString(), early).contains(id)).hasSize(3);
        }
    }

    @Test
    void twoFeedsReadDuringWritesGetEveryChangeOnceInOrder() throws Exception {
        String communeToken = fromNow("commune.yenphuc", "hazard-site");
        String districtToken = fromNow("district.langson", "hazard-site");
        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        String id = site(writer % 2 == 0 ? ICH_HUU : THON_2, "Ao " + writer + "-" + i + " " + System.nanoTime());
                        written.add(id);
                        patchSite(id, Map.of("note", "lần 1"));
                        patchSite(id, Map.of("riskLevel", "LOW"));
                    }
                }));
            }
            Future<Feed> commune = pool.submit(() -> follow("commune.yenphuc", communeToken, writing, written));
            Future<Feed> district = pool.submit(() -> follow("district.langson", districtToken, writing, written));
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Feed feed : List.of(commune.get(2, TimeUnit.MINUTES), district.get(2, TimeUnit.MINUTES))) {
                assertThat(written).hasSize(20).allSatisfy(id -> assertThat(feed.changesOf(id)).containsExactly("CREATED", "UPDATED", "UPDATED"));
                List<String> risks = written.stream().map(id -> (String) ((Map<?, ?>) feed.of(id).getLast().get("record")).get("riskLevel"))
                        .distinct().toList();
                assertThat(risks).containsExactly("LOW");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the feed again and again while {@code writing}, then until every site written has its three changes. */
    private static Feed follow(String who, String token, AtomicBoolean writing, Set<String> written) {
        List<Map<String, Object>> entries = new ArrayList<>();
        while (writing.get()) {
            Feed feed = drain(who, "hazard-site", token);
            entries.addAll(feed.entries());
            token = feed.token();
        }
        Feed rest = drainUntil(who, "hazard-site", token, f -> {
            Feed all = new Feed(Stream.concat(entries.stream(), f.entries().stream()).toList(), f.token());
            return written.stream().allMatch(id -> all.of(id).size() >= 3);
        });
        entries.addAll(rest.entries());
        return new Feed(List.copyOf(entries), rest.token());
    }

    @Test
    void aTokenOfAnotherScopeOrOlderThanTheKeptHistoryAsksForANewSeed() {
        String villageToken = fromNow("village.ichhuu", "child");
        Api.badRequestAs("village.thon2").queryParam("since", villageToken).queryParam("types", "child").get(CHANGES)
                .then().statusCode(410).body("code", equalTo("SYNC_SCOPE_CHANGED"));
        Api.badRequestAs("village.ichhuu").queryParam("since", villageToken).queryParam("types", "child,risk").get(CHANGES)
                .then().statusCode(400).body("code", equalTo("INVALID_PAGE_TOKEN"));
        Api.badRequestAs("village.ichhuu").queryParam("since", villageToken + "x").queryParam("types", "child").get(CHANGES)
                .then().statusCode(400).body("code", equalTo("INVALID_PAGE_TOKEN"));

        TestChildren.register(ICH_HUU, "2018-03-03", "Prune");
        drain("village.ichhuu", "child", villageToken);
        assertThat(log.prune(Instant.now().plus(1, ChronoUnit.DAYS))).isPositive();
        Api.badRequestAs("village.ichhuu").queryParam("since", villageToken).queryParam("types", "child").get(CHANGES)
                .then().statusCode(410).body("code", equalTo("SYNC_TOKEN_EXPIRED"));
        String fresh = fromNow("village.ichhuu", "child");
        assertThat(drain("village.ichhuu", "child", fresh).entries()).isEmpty();
    }

    @Test
    void typesAreCheckedAgainstTheRoleAndTheDistrictSeesIdentifiersMasked() {
        Api.badRequestAs("village.ichhuu").queryParam("types", "child,pets").get(CHANGES)
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        Api.badRequestAs("admin").queryParam("types", "support").get(CHANGES)
                .then().statusCode(403).body("code", equalTo("ROLE_NOT_ALLOWED"));
        Api.badRequestAs("cp-aggregator").get(CHANGES).then().statusCode(403);

        String token = fromNow("district.langson", "child");
        Map<String, Object> body = new LinkedHashMap<>(Map.of("fullName", "Hoàng Văn Định Danh", "dateOfBirth", "2015-03-12",
                "sex", "MALE", "villageCode", ICH_HUU, "personalId", "020215" + (100_000 + (int) (System.nanoTime() % 800_000))));
        String id = Api.as("commune.yenphuc").contentType("application/json").body(body).post("/api/v1/children")
                .then().statusCode(201).extract().path("id");
        Map<?, ?> seen = (Map<?, ?>) drainUntil("district.langson", "child", token, f -> !f.of(id).isEmpty())
                .of(id).getFirst().get("record");
        Map<?, ?> read = Api.as("district.langson").get("/api/v1/children/" + id).then().statusCode(200).extract().as(Map.class);
        assertThat(seen.get("personalId")).isEqualTo(read.get("personalId")).isNotEqualTo(body.get("personalId"));
        assertThat(seen.get("masked")).isEqualTo(true);
    }

    @Test
    void aMergedDuplicateIsATombstoneNamingTheRecordKept() {
        String token = fromNow("commune.yenphuc", "child");
        UUID kept = TestChildren.register(ICH_HUU, "2014-07-07", "Merge");
        UUID duplicate = TestChildren.register(ICH_HUU, "2014-07-07", "Merge");
        Api.as("commune.yenphuc").contentType("application/json").header("If-Match", "*").body(Map.of("survivorId", kept.toString()))
                .post("/api/v1/children/" + duplicate + "/merge").then().statusCode(200);
        Feed feed = drainUntil("commune.yenphuc", "child", token, f -> f.changesOf(duplicate).contains("MERGED"));
        assertThat(feed.of(duplicate).getLast()).containsEntry("change", "MERGED")
                .containsEntry("tombstone", Map.of("reason", "MERGED", "mergedInto", kept.toString()));
        assertThat(feed.of(duplicate)).allSatisfy(e -> assertThat(e).containsKey("tombstone"));
        assertThat(feed.of(kept).getLast()).containsKey("record");
        assertThat(feed.entries().stream().map(e -> e.get("id")).collect(Collectors.toSet())).contains(kept.toString());
    }

    @Test
    void aHouseholdChangesWithItsMembersAndItsAssessments() {
        String token = fromNow("village.ichhuu", "household");
        UUID child = TestChildren.register(ICH_HUU, "2019-09-09", "Home");
        String household = Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("villageCode", ICH_HUU, "headName", "Lương Văn Nhà", "childIds", List.of(child)))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
        Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("assessedOn", "2026-06-01", "assessor", "Nông Thị Hoa", "criteriaMet", List.of("SH01")))
                .put("/api/v1/households/" + household + "/assessments/2026").then().statusCode(201);
        Feed feed = drainUntil("village.ichhuu", "household", token, f -> !f.of(household).isEmpty()
                && ((Map<?, ?>) f.of(household).getLast().get("record")).get("latestAssessment") != null);
        assertThat(feed.changesOf(household)).startsWith("CREATED").contains("UPDATED");
        assertThat(((Map<?, ?>) feed.of(household).getLast().get("record")).get("latestAssessment")).isNotNull();
    }

    @Test
    void aChangeMadeOfflineOnAStaleCopyOverwritesNothingAndNamesTheCurrentVersion() {
        String token = fromNow("village.ichhuu", "hazard-site");
        String id = site(ICH_HUU, "Ao ngoại tuyến " + System.nanoTime());
        Map<String, Object> copy = drainUntil("village.ichhuu", "hazard-site", token, f -> !f.of(id).isEmpty()).of(id).getLast();
        String offlineEtag = (String) copy.get("etag");

        patchSite(id, Map.of("riskLevel", "LOW"));
        String current = Api.as("commune.yenphuc").get(SITES + "/" + id).then().statusCode(200).extract().header("ETag");
        assertThat(current).isNotEqualTo(offlineEtag);

        Api.as("village.ichhuu").contentType("application/merge-patch+json").header("If-Match", offlineEtag)
                .body(Map.of("note", "Đã rào một phía")).patch(SITES + "/" + id)
                .then().statusCode(412).header("ETag", current).body("code", equalTo("PRECONDITION_FAILED"));
        Api.as("village.ichhuu").get(SITES + "/" + id).then().statusCode(200)
                .body("riskLevel", equalTo("LOW")).body("note", nullValue());
        Api.as("village.ichhuu").contentType("application/merge-patch+json").header("If-Match", current)
                .body(Map.of("note", "Đã rào một phía")).patch(SITES + "/" + id).then().statusCode(200);
    }
}
