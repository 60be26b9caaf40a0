package vn.baovetreem.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
class AuditApiTest {

    @Inject
    EntityManager em;

    private void correctNoteOf(String code, String note) {
        String etag = Api.as("admin").get("/api/v1/admin-units/" + code).then().extract().header("ETag");
        Api.as("admin").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"note\":\"" + note + "\"}").patch("/api/v1/admin-units/" + code).then().statusCode(200);
    }

    @Test
    void communeUserSeesTheTrailOfItsSubtreeOnly() {
        correctNoteOf("06283_04", "checked by the commune");

        Api.as("commune.yenphuc").queryParam("recordId", "06283_04").get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(1))
                .body("items[0].after.note", equalTo("checked by the commune"))
                .body("items[0].unitPath", equalTo("20.06298.06283_04"));
        Api.as("commune.vanquan").queryParam("recordId", "06283_04").get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void trailIsPaginatedNewestFirst() {
        correctNoteOf("06283_05", "first");
        correctNoteOf("06283_05", "second");
        var first = Api.as("admin").queryParam("recordId", "06283_05").queryParam("pageSize", "1").get("/api/v1/audit-events");
        first.then().statusCode(200).body("items[0].after.note", equalTo("second"));
        Api.as("admin").queryParam("recordId", "06283_05").queryParam("pageSize", "1")
                .queryParam("pageToken", first.jsonPath().getString("nextPageToken"))
                .get("/api/v1/audit-events").then()
                .statusCode(200).body("items[0].after.note", equalTo("first"));
    }

    @Test
    void trailIsAppendOnlyInTheDatabase() {
        correctNoteOf("06283_06", "kept");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update audit_event set actor = 'someone else'").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from audit_event").executeUpdate()))
                .hasStackTraceContaining("append-only");
    }
}
