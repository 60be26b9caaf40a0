package vn.baovetreem.children;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.baovetreem.children.ChildFixtures.CHILDREN;
import static vn.baovetreem.children.ChildFixtures.boy;
import static vn.baovetreem.children.ChildFixtures.create;
import static vn.baovetreem.children.ChildFixtures.created;
import static vn.baovetreem.children.ChildFixtures.etagOf;
import static vn.baovetreem.children.ChildFixtures.uniqueWord;

@QuarkusTest
class ChildApiTest {

    @Test
    void villageUserRegistersAChildKeptInNfcWithItsPhoneNormalized() {
        String word = uniqueWord();
        Map<String, Object> body = boy("  Nguye\u0302\u0303n  Va\u0306n " + word + " ");
        body.put("caregivers", List.of(Map.of("name", "Lương Thị Mai", "relationship", "MOTHER", "phone", "+84 912.345.678")));
        Response response = create("village.ichhuu", body);

        response.then().statusCode(201)
                .header("Location", containsString(CHILDREN + "/"))
                .header("ETag", notNullValue())
                .body("fullName", equalTo("Nguyễn Văn " + word))
                .body("age", equalTo(ChildFixtures.ageOfBoy()))
                .body("village.name", equalTo("Ích Hữu"))
                .body("caregivers[0].phone", equalTo("0912345678"))
                .body("status", equalTo("ACTIVE"))
                .body("masked", equalTo(false))
                .body("createdBy", equalTo("village.ichhuu"));
        assertThat(response.jsonPath().getString("fullName")).isEqualTo(java.text.Normalizer.normalize(
                "Nguyễn Văn " + word, java.text.Normalizer.Form.NFC));
    }

    @Test
    void nameSearchIgnoresDiacriticsCaseAndWordOrder() {
        String word = uniqueWord();
        UUID id = created("commune.yenphuc", boy("Nguyễn Văn " + word));

        for (String q : List.of(word.toLowerCase() + " nguyen van", "NGUYEN " + word, "văn " + word.toUpperCase())) {
            Api.as("commune.yenphuc").queryParam("q", q).get(CHILDREN).then()
                    .statusCode(200)
                    .body("items.id", contains(id.toString()));
        }
        Api.as("commune.yenphuc").queryParam("q", "tran " + word).get(CHILDREN).then()
                .statusCode(200).body("items", hasSize(0));
        // Words match from their start: "guyen" is inside a word, not the beginning of one.
        Api.as("commune.yenphuc").queryParam("q", "guyen " + word).get(CHILDREN).then()
                .statusCode(200).body("items", hasSize(0));
        Api.as("commune.yenphuc").queryParam("q", "ng " + word.substring(0, 5)).get(CHILDREN).then()
                .statusCode(200).body("items.id", hasItem(id.toString()));
    }

    @Test
    void nameSearchKeepsToTheCallersScopeAndToTheUnitAsked() {
        String word = uniqueWord();
        UUID id = created("village.ichhuu", boy("Lương Thị " + word));

        Api.as("village.thon2").queryParam("q", word).get(CHILDREN).then().statusCode(200).body("items", hasSize(0));
        Api.as("commune.yenphuc").queryParam("q", "l " + word).queryParam("unit", "06283_02").get(CHILDREN).then()
                .statusCode(200).body("items", hasSize(0));
        for (String who : List.of("village.ichhuu", "commune.yenphuc", "district.langson", "admin")) {
            Api.as(who).queryParam("q", "thi " + word).queryParam("unit", "06283_01").get(CHILDREN).then()
                    .statusCode(200).body("items.id", contains(id.toString()));
        }
    }

