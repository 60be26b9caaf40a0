package vn.baovetreem.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestStack;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Signing in from Swagger UI, done here step by step as the browser does it: the served contract
 * sends "Authorize" to the configured Keycloak, the user signs in with the public client
 * {@code cp-web} (authorization code with PKCE, redirected to Swagger UI's page on the local run's
 * address, which the demo realm allows), the page exchanges the code from its own origin, and the
 * token calls {@code /me}.
 */
@QuarkusTest
class SwaggerSignInTest {

    private static final String REDIRECT = "http://127.0.0.1:8080/q/swagger-ui/oauth2-redirect.html";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @Test
    void aDemoUserSignsInThroughSwaggerUisSchemeAndCallsMe() throws Exception {
        JsonPath contract = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        String authorize = contract.getString("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl");
        String tokenUrl = contract.getString("components.securitySchemes.keycloak.flows.authorizationCode.tokenUrl");
        assertThat(authorize).isEqualTo(TestStack.realmUrl() + "/protocol/openid-connect/auth");
        RestAssured.get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200);

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(authorize + "?" + form(Map.of(
                "client_id", "cp-web", "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT, "state", "s1",
                "code_challenge", challenge, "code_challenge_method", "S256")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();

        // Keycloak's session cookies are Secure, which a browser sends to 127.0.0.1 over HTTP and Java's cookie store does not.
        String cookies = loginPage.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "commune.yenphuc", "password", "demo-commune"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        URI back = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(REDIRECT + "?");
        String code = query(back).get("code");
        assertThat(query(back).get("state")).isEqualTo("s1");

        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://127.0.0.1:8080")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", "cp-web",
                        "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).as("the page's origin may read the token")
                .contains("http://127.0.0.1:8080");

        Api.withToken(JsonPath.from(token.body()).getString("access_token")).get("/api/v1/me").then()
                .statusCode(200).body("username", equalTo("commune.yenphuc")).body("unit.code", equalTo("06298"));
    }

    @Test
    void swaggerUiIsSetUpForThePublicClientWithPkce() {
        RestAssured.get("/q/swagger-ui/index.html").then().statusCode(200)
                .body(containsString("cp-web"))
                .body(containsString("usePkceWithAuthorizationCodeGrant"));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
