package vn.baovetreem.local;

import vn.baovetreem.testing.EmbeddedDatabase;
import vn.baovetreem.testing.KeycloakServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local run ({@code ./mvnw -Plocal}): embedded PostgreSQL, the real Keycloak with the demo
 * realm, and the packaged API with the demo data, all on 127.0.0.1. Ctrl-C stops all three. With
 * {@code -Dlocal.services-only=true} only PostgreSQL and Keycloak start, for {@code ./mvnw
 * quarkus:dev} to run against them.
 * Ports come from system properties {@code api.port} (8080), {@code management.port} (9000, health
 * and metrics), {@code keycloak.port} (8180) and {@code db.port} (5433).
 * <p>
 * The data of PostgreSQL and Keycloak is kept in {@code local.data} (by default
 * {@code ~/.local/share/commune-child-protection}), written durably, and never deleted: stopping,
 * a crash of any part or {@code mvn clean} leave it as it was. A run that finds parts of an earlier
 * run still alive (its launcher was killed) stops them first.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        int apiPort = Integer.getInteger("api.port", 8080);
        int managementPort = Integer.getInteger("management.port", 9000);
        int keycloakPort = Integer.getInteger("keycloak.port", 8180);
        int dbPort = Integer.getInteger("db.port", 5433);
        String appJar = System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar");

        Path data = dataFolder();
        Path postgresData = data.resolve("postgres");
        System.out.println("Data of this run (kept across runs): " + data);
        stopLeftover(data.resolve("api.pid"), "TERM", "quarkus-run");
        stopLeftover(data.resolve("keycloak.pid"), "TERM", "keycloak");
        stopLeftover(postgresData.resolve("postmaster.pid"), "INT", "postgres");

        System.out.println("Starting PostgreSQL on 127.0.0.1:" + dbPort + " ...");
        EmbeddedDatabase database = EmbeddedDatabase.startDurable(dbPort, Path.of("target/local-postgres"), postgresData);
        System.out.println("Starting Keycloak on 127.0.0.1:" + keycloakPort + " (about 40 s on first start) ...");
        KeycloakServer keycloak = KeycloakServer.start(Path.of("target/keycloak-local-home"), data.resolve("keycloak"),
                keycloakPort, null);
        writePids(data.resolve("keycloak.pid"), keycloak.pids());
        if (Boolean.getBoolean("local.services-only")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                keycloak.close();
                database.close();
                System.out.println("Stopped Keycloak and PostgreSQL.");
            }));
            System.out.println(servicesBanner(keycloak, data, dbPort));
            Thread.currentThread().join();
        }

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The image's JVM options (heap and stacks for a small server), then any given here, which win.
        command.add("@" + Path.of("docker/jvm.options").toAbsolutePath());
        String javaOptions = System.getProperty("app.java-options", "").strip();
        if (!javaOptions.isEmpty()) {
            command.addAll(List.of(javaOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", appJar));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(Map.of(
                "CP_HTTP_PORT", String.valueOf(apiPort),
                "CP_MANAGEMENT_PORT", String.valueOf(managementPort),
                "CP_DB_URL", database.jdbcUrl(),
                "CP_DB_USER", database.username(),
                "CP_DB_PASSWORD", database.password(),
                "CP_OIDC_URL", keycloak.realmUrl(),
                "CP_SEED_CONTEXTS", "demo,demo-records",
                "CP_CORS_ORIGINS", "http://localhost:5173,http://127.0.0.1:5173"));
        Process api = builder.start();
        writePids(data.resolve("api.pid"), List.of(api.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.destroy();
            try {
                api.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            keycloak.close();
            database.close();
            System.out.println("Stopped the API, Keycloak and PostgreSQL.");
        }));

        String apiUrl = "http://127.0.0.1:" + apiPort;
        String managementUrl = "http://127.0.0.1:" + managementPort;
        awaitReady(api, managementUrl + "/q/health/ready");
        System.out.println(banner(apiUrl, managementUrl, keycloak, data, dbPort));
        System.exit(api.waitFor());
    }

    /** {@code local.data}, or the user's data folder ({@code $XDG_DATA_HOME} or {@code ~/.local/share}). */
    private static Path dataFolder() throws IOException {
        String configured = System.getProperty("local.data", "").strip();
        Path folder;
        if (!configured.isEmpty()) {
            folder = Path.of(configured);
        } else {
            String xdg = System.getenv("XDG_DATA_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
            folder = base.resolve("commune-child-protection");
        }
        return Files.createDirectories(folder).toAbsolutePath();
    }

    private static void writePids(Path file, List<Long> pids) throws IOException {
        Files.writeString(file, String.join("\n", pids.stream().map(String::valueOf).toList()) + "\n");
    }

    /**
     * Stops what an earlier run left alive (its launcher was killed with {@code kill -9}): the
     * processes named in {@code pidFile} (PostgreSQL's own {@code postmaster.pid} names the server
     * on its first line), with {@code signal} (PostgreSQL: INT, a fast shutdown that keeps every
     * commit), waiting for them to end. A process whose command line lacks {@code marker} is left
     * alone: after a reboot its number may belong to something else.
     */
    private static void stopLeftover(Path pidFile, String signal, String marker) throws IOException, InterruptedException {
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        List<ProcessHandle> alive = (pidFile.getFileName().toString().equals("postmaster.pid") ? lines.stream().limit(1) : lines.stream())
                .map(String::strip).filter(l -> l.matches("\\d+")).map(Long::parseLong)
                .flatMap(pid -> ProcessHandle.of(pid).stream()).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
        for (ProcessHandle process : alive) {
            System.out.println("Stopping process " + process.pid() + " left by an earlier run (" + pidFile.getFileName() + ") ...");
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (ProcessHandle process : alive) {
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            if (process.isAlive()) {
                throw new IllegalStateException("Process " + process.pid() + " of an earlier run did not stop; stop it and start again.");
            }
        }
        if (!pidFile.getFileName().toString().equals("postmaster.pid")) {
            Files.delete(pidFile);
        }
    }

    private static void awaitReady(Process api, String url) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline) && api.isAlive()) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The API did not become ready at " + url);
    }

    private static String servicesBanner(KeycloakServer keycloak, Path data, int dbPort) {
        return """

                ==================================================================================
                 PostgreSQL and Keycloak are running for development (Ctrl-C stops both)
                   PostgreSQL   127.0.0.1:%3$d (postgres / postgres, database postgres)
                   Keycloak     %1$s   (admin console: kcadmin / kcadmin)
                 Now run the service in dev mode against them, with live reload:
                   ./mvnw quarkus:dev
                 It listens on http://127.0.0.1:8080 with the demo data and users of the local run.
                 Data (kept across runs): %2$s
                ==================================================================================
                """.formatted(keycloak.baseUrl(), data, dbPort);
    }

    private static String banner(String api, String management, KeycloakServer keycloak, Path data, int dbPort) {
        return """

                ==================================================================================
                 Commune child-protection API is running (Ctrl-C stops everything)
                   API          %1$s/api/v1
                   Contract     %1$s/q/openapi   Swagger UI %1$s/q/swagger-ui
                   Health       %4$s/q/health/ready   Metrics %4$s/q/metrics
                   Keycloak     %2$s   (admin console: kcadmin / kcadmin)

                 Demo users (realm child-protection, client cp-test allows password grants):
                   village.ichhuu   / demo-village   village   thôn Ích Hữu (06283_01)
                   village.thon2    / demo-village   village   Thôn 02 (demo) (06283_02)
                   commune.yenphuc  / demo-commune   commune   xã Yên Phúc (06298), with An Sơn's history
                   commune.vanquan  / demo-commune   commune   xã Văn Quan (06253)
                   district.langson / demo-district  district  tỉnh Lạng Sơn (20)
                   admin            / demo-admin     admin     everything
                   district.bench, commune.bench / demo-bench: the benchmark province (scripts/bench/)
                 Service accounts: cp-aggregator / aggregator-demo-secret, cp-importer / importer-demo-secret

                 Try it:
                   TOKEN=$(curl -s -d grant_type=password -d client_id=cp-test -d username=commune.yenphuc \\
                     -d password=demo-commune %3$s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                   curl -s -H "Authorization: Bearer $TOKEN" %1$s/api/v1/me

                 Data (kept across runs): %5$s
                   Back up:      PGPASSWORD=postgres pg_dump -h 127.0.0.1 -p %6$d -U postgres -Fc postgres > backup.dump
                   Start afresh: stop this run, then delete that folder
                ==================================================================================
                """.formatted(api, keycloak.baseUrl(), keycloak.tokenUrl(), management, data, dbPort);
    }
}