    @Test
    void villageUserCannotReachAChildOfAnotherVillage() {
        String word = uniqueWord();
        Map<String, Object> body = boy("Hoàng Văn " + word);
        String personalId = (String) body.get("personalId");
        UUID id = created("village.ichhuu", body);

        Api.as("village.thon2").get(CHILDREN + "/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as("village.thon2").queryParam("q", word).get(CHILDREN).then().statusCode(200).body("items", hasSize(0));
        Api.as("village.thon2").queryParam("personalId", personalId).get(CHILDREN).then().statusCode(200).body("items", hasSize(0));
        Api.as("village.thon2").contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"note\":\"x\"}").patch(CHILDREN + "/" + id).then().statusCode(404);
        Api.as("village.thon2").get(CHILDREN + "/" + id + "/circumstances").then().statusCode(404);
        Api.as("commune.vanquan").get(CHILDREN + "/" + id).then().statusCode(404);

        Api.as("village.ichhuu").queryParam("personalId", personalId).get(CHILDREN).then()
                .statusCode(200).body("items.id", contains(id.toString()));
        Api.as("commune.yenphuc").get(CHILDREN + "/" + id).then().statusCode(200);
    }

    @Test
    void villageUserRegistersOnlyInTheirOwnVillage() {
        Map<String, Object> body = boy("Hoàng Văn " + uniqueWord());
        body.put("villageCode", "06283_02");
        Api.badRequestAs("village.ichhuu").contentType("application/json").body(body).post(CHILDREN).then()
                .statusCode(400)
                .body("violations.field", contains("villageCode"));
        Api.as("commune.yenphuc").contentType("application/json").body(body).post(CHILDREN).then().statusCode(201);
    }

