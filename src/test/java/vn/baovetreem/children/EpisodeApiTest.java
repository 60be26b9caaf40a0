package vn.baovetreem.children;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.baovetreem.children.ChildFixtures.CHILDREN;
import static vn.baovetreem.children.ChildFixtures.boy;
import static vn.baovetreem.children.ChildFixtures.created;
import static vn.baovetreem.children.ChildFixtures.etagOf;
import static vn.baovetreem.children.ChildFixtures.uniqueWord;

@QuarkusTest
class EpisodeApiTest {

    private static String circumstances(UUID child) {
        return CHILDREN + "/" + child + "/circumstances";
    }

    @Test
    void groupFilterRespectsTheSpanDates() {
        String word = uniqueWord();
        UUID id = created("village.ichhuu", boy("Nông Văn " + word));
        Api.as("village.ichhuu").contentType("application/json")
                .body(Map.of("code", "HCDB_D", "subcode", "HCDB_D_2", "startDate", "2024-02-01", "endDate", "2025-06-30",
                        "endReason", "Reassessed"))
                .post(circumstances(id)).then().statusCode(201).body("active", equalTo(false));

        for (String[] on : new String[][]{{"2024-01-31", "0"}, {"2024-02-01", "1"}, {"2025-06-30", "1"}, {"2025-07-01", "0"}}) {
            Api.as("commune.yenphuc").queryParam("q", word).queryParam("circumstanceGroup", "HCDB_D")
                    .queryParam("circumstanceOn", on[0]).get(CHILDREN).then()
                    .statusCode(200).body("items", hasSize(Integer.parseInt(on[1])));
        }
        Api.as("commune.yenphuc").queryParam("q", word).queryParam("circumstanceGroup", "HCDB_A")
                .queryParam("circumstanceOn", "2024-06-01").get(CHILDREN).then().statusCode(200).body("items", hasSize(0));
        Api.as("commune.yenphuc").queryParam("q", word).queryParam("circumstanceOn", "2024-06-01").get(CHILDREN).then()
                .statusCode(200).body("items", hasSize(1));
    }

