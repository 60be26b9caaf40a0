package vn.baovetreem.testing;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the test Keycloak: password grants for people, client credentials for services. */
public final class Tokens {

    /** The demo users of the realm and their passwords (as in the README). */
    public static final Map<String, String> DEMO_PASSWORDS = Map.of(
            "village.ichhuu", "demo-village",
            "village.thon2", "demo-village",
            "commune.yenphuc", "demo-commune",
            "commune.vanquan", "demo-commune",
            "district.langson", "demo-district",
            "admin", "demo-admin");
    public static final Map<String, String> CLIENT_SECRETS = Map.of(
            "cp-aggregator", "aggregator-demo-secret",
            "cp-importer", "importer-demo-secret");

    /** Demo tokens live 300 s; one is reused for at most this long, so long runs never send an expired one. */
    private static final Duration REUSE = Duration.ofSeconds(200);

    private record Cached(String token, Instant fetched) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static volatile String tokenUrl;

    private Tokens() {
    }

    static void configure(String url) {
        tokenUrl = url;
    }

    /** A token for a demo user, a test user, or a service account (by client id); reused while it is young. */
    public static String of(String who) {
        return CACHE.compute(who, (name, cached) -> cached != null && cached.fetched().plus(REUSE).isAfter(Instant.now())
                ? cached : new Cached(fetch(name), Instant.now())).token();
    }

    /** A fresh token, never cached. */
    public static String fresh(String who) {
        return fetch(who);
    }

    /** A token from the client whose tokens live one second. */
    public static String shortLived(String username) {
        return password("cp-test-expiring", username, DEMO_PASSWORDS.getOrDefault(username, TestStack.PASSWORD));
    }

    private static String fetch(String who) {
        if (CLIENT_SECRETS.containsKey(who)) {
            return request(Map.of("grant_type", "client_credentials", "client_id", who, "client_secret", CLIENT_SECRETS.get(who)));
        }
        return password("cp-test", who, DEMO_PASSWORDS.getOrDefault(who, TestStack.PASSWORD));
    }

    private static String password(String client, String username, String password) {
        return request(Map.of("grant_type", "password", "client_id", client, "username", username, "password", password));
    }

    private static String request(Map<String, String> form) {
        Response response = RestAssured.given().formParams(form).post(tokenUrl);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + form.get("username") + "/" + form.get("client_id")
                    + ": " + response.asString());
        }
        return response.jsonPath().getString("access_token");
    }
}