    @Test
    void districtUserSeesIdentifiersMasked() {
        String word = uniqueWord();
        Map<String, Object> body = boy("Lương Thị " + word);
        body.put("sex", "FEMALE");
        body.put("personalId", "020315" + ((String) body.get("personalId")).substring(6));
        body.put("healthInsuranceCard", "TE1202012345678");
        UUID id = created("village.ichhuu", body);

        Api.as("district.langson").get(CHILDREN + "/" + id).then()
                .statusCode(200)
                .body("fullName", equalTo("Lương Thị " + word))
                .body("masked", equalTo(true))
                .body("personalId", equalTo("**********" + ((String) body.get("personalId")).substring(10)))
                .body("healthInsuranceCard", equalTo("*************78"))
                .body("address", equalTo("***"))
                .body("caregivers[0].phone", matchesPattern("\\*{8}\\d{2}"))
                .body("caregivers[0].name", equalTo("Lương Thị Mai"));
        Api.as("district.langson").queryParam("q", word).get(CHILDREN).then()
                .statusCode(200)
                .body("items[0].personalId", containsString("*"));
        // A number the caller sees masked cannot be confirmed by filtering on it either.
        Api.badRequestAs("district.langson").queryParam("personalId", body.get("personalId")).get(CHILDREN).then()
                .statusCode(403).body("code", equalTo("FILTER_NOT_ALLOWED"));
        Api.as("commune.yenphuc").queryParam("personalId", body.get("personalId")).get(CHILDREN).then()
                .statusCode(200).body("items[0].id", equalTo(id.toString()));
        Api.as("district.langson").get(CHILDREN + "/" + id + "/history").then()
                .statusCode(200)
                .body("items.find { it.action == 'CREATE' }.after.personalId", containsString("*"))
                .body("items.find { it.action == 'CREATE' }.after.address", equalTo("***"));
        Api.badRequestAs("district.langson").contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"note\":\"x\"}").patch(CHILDREN + "/" + id).then().statusCode(403);
    }

    @Test
    void concurrentPatchesWithTheSameEtagLetExactlyOneThrough() throws Exception {
        UUID id = created("commune.yenphuc", boy("Vi Văn " + uniqueWord()));
        String etag = etagOf("commune.yenphuc", id);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> attempts = List.of("POOR", "NEITHER").stream()
                .map(status -> CompletableFuture.supplyAsync(() -> {
                    var request = Api.as("commune.yenphuc").contentType("application/merge-patch+json")
                            .header("If-Match", etag).body(Map.of("povertyStatus", status));
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return request.patch(CHILDREN + "/" + id).statusCode();
                })).toList();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 412);
    }

    @Test
    void patchNeedsIfMatchAndNullClearsAnOptionalField() {
        UUID id = created("commune.yenphuc", boy("Chu Văn " + uniqueWord()));
        Api.badRequestAs("commune.yenphuc").contentType("application/merge-patch+json")
                .body("{\"address\":null}").patch(CHILDREN + "/" + id).then()
                .statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));

        String etag = etagOf("commune.yenphuc", id);
        String next = Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"address\":null,\"schoolStatus\":\"PRIMARY\"}").patch(CHILDREN + "/" + id).then()
                .statusCode(200)
                .body("address", nullValue())
                .body("schoolStatus", equalTo("PRIMARY"))
                .body("povertyStatus", equalTo("NEAR_POOR"))
                .extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"schoolStatus\":\"LOWER_SECONDARY\"}").patch(CHILDREN + "/" + id).then()
                .statusCode(412);
    }

    @Test
    void retriedCreateWithTheSameKeyCreatesOneChild() {
        String word = uniqueWord();
        Map<String, Object> body = boy("Mã Văn " + word);
        String key = UUID.randomUUID().toString();
        String first = Api.as("commune.yenphuc").contentType("application/json").header("Idempotency-Key", key)
                .body(body).post(CHILDREN).then().statusCode(201).extract().path("id");
        Api.as("commune.yenphuc").contentType("application/json").header("Idempotency-Key", key)
                .body(body).post(CHILDREN).then()
                .statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(first));
        Api.as("commune.yenphuc").queryParam("q", word).get(CHILDREN).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void samePersonalIdIsAConflictThatLinksOnlyWithinScope() {
        Map<String, Object> body = boy("Đàm Văn " + uniqueWord());
        UUID id = created("village.ichhuu", body);

        Map<String, Object> again = boy("Đàm Văn " + uniqueWord());
        again.put("personalId", body.get("personalId"));
        create("commune.yenphuc", again).then()
                .statusCode(409)
                .body("code", equalTo("PERSONAL_ID_TAKEN"))
                .body("existing", equalTo(CHILDREN + "/" + id));
        again.put("villageCode", "06253_01");
        create("commune.vanquan", again).then()
                .statusCode(409)
                .body("code", equalTo("PERSONAL_ID_TAKEN"))
                .body("existing", nullValue());
    }

    @Test
    void likelyDuplicatesAreWarnedOnCreateAndListed() {
        String word = uniqueWord();
        UUID first = created("village.ichhuu", boy("Nông Văn " + word));
        Map<String, Object> second = boy("NÔNG VĂN " + word.toUpperCase());
        second.remove("personalId");
        second.put("villageCode", "06283_02");
        Response response = create("commune.yenphuc", second);
        response.then().statusCode(201)
                .body("possibleDuplicates.id", contains(first.toString()))
                .body("possibleDuplicates[0].reason", equalTo("SAME_NAME_AND_BIRTH_DATE"));
        String secondId = response.path("id");

        List<Map<String, Object>> pairs = Api.as("commune.yenphuc").queryParam("pageSize", "200")
                .get(CHILDREN + "/duplicates").then().statusCode(200).extract().path("items");
        assertThat(pairs).anySatisfy(pair -> assertThat(List.of(
                ((Map<?, ?>) pair.get("first")).get("id"), ((Map<?, ?>) pair.get("second")).get("id")))
                .containsExactlyInAnyOrder(first.toString(), secondId));

        // A village user sees no pair whose second record lies in another village.
        List<Map<String, Object>> villagePairs = Api.as("village.ichhuu").queryParam("pageSize", "200")
                .get(CHILDREN + "/duplicates").then().statusCode(200).extract().path("items");
        assertThat(villagePairs).noneSatisfy(pair -> assertThat(((Map<?, ?>) pair.get("second")).get("id")).isEqualTo(secondId));
    }

    @Test
    void lifecycleTransitionsFollowTheirRules() {
        UUID id = created("commune.yenphuc", boy("Triệu Văn " + uniqueWord()));
        String etag = etagOf("commune.yenphuc", id);
        String moved = Api.as("commune.yenphuc").contentType("application/json").header("If-Match", etag)
                .body(Map.of("action", "MOVE_AWAY", "date", "2026-08-15", "movedToUnitCode", "06253")).post(CHILDREN + "/" + id + "/transitions")
                .then().statusCode(200)
                .body("status", equalTo("MOVED_AWAY"))
                .body("movedTo.code", equalTo("06253"))
                .extract().header("ETag");
        Api.as("commune.yenphuc").contentType("application/json").header("If-Match", moved)
                .body(Map.of("action", "MOVE_AWAY", "date", "2026-08-16")).post(CHILDREN + "/" + id + "/transitions")
                .then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"))
                .body("detail", containsString("REACTIVATE"));
        Api.as("commune.yenphuc").contentType("application/json").header("If-Match", moved)
                .body(Map.of("action", "REACTIVATE", "date", "2026-09-01", "note", "The family came back")).post(CHILDREN + "/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("movedTo", nullValue());
        Api.as("commune.yenphuc").queryParam("recordId", id.toString()).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", hasItem("MOVE_AWAY"));
    }

    @Test
    void everyReadOfTheFullRecordIsInItsHistory() {
        UUID id = created("village.ichhuu", boy("Hứa Văn " + uniqueWord()));
        Api.as("district.langson").get(CHILDREN + "/" + id).then().statusCode(200);

        Api.as("commune.yenphuc").get(CHILDREN + "/" + id + "/history").then()
                .statusCode(200)
                .body("items.action", contains("READ", "CREATE"))
                .body("items[0].actor", equalTo("district.langson"));
        Api.badRequestAs("village.ichhuu").get(CHILDREN + "/" + id + "/history").then().statusCode(403);
        Api.as("commune.vanquan").get(CHILDREN + "/" + id + "/history").then().statusCode(404);
    }

    @Test
    void listIsPaginatedBySortKeyWithoutGapsOrRepeats() {
        String word = uniqueWord();
        for (String given : List.of("An", "Bình", "Cường", "Dũng", "Hải")) {
            created("commune.yenphuc", boy("Lộc " + word + " " + given));
        }
        List<String> inOrder = List.of("Lộc " + word + " An", "Lộc " + word + " Bình", "Lộc " + word + " Cường",
                "Lộc " + word + " Dũng", "Lộc " + word + " Hải");
        assertThat(allPages("commune.yenphuc", word, "name")).containsExactlyElementsOf(inOrder);
        // A province's search is narrowed by the ltree condition alone (NameSearch); backwards, the same names.
        assertThat(allPages("district.langson", "loc " + word, "-name")).containsExactlyElementsOf(inOrder.reversed());
        assertThat(allPages("district.langson", "l " + word, "-name")).containsExactlyElementsOf(inOrder.reversed());

        Api.badRequestAs("commune.yenphuc").queryParam("q", word).queryParam("sort", "-dateOfBirth")
                .queryParam("pageToken", "bm90IGEgdG9rZW4").get(CHILDREN).then()
                .statusCode(400).body("code", equalTo("INVALID_PAGE_TOKEN"));
    }

    /** The full names of every page of a search, two at a time. */
    private static List<String> allPages(String user, String q, String sort) {
        List<String> names = new java.util.ArrayList<>();
        String token = null;
        do {
            var request = Api.as(user).queryParam("q", q).queryParam("sort", sort).queryParam("pageSize", "2");
            if (token != null) {
                request.queryParam("pageToken", token);
            }
            Response page = request.get(CHILDREN);
            page.then().statusCode(200);
            names.addAll(page.jsonPath().getList("items.fullName"));
            token = page.jsonPath().getString("nextPageToken");
        } while (token != null);
        return names;
    }
}
