package vn.baovetreem.testing;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Import jobs started through the API, and waited for. */
public final class ImportJobs {

    private static final String IMPORTS = "/api/v1/imports";

    private ImportJobs() {
    }

    /** Uploads {@code file} as {@code who} with the query {@code query} and answers the job's id. */
    public static String start(String who, String query, String type, byte[] file) {
        return Api.as(who).contentType(type).body(file).post(IMPORTS + "?" + query)
                .then().statusCode(202).extract().path("id");
    }

    /** Waits for the job to end and returns it, its message in English. */
    public static JsonPath finished(String who, String id) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonPath job = Api.as(who).header("Accept-Language", "en").get(IMPORTS + "/" + id).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return job;
            }
            assertThat(Instant.now()).as("import " + id + " still " + status).isBefore(giveUp);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
