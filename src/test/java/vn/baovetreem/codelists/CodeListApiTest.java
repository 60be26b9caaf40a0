package vn.baovetreem.codelists;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class CodeListApiTest {

    @Test
    void specialCircumstanceGroupsAreTheFourteenOfArticle10WithTheirFortyEightSubgroups() {
        var json = Api.as("village.ichhuu").get("/api/v1/code-lists/special-circumstance-groups").then()
                .statusCode(200).extract().jsonPath();
        List<String> letters = json.getList("entries.letter");
        assertThat(letters).containsExactly("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o");
        List<List<Map<String, Object>>> subgroups = json.getList("entries.subcodes");
        assertThat(subgroups.stream().mapToInt(List::size).sum()).isEqualTo(48);
        assertThat(json.getString("entries[2].labelVi")).isEqualTo("Trẻ em không nơi nương tựa");
        assertThat(subgroups.get(2)).hasSize(12);
        assertThat(json.getString("entries[3].subcodes[0].code")).isEqualTo("HCDB_D_1");
    }

    @Test
    void everyVocabularyTheBriefNamesIsServed() {
        Api.as("commune.yenphuc").get("/api/v1/code-lists").then()
                .statusCode(200)
                .body("version", equalTo("2026.6"))
                .body("items.name", hasItems("ethnic-groups", "special-circumstance-groups", "abuse-forms",
                        "sexual-abuse-subtypes", "abuse-settings", "perpetrator-relationships", "injury-mechanisms",
                        "injury-outcomes", "injury-places", "case-source-channels", "risk-levels", "intervention-types", "funding-sources",
                        "school-status", "disability-levels", "poverty-status"));
    }

    @Test
    void ethnicGroupsAreTheFiftyFourPlusForeignAndUnknown() {
        var json = Api.as("commune.yenphuc").get("/api/v1/code-lists/ethnic-groups").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("entries")).hasSize(56);
        assertThat(json.getList("entries.officialCode").stream().filter(c -> c != null)).hasSize(54);
        assertThat(json.getList("entries.labelVi")).contains("Kinh", "Tày", "Nùng", "Hmông");
    }

    @Test
    void unknownListIsNotFound() {
        Api.badRequestAs("commune.yenphuc").get("/api/v1/code-lists/no-such-list").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
