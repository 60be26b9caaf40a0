package vn.baovetreem.children;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.baovetreem.children.ChildFixtures.CHILDREN;
import static vn.baovetreem.children.ChildFixtures.boy;
import static vn.baovetreem.children.ChildFixtures.created;
import static vn.baovetreem.children.ChildFixtures.etagOf;
import static vn.baovetreem.children.ChildFixtures.uniqueWord;

@QuarkusTest
class ChildMergeApiTest {

    private static void span(String who, UUID child, String kind, Map<String, Object> body) {
        Api.as(who).contentType("application/json").body(body).post(CHILDREN + "/" + child + "/" + kind).then().statusCode(201);
    }

    @Test
    void mergeMovesEverythingToTheSurvivorAndBothHistoriesShowIt() {
        String word = uniqueWord();
        Map<String, Object> first = boy("Hoàng Văn " + word);
        first.remove("personalId");
        first.remove("address");
        UUID survivor = created("village.ichhuu", first);
        Map<String, Object> second = boy("Hoàng Văn " + word);
        second.put("villageCode", "06283_02");
        String personalId = (String) second.get("personalId");
        UUID duplicate = created("commune.yenphuc", second);

        span("commune.yenphuc", survivor, "circumstances", Map.of("code", "HCDB_D", "subcode", "HCDB_D_2", "startDate", "2024-01-01",
                "endDate", "2024-12-31"));
        span("commune.yenphuc", duplicate, "circumstances", Map.of("code", "HCDB_D", "subcode", "HCDB_D_2", "startDate", "2024-06-01"));
        span("commune.yenphuc", duplicate, "risks", Map.of("code", "LEFT_BEHIND", "startDate", "2025-01-01"));
        Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("giver", "PARENT_OR_GUARDIAN", "giverName", "Lương Thị Mai", "relationship", "MOTHER",
                        "givenOn", "2026-03-02", "scopes", List.of("DATA_PROCESSING")))
                .post(CHILDREN + "/" + duplicate + "/consents").then().statusCode(201);

        Api.as("commune.yenphuc").contentType("application/json").header("If-Match", etagOf("commune.yenphuc", duplicate))
                .body(Map.of("survivorId", survivor.toString(), "note", "Registered twice")).post(CHILDREN + "/" + duplicate + "/merge")
                .then().statusCode(200)
                .body("id", equalTo(survivor.toString()))
                .body("personalId", equalTo(personalId))
                .body("address", equalTo("Nhà số 12, thôn Ích Hữu"))
                .body("activeCircumstanceGroups", contains("HCDB_D"))
                .body("activeRiskCategories", contains("LEFT_BEHIND"));

        Api.as("commune.yenphuc").get(CHILDREN + "/" + survivor + "/circumstances").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].startDate", equalTo("2024-01-01"))
                .body("items[0].endDate", equalTo(null));
        Api.as("commune.yenphuc").get(CHILDREN + "/" + survivor + "/risks").then().statusCode(200).body("items", hasSize(1));
        Api.as("commune.yenphuc").get(CHILDREN + "/" + survivor + "/consents").then().statusCode(200).body("items", hasSize(1));
        Api.as("commune.yenphuc").get(CHILDREN + "/" + duplicate).then().statusCode(200)
                .body("status", equalTo("MERGED"))
                .body("mergedIntoId", equalTo(survivor.toString()));
        Api.as("commune.yenphuc").get(CHILDREN + "/" + duplicate + "/circumstances").then().statusCode(200).body("items", hasSize(0));
        Api.as("commune.yenphuc").queryParam("q", word).get(CHILDREN).then().statusCode(200)
                .body("items.id", contains(survivor.toString()));
        Api.as("commune.yenphuc").queryParam("q", word).queryParam("status", "MERGED").get(CHILDREN).then().statusCode(200)
                .body("items.id", contains(duplicate.toString()));
        // Without a name too, by name (each unit's page in order) and by update.
        for (String sort : List.of("name", "-updatedAt")) {
            Api.as("commune.yenphuc").queryParam("village", "06283_02").queryParam("status", "MERGED").queryParam("sort", sort)
                    .get(CHILDREN).then().statusCode(200).body("items.id", hasItem(duplicate.toString()));
        }

        Api.as("commune.yenphuc").get(CHILDREN + "/" + survivor + "/history").then().statusCode(200)
                .body("items.find { it.action == 'MERGE' }.after.merge.duplicateId", equalTo(duplicate.toString()))
                .body("items.find { it.action == 'MERGE' }.after.merge.fieldsTaken", containsInAnyOrder("personalId", "address"))
                .body("items.find { it.action == 'MERGE' }.after.merge.movedConsents", hasSize(1));
        Api.as("commune.yenphuc").get(CHILDREN + "/" + duplicate + "/history").then().statusCode(200)
                .body("items.find { it.action == 'MERGED_INTO' }.after.merge.survivorId", equalTo(survivor.toString()))
                .body("items.find { it.action == 'MERGED_INTO' }.before.personalId", equalTo(personalId));

        String etag = etagOf("commune.yenphuc", duplicate);
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"note\":\"x\"}").patch(CHILDREN + "/" + duplicate).then()
                .statusCode(409).body("code", equalTo("CHILD_MERGED"))
                .body("existing", equalTo(CHILDREN + "/" + survivor));
    }

    @Test
    void onlyCommuneUsersOfTheCommuneMerge() {
        String word = uniqueWord();
        UUID survivor = created("village.ichhuu", boy("Chu Văn " + word));
        UUID duplicate = created("village.ichhuu", boy("Chu Văn " + word));
        String etag = etagOf("commune.yenphuc", duplicate);
        Map<String, Object> body = Map.of("survivorId", survivor.toString());

        for (String who : List.of("village.ichhuu", "district.langson", "admin")) {
            Api.badRequestAs(who).contentType("application/json").header("If-Match", etag).body(body)
                    .post(CHILDREN + "/" + duplicate + "/merge").then().statusCode(403);
        }
        Api.as("commune.vanquan").contentType("application/json").header("If-Match", etag).body(body)
                .post(CHILDREN + "/" + duplicate + "/merge").then().statusCode(404);
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(body)
                .post(CHILDREN + "/" + duplicate + "/merge").then().statusCode(428);
        Api.badRequestAs("commune.yenphuc").contentType("application/json").header("If-Match", etag)
                .body(Map.of("survivorId", duplicate.toString())).post(CHILDREN + "/" + duplicate + "/merge").then()
                .statusCode(400).body("violations.field", hasItem("survivorId"));
        Api.as("commune.yenphuc").get(CHILDREN + "/" + duplicate).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }
}
