package vn.baovetreem.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MeApiTest {

    @ParameterizedTest(name = "{0} is {1} of {2}")
    @CsvSource({
            "village.ichhuu,   village,  06283_01, VILLAGE,  20.06298.06283_01",
            "village.thon2,    village,  06283_02, VILLAGE,  20.06298.06283_02",
            "commune.yenphuc,  commune,  06298,    COMMUNE,  20.06298",
            "commune.vanquan,  commune,  06253,    COMMUNE,  20.06253",
            "district.langson, district, 20,       PROVINCE, 20",
            "cp-aggregator,    aggregator, 20,     PROVINCE, 20",
            "cp-importer,      importer, 06298,    COMMUNE,  20.06298",
    })
    void eachDemoAccountSeesItsRoleAndUnit(String who, String role, String unit, String level, String path) {
        Api.as(who).get("/api/v1/me").then()
                .statusCode(200)
                .body("roles", contains(role))
                .body("unit.code", equalTo(unit))
                .body("unit.level", equalTo(level))
                .body("unit.path", equalTo(path))
                .body("globalScope", equalTo(false))
                .body("operations", hasItem("READ_SELF"));
    }

    @Test
    void yenPhucCommuneUserAlsoSeesTheHistoryOfAnSon() {
        Api.as("commune.yenphuc").get("/api/v1/me").then()
                .statusCode(200)
                .body("unit.name", equalTo("Yên Phúc"))
                .body("scopePaths", hasItem("20.184.06283"))
                .body("scopePaths", hasItem("20.184.06319"))
                .body("operations", hasItem("MANAGE_CASES"))
                .body("operations", not(hasItem("MANAGE_ADMIN_UNITS")));
    }

    @Test
    void adminWithoutUnitHasGlobalScope() {
        Api.as("admin").get("/api/v1/me").then()
                .statusCode(200)
                .body("roles", contains("admin"))
                .body("unit", nullValue())
                .body("globalScope", equalTo(true))
                .body("operations", hasItem("MANAGE_ADMIN_UNITS"));
    }

    @Test
    void noTokenIsUnauthorizedWithAProblem() {
        Api.anonymous().get("/api/v1/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokensQuarkusCannotEvenReadAreUnauthorized() {
        // "..." made Quarkus OIDC's credential throw NoSuchElementException: a 500 before.
        for (String token : List.of("...", "a..", "..b", ".", "", " ")) {
            Api.withToken(token).get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        }
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        String token = Tokens.of("village.ichhuu");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"06283_01\"", "\"20\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Api.withToken(forged).get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokenSignedByAnotherIssuerIsUnauthorized() throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"foreign\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(("{\"iss\":\"http://127.0.0.1:1/realms/child-protection\",\"sub\":\"x\",\"aud\":\"cp-api\","
                + "\"exp\":" + (now + 300) + ",\"iat\":" + now + ",\"realm_access\":{\"roles\":[\"admin\"]}}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign((RSAPrivateKey) pair.getPrivate());
        signature.update((header + "." + body).getBytes(StandardCharsets.UTF_8));
        String token = header + "." + body + "." + b64.encodeToString(signature.sign());
        Api.withToken(token).get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void expiredTokenIsUnauthorized() throws InterruptedException {
        String token = Tokens.shortLived("village.ichhuu");
        Thread.sleep(2_500);
        Api.withToken(token).get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokenOfARetiredUnitIsForbiddenAndSaysSo() {
        Api.withToken(Tokens.of("test.retired")).get("/api/v1/me").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("UNIT_RETIRED"));
    }

    @Test
    void aRoleHeldAtAUnitOfAnotherLevelIsForbiddenAndSaysSo() {
        // A village account whose unit was set to the province by mistake must not see the province.
        Api.withToken(Tokens.of("test.misplaced")).get("/api/v1/me").then()
                .statusCode(403)
                .body("code", equalTo("UNIT_LEVEL_MISMATCH"));
        Api.withToken(Tokens.of("test.misplaced")).get("/api/v1/children").then()
                .statusCode(403)
                .body("code", equalTo("UNIT_LEVEL_MISMATCH"));
    }

    @Test
    void tokenOfAnUnknownUnitIsForbiddenAndSaysSo() {
        Api.withToken(Tokens.of("test.unknown")).get("/api/v1/me").then()
                .statusCode(403)
                .body("code", equalTo("UNIT_UNKNOWN"));
    }

    @Test
    void tokenWithoutUnitIsForbiddenUnlessAdmin() {
        Api.withToken(Tokens.of("test.nounit")).get("/api/v1/me").then()
                .statusCode(403)
                .body("code", equalTo("UNIT_MISSING"));
    }

    @Test
    void tokenWithoutAnyServiceRoleIsForbidden() {
        Api.withToken(Tokens.of("test.norole")).get("/api/v1/code-lists").then()
                .statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
    }
}
