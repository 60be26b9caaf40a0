package vn.baovetreem.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts, once per test run, the embedded PostgreSQL and the real Keycloak with the project's realm,
 * plus test-only accounts (an account whose unit is retired, one whose unit is unknown, one with no
 * unit, the officer of the commune the contract tour makes, and a client whose tokens expire after
 * one second).
 */
public class TestStack implements QuarkusTestResourceLifecycleManager {

    /** Users and passwords that exist only in the test realm. */
    public static final String PASSWORD = "test-password";

    private static EmbeddedDatabase database;
    private static KeycloakServer keycloak;

    @Override
    public Map<String, String> start() {
        if (database == null) {
            database = EmbeddedDatabase.start(0, Path.of("target/test-postgres"));
        }
        if (keycloak == null) {
            keycloak = KeycloakServer.start(Path.of("target/keycloak-test-home"), 0, TestStack::addTestAccounts);
        }
        Tokens.configure(keycloak.tokenUrl());
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "quarkus.oidc.auth-server-url", keycloak.realmUrl());
    }

    @Override
    public void stop() {
        // Both servers live for the whole run and stop with the JVM (shutdown hooks).
    }

    public static String realmUrl() {
        return keycloak.realmUrl();
    }

    /** Keycloak frozen until the handle is closed ({@link KeycloakServer#frozen()}). */
    public static AutoCloseable frozenKeycloak() {
        return keycloak.frozen();
    }

    /** The admin REST API of the test realm (master admin {@code kcadmin}). */
    public static String adminUrl() {
        return keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
    }

    /** Where the master realm's admin gets a token ({@code admin-cli}). */
    public static String masterTokenUrl() {
        return keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token";
    }

    private static void addTestAccounts(ObjectNode realm) {
        ArrayNode users = (ArrayNode) realm.get("users");
        users.add(user(realm, "test.retired", "commune", "06283"));
        users.add(user(realm, "test.unknown", "village", "99999"));
        users.add(user(realm, "test.nounit", "commune", null));
        users.add(user(realm, "test.norole", null, "06298"));
        users.add(user(realm, "test.misplaced", "village", "20"));
        users.add(user(realm, "test.revoked", "commune", "06298"));
        users.add(user(realm, "test.signedout", "commune", "06298"));
        users.add(user(realm, "test.prober", "commune", "06253"));
        users.add(user(realm, "test.racer", "commune", "06253"));
        users.add(user(realm, "test.tour", "commune", "06999"));
        ObjectNode expiring = realm.objectNode()
                .put("clientId", "cp-test-expiring")
                .put("enabled", true)
                .put("publicClient", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", true);
        expiring.putObject("attributes").put("access.token.lifespan", "1");
        // Same mappers as the ordinary test client, so only the lifetime differs.
        for (var client : realm.get("clients")) {
            if (client.get("clientId").asText().equals("cp-test")) {
                expiring.set("protocolMappers", client.get("protocolMappers").deepCopy());
            }
        }
        ((ArrayNode) realm.get("clients")).add(expiring);
    }

    private static ObjectNode user(ObjectNode realm, String username, String role, String unit) {
        ObjectNode user = realm.objectNode()
                .put("username", username)
                .put("enabled", true)
                .put("email", username + "@test.invalid")
                .put("emailVerified", true)
                .put("firstName", "Test")
                .put("lastName", "User");
        ArrayNode roles = user.putArray("realmRoles").add("default-roles-child-protection");
        if (role != null) {
            roles.add(role);
        }
        user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        if (unit != null) {
            user.putObject("attributes").putArray("admin_unit").add(unit);
        }
        return user;
    }
}
