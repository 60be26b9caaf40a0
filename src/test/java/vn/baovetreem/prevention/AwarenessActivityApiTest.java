package vn.baovetreem.prevention;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AwarenessActivityApiTest {

    private static final String ACTIVITIES = "/api/v1/awareness-activities";

    private static Map<String, Object> activity(String unit, String day, List<String> topics) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitCode", unit);
        body.put("heldOn", day);
        body.put("channel", "VILLAGE_LOUDSPEAKER");
        body.put("topics", topics);
        body.put("title", "Phát thanh " + UUID.randomUUID());
        body.put("organiser", "Trưởng thôn");
        body.put("adultsReached", 200);
        body.put("girlsReached", 12);
        body.put("boysReached", 15);
        return body;
    }

    @Test
    void communeRecordsVillagesAndDistrictsRead() {
        String id = Api.as("commune.yenphuc").contentType("application/json")
                .body(activity("06283_01", "2025-05-25", List.of("DROWNING_PREVENTION", "HOTLINE_111"))).post(ACTIVITIES).then()
                .statusCode(201).body("childrenReached", equalTo(27)).extract().path("id");
        String communeWide = Api.as("commune.yenphuc").contentType("application/json")
                .body(activity("06298", "2025-05-26", List.of("ABUSE_PREVENTION"))).post(ACTIVITIES).then()
                .statusCode(201).extract().path("id");

        Api.as("village.ichhuu").queryParam("from", "2025-05-01").queryParam("to", "2025-05-31").get(ACTIVITIES).then()
                .statusCode(200).body("items.id", hasItem(id)).body("items.id", not(hasItem(communeWide)));
        Api.as("village.thon2").queryParam("from", "2025-05-01").queryParam("to", "2025-05-31").get(ACTIVITIES).then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        Api.as("district.langson").queryParam("from", "2025-05-25").queryParam("to", "2025-05-26").queryParam("topic", "ABUSE_PREVENTION")
                .get(ACTIVITIES).then().statusCode(200).body("items.id", hasItem(communeWide)).body("items.id", not(hasItem(id)));
        Api.as("commune.vanquan").queryParam("from", "2025-05-01").queryParam("to", "2025-05-31").get(ACTIVITIES).then()
                .statusCode(200).body("items.id", not(hasItem(id)));

        for (String who : List.of("village.ichhuu", "district.langson")) {
            Api.badRequestAs(who).contentType("application/json").body(activity("06283_01", "2025-05-25", List.of("OTHER")))
                    .post(ACTIVITIES).then().statusCode(403);
        }
        Api.badRequestAs("commune.vanquan").contentType("application/json").body(activity("06283_01", "2025-05-25", List.of("OTHER")))
                .post(ACTIVITIES).then().statusCode(400).body("violations.field", contains("unitCode"));
    }

    @Test
    void invalidActivitiesAreRefusedNamingTheField() {
        Map<String, Object> future = activity("06298", "2099-01-01", List.of("OTHER"));
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(future).post(ACTIVITIES).then()
                .statusCode(400).body("violations.field", contains("heldOn"));
        Map<String, Object> topics = activity("06298", "2025-01-01", List.of("OTHER", "GOSSIP"));
        topics.put("channel", "CARRIER_PIGEON");
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(topics).post(ACTIVITIES).then()
                .statusCode(400).body("violations.field", contains("channel", "topics[1]"));
        Map<String, Object> negative = activity("06298", "2025-01-01", List.of("OTHER"));
        negative.put("girlsReached", -1);
        Api.badRequestAs("commune.yenphuc").contentType("application/json").body(negative).post(ACTIVITIES).then()
                .statusCode(400).body("violations.field", contains("girlsReached"));
    }
}
