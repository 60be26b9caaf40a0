package vn.baovetreem.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class WebhookApiTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A receiver on this machine that records each post, answering after {@code delay}. */
    private static final class Receiver implements AutoCloseable {
        record Post(Map<String, String> headers, String body) {
            JsonNode event() throws IOException {
                return JSON.readTree(body);
            }
        }

        final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong delayMillis;
        private final HttpServer server;

        Receiver(long delayMillis) throws IOException {
            this.delayMillis = new AtomicLong(delayMillis);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/hook", exchange -> {
                try {
                    Thread.sleep(this.delayMillis.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
                posts.add(new Post(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Post> about(String id) {
            synchronized (posts) {
                return posts.stream().filter(p -> p.body().contains(id)).toList();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Map<String, Object> register(String url, List<String> types, String unit) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("url", url, "types", types));
        if (unit != null) {
            body.put("unit", unit);
        }
        return Api.as("admin").contentType("application/json").body(body).post(WEBHOOKS).then().statusCode(201)
                .header("Location", startsWith("http")).body("secret", startsWith("whsec_")).extract().as(Map.class);
    }

    private static void remove(Object id) {
        Api.as("admin").delete(WEBHOOKS + "/" + id).then().statusCode(204);
    }

    private static List<Map<String, Object>> deliveries(Object webhook) {
        return Api.as("admin").queryParam("pageSize", 200).get(WEBHOOKS + "/" + webhook + "/deliveries").then().statusCode(200)
                .extract().path("items");
    }

    private static String site(String description) {
        return Api.as("commune.yenphuc").contentType("application/json")
                .body(Map.of("kind", "WELL", "riskLevel", "HIGH", "villageCode", "06283_01", "description", description,
                        "surveyedOn", "2026-04-01"))
                .post("/api/v1/hazard-sites").then().statusCode(201).extract().path("id");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(until);
            Thread.sleep(200);
        }
    }

    @Test
    void aReceiverGetsASignedCloudEventForEachChangeNamingTheRecordOnly() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            Map<String, Object> webhook = register(receiver.url(), List.of("hazard-site"), "06283_01");
            try {
                String id = site("Giếng cạn " + System.nanoTime());
                Api.as("commune.yenphuc").contentType("application/merge-patch+json").header("If-Match", "*")
                        .body(Map.of("riskLevel", "LOW")).patch("/api/v1/hazard-sites/" + id).then().statusCode(200);
                await("two events", () -> receiver.about(id).size() >= 2);

                List<String> types = new ArrayList<>();
                for (Receiver.Post post : receiver.about(id)) {
                    assertThat(post.headers()).containsEntry("content-type", "application/cloudevents+json; charset=utf-8");
                    assertThat(post.headers().get("webhook-signature")).isEqualTo(WebhookSignature.sign((String) webhook.get("secret"),
                            post.headers().get("webhook-id"), Long.parseLong(post.headers().get("webhook-timestamp")), post.body()));
                    JsonNode event = post.event();
                    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                    assertThat(event.path("id").asText()).isEqualTo(post.headers().get("webhook-id"));
                    assertThat(event.path("subject").asText()).isEqualTo("hazard-site/" + id);
                    assertThat(event.path("data").path("id").asText()).isEqualTo(id);
                    assertThat(post.body()).as("the event names the record, never its content").doesNotContain("Giếng");
                    types.add(event.path("type").asText());
                }
                assertThat(types).containsExactlyInAnyOrder("vn.baovetreem.hazard-site.created", "vn.baovetreem.hazard-site.updated");
                await("the deliveries recorded", () -> deliveries(webhook.get("id")).stream()
                        .filter(d -> d.get("status").equals("DELIVERED")).count() >= 2);

                String elsewhere = Api.as("commune.vanquan").contentType("application/json")
                        .body(Map.of("kind", "WELL", "riskLevel", "HIGH", "villageCode", "06253_01", "description", "Giếng xa",
                                "surveyedOn", "2026-04-01"))
                        .post("/api/v1/hazard-sites").then().statusCode(201).extract().path("id");
                String after = site("Giếng sau " + System.nanoTime());
                await("the next event", () -> !receiver.about(after).isEmpty());
                assertThat(receiver.about(elsewhere)).as("outside the webhook's unit").isEmpty();
            } finally {
                remove(webhook.get("id"));
            }
            Api.as("admin").get(WEBHOOKS + "/" + webhook.get("id")).then().statusCode(404);
            Api.as("admin").get(WEBHOOKS).then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(
                    org.hamcrest.Matchers.hasItem(webhook.get("id"))));
        }
    }

    @Test
    void aSlowOrDownReceiverNeitherHoldsARequestNorLosesAnEvent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Receiver slow = new Receiver(10_000)) {
            Map<String, Object> slowHook = register(slow.url(), List.of("hazard-site"), null);
            Map<String, Object> downHook = register("http://127.0.0.1:" + closedPort + "/hook", List.of("hazard-site"), null);
            try {
                String first = site("Ao chậm " + System.nanoTime());
                await("a timed-out attempt at the slow receiver", () -> deliveries(slowHook.get("id")).stream()
                        .anyMatch(d -> ((int) d.get("attempts")) >= 1 && String.valueOf(d.get("lastError")).contains("Timeout")));
                // Meanwhile the API answers as usual.
                String second = site("Ao khi chờ " + System.nanoTime());
                await("retries at the receiver that is down", () -> deliveries(downHook.get("id")).stream()
                        .anyMatch(d -> ((int) d.get("attempts")) >= 2 && d.get("status").equals("PENDING") && d.get("lastError") != null));

                slow.delayMillis.set(0);
                await("both events delivered once the receiver answers", () -> !slow.about(first).isEmpty() && !slow.about(second).isEmpty());
            } finally {
                remove(slowHook.get("id"));
                remove(downHook.get("id"));
            }
        }
    }

    @Test
    void aDeadlineThatPassedRaisesOneEvent() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            Map<String, Object> webhook = register(receiver.url(), List.of("case-deadline"), null);
            try {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("childId", TestChildren.register("06283_01", "2015-05-05", "Hạn").toString());
                body.put("type", "ABUSE");
                body.put("sourceChannel", "SCHOOL");
                body.put("receivedAt", Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
                body.put("summary", "Vết bầm trên tay");
                body.put("abuseForms", List.of("VIOLENCE"));
                body.put("setting", "FAMILY");
                body.put("perpetratorRelationship", "STEP_PARENT");
                body.put("childInDanger", false);
                String caseId = Api.as("commune.yenphuc").contentType("application/json").body(body).post("/api/v1/cases")
                        .then().statusCode(201).extract().path("id");
                await("the overdue event", () -> !receiver.about(caseId).isEmpty());
                Thread.sleep(3000);
                List<Receiver.Post> posts = receiver.about(caseId);
                assertThat(posts).extracting(p -> p.headers().get("webhook-id")).doesNotHaveDuplicates();
                JsonNode event = posts.getFirst().event();
                assertThat(event.path("type").asText()).isEqualTo("vn.baovetreem.case-deadline.overdue");
                assertThat(event.path("data").path("caseId").asText()).isEqualTo(caseId);
            } finally {
                remove(webhook.get("id"));
            }
        }
    }

    @Test
    void onlyAnAdministratorManagesWebhooksAndOnlyWithAnHttpUrl() {
        Api.badRequestAs("district.langson").contentType("application/json")
                .body(Map.of("url", "https://example.org/hook", "types", List.of("child"))).post(WEBHOOKS).then().statusCode(403);
        Api.badRequestAs("admin").contentType("application/json")
                .body(Map.of("url", "file:///etc/passwd", "types", List.of("child"))).post(WEBHOOKS).then().statusCode(400)
                .body("violations[0].field", equalTo("url"));
        Api.badRequestAs("admin").contentType("application/json")
                .body(Map.of("url", "https://example.org/hook", "types", List.of("pets"))).post(WEBHOOKS).then().statusCode(400)
                .body("violations[0].field", equalTo("types"));
    }
}