    @Test
    void spanRulesAreEnforced() {
        UUID id = created("commune.yenphuc", boy("Lương Văn " + uniqueWord()));
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "HCDB_D", "subcode", "HCDB_A_1", "startDate", "2024-02-01"))
                .post(circumstances(id)).then().statusCode(400).body("violations.field", contains("subcode"));
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "HCDB_Z", "subcode", "HCDB_Z_1", "startDate", "2024-02-01"))
                .post(circumstances(id)).then().statusCode(400).body("violations.field", contains("code"));
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "HCDB_D", "subcode", "HCDB_D_1", "startDate", "2015-03-11"))
                .post(circumstances(id)).then().statusCode(400).body("violations.field", contains("startDate"));

        String first = Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "HCDB_D", "subcode", "HCDB_D_1", "startDate", "2023-01-01"))
                .post(circumstances(id)).then().statusCode(201).body("active", equalTo(true)).extract().path("id");
        Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "HCDB_D", "subcode", "HCDB_D_2", "startDate", "2024-05-01"))
                .post(circumstances(id)).then().statusCode(409)
                .body("code", equalTo("EPISODE_OVERLAP"))
                .body("existing", equalTo(circumstances(id) + "/" + first));
        // Another group may overlap.
        Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "HCDB_N", "subcode", "HCDB_N_1", "startDate", "2024-05-01"))
                .post(circumstances(id)).then().statusCode(201);
        Api.as("commune.yenphuc").get(CHILDREN + "/" + id).then()
                .statusCode(200).body("activeCircumstanceGroups", contains("HCDB_D", "HCDB_N"));
    }

    @Test
    void spanIsEndedAndCorrectedWithItsEtagAndTheChangesAreAudited() {
        UUID id = created("commune.yenphuc", boy("Vi Văn " + uniqueWord()));
        var created = Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "LEFT_BEHIND", "startDate", "2025-03-01"))
                .post(CHILDREN + "/" + id + "/risks");
        created.then().statusCode(201);
        String span = CHILDREN + "/" + id + "/risks/" + created.path("id");

        String ended = Api.as("commune.yenphuc").contentType("application/json").header("If-Match", created.header("ETag"))
                .body(Map.of("endDate", "2026-02-10", "reason", "Both parents came home")).post(span + "/end").then()
                .statusCode(200).body("endDate", equalTo("2026-02-10")).body("active", equalTo(false))
                .extract().header("ETag");
        Api.as("commune.yenphuc").contentType("application/json").header("If-Match", ended)
                .body(Map.of("endDate", "2026-02-11", "reason", "again")).post(span + "/end").then()
                .statusCode(409).body("code", equalTo("EPISODE_ALREADY_ENDED"));
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", ended)
                .body("{\"startDate\":\"2025-01-15\",\"note\":\"Corrected from the school's records\"}").patch(span).then()
                .statusCode(200).body("startDate", equalTo("2025-01-15"));
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", ended)
                .body("{\"note\":null}").patch(span).then().statusCode(412);
        Api.badRequestAs("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "LEFT_BEHIND", "subcode", "X", "startDate", "2025-03-01"))
                .post(CHILDREN + "/" + id + "/risks").then().statusCode(400).body("violations.field", contains("subcode"));

        Api.as("commune.yenphuc").get(CHILDREN + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CORRECT_RISK", "END_RISK", "ADD_RISK", "CREATE"))
                .body("items[0].before.startDate", equalTo("2025-03-01"))
                .body("items[0].after.startDate", equalTo("2025-01-15"));
    }

    @Test
    void aReadShowsTheSpansOpenTodayOfEachKind() {
        UUID id = created("commune.yenphuc", boy("Đinh Văn " + uniqueWord()));
        var risk = Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "LEFT_BEHIND", "startDate", "2025-03-01")).post(CHILDREN + "/" + id + "/risks");
        risk.then().statusCode(201);
        Api.as("commune.yenphuc").get(CHILDREN + "/" + id).then().statusCode(200)
                .body("activeRiskCategories", contains("LEFT_BEHIND")).body("activeCircumstanceGroups", hasSize(0));
        Api.as("commune.yenphuc").contentType("application/json").header("If-Match", risk.header("ETag"))
                .body(Map.of("endDate", "2026-02-10", "reason", "Both parents came home"))
                .post(CHILDREN + "/" + id + "/risks/" + risk.path("id") + "/end").then().statusCode(200);
        Api.as("commune.yenphuc").get(CHILDREN + "/" + id).then().statusCode(200).body("activeRiskCategories", hasSize(0));
    }

    @Test
    void addingASpanChangesTheChildsEtag() {
        UUID id = created("commune.yenphuc", boy("Hà Văn " + uniqueWord()));
        String before = etagOf("commune.yenphuc", id);
        Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("code", "INJURY", "startDate", "2026-06-01"))
                .post(CHILDREN + "/" + id + "/risks").then().statusCode(201);
        Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", before)
                .body("{\"note\":\"x\"}").patch(CHILDREN + "/" + id).then().statusCode(412);
        Api.as("commune.yenphuc").queryParam("atRiskOn", "2026-06-02").queryParam("riskCategory", "INJURY")
                .queryParam("village", "06283_01").queryParam("pageSize", "200").get(CHILDREN).then()
                .statusCode(200).body("items.activeRiskCategories.flatten()", org.hamcrest.Matchers.hasItem("INJURY"));
    }

    @Test
    void consentOfAChildNeedsAgeSevenAndWithdrawalIsKept() {
        Map<String, Object> toddler = boy("Lăng Văn " + uniqueWord());
        toddler.remove("personalId");
        toddler.put("dateOfBirth", "2022-01-01");
        UUID young = created("village.ichhuu", toddler);
        Api.badRequestAs("village.ichhuu").contentType("application/json")
                .body(Map.of("giver", "CHILD", "giverName", "Lăng Văn Bé", "givenOn", "2026-03-02", "scopes", List.of("PUBLICATION")))
                .post(CHILDREN + "/" + young + "/consents").then()
                .statusCode(400).body("violations.field", contains("giver"))
                .body("violations[0].message", containsString("7"));

        UUID id = created("village.ichhuu", boy("Lăng Văn " + uniqueWord()));
        String consents = CHILDREN + "/" + id + "/consents";
        Api.badRequestAs("village.ichhuu").contentType("application/json")
                .body(Map.of("giver", "PARENT_OR_GUARDIAN", "giverName", "Lương Thị Mai", "givenOn", "2026-03-02",
                        "scopes", List.of("EVERYTHING")))
                .post(consents).then().statusCode(400).body("violations.field", contains("relationship", "scopes[0]"));
        var given = Api.as("village.ichhuu").contentType("application/json")
                .body(Map.of("giver", "CHILD", "giverName", "Lăng Văn An", "givenOn", "2026-03-02",
                        "scopes", List.of("FORUM_PARTICIPATION")))
                .post(consents);
        given.then().statusCode(201).body("active", equalTo(true)).body("recordedBy", equalTo("village.ichhuu"));
        String withdrawal = consents + "/" + given.path("id") + "/withdrawal";
        Api.as("commune.yenphuc").contentType("application/json").header("If-Match", given.header("ETag"))
                .body(Map.of("withdrawnOn", "2026-06-01", "reason", "Changed his mind")).post(withdrawal).then()
                .statusCode(200).body("active", equalTo(false)).body("withdrawnBy", equalTo("commune.yenphuc"));
        Api.as("village.ichhuu").get(consents).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].withdrawnOn", equalTo("2026-06-01"));
        Api.as("commune.yenphuc").get(CHILDREN + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("READ_CONSENTS", "WITHDRAW_CONSENT", "RECORD_CONSENT", "CREATE"));
    }
}
