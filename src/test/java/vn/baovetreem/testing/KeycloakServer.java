package vn.baovetreem.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The real Keycloak server, from the {@code keycloak-quarkus-dist} zip that Maven unpacks into
 * {@code target/keycloak}, started in dev mode with the project's realm imported into an empty
 * data directory. Each purpose (tests, local run) gets its own copy of the distribution so both can
 * run at once.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "child-protection";
    public static final Path REALM_FILE = Path.of("docker/keycloak/child-protection-realm.json");

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Keycloak and waits until the realm answers.
     *
     * @param home        where this purpose's copy of the distribution lives
     * @param port        HTTP port (0 for any free port)
     * @param realmEditor changes to the realm before import (tests add their own users), or null
     */
    public static KeycloakServer start(Path home, int port, Consumer<ObjectNode> realmEditor) {
        return start(home, null, port, realmEditor);
    }

    /**
     * Like {@link #start(Path, int, Consumer)}, but with its data (users, sessions, the realm as
     * changed in the admin console) kept in {@code dataDir} across runs when that is not null: the
     * realm is imported only into an empty data directory.
     */
    public static KeycloakServer start(Path home, Path dataDir, int port, Consumer<ObjectNode> realmEditor) {
        Path dist = distribution();
        try {
            if (!Files.exists(home.resolve("bin/kc.sh"))) {
                copyTree(dist, home);
            }
            Path data = home.resolve("data");
            if (Files.isSymbolicLink(data)) {
                Files.delete(data);
            } else {
                deleteTree(data);
            }
            if (dataDir != null) {
                // The distribution's copy may be rebuilt (mvn clean); its data folder points outside it.
                Files.createDirectories(dataDir);
                Files.createSymbolicLink(data, dataDir.toAbsolutePath());
            }
            Path importDir = Files.createDirectories(data.resolve("import"));
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode realm = (ObjectNode) mapper.readTree(REALM_FILE.toFile());
            if (realmEditor != null) {
                realmEditor.accept(realm);
            }
            mapper.writeValue(importDir.resolve(REALM + "-realm.json").toFile(), realm);
            home.resolve("bin/kc.sh").toFile().setExecutable(true);

            int httpPort = port > 0 ? port : freePort();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + freePort(),
                    "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin");
            KeycloakServer server = new KeycloakServer(builder.start(), httpPort);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitRealm(Duration.ofMinutes(4), home.resolve("keycloak.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + dist, e);
        }
    }

    /** Where Maven unpacked the distribution ({@code keycloak.dist.dir}, set by the build). */
    public static Path distribution() {
        String dir = System.getProperty("keycloak.dist.dir", "target/keycloak/keycloak-26.5.6");
        Path path = Path.of(dir);
        if (!Files.exists(path.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + path.toAbsolutePath()
                    + "; run the build through ./mvnw so that it is fetched from Maven Central.");
        }
        return path;
    }

    /** The launcher script's process and the server it started, for a run that must find them again. */
    public List<Long> pids() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(ProcessHandle::pid).toList();
    }

    /**
     * Freezes the server ({@code SIGSTOP}) until the returned handle is closed ({@code SIGCONT}): it
     * keeps its connections open and answers nothing, as a server that hangs does.
     */
    public AutoCloseable frozen() {
        List<String> pids = pids().stream().map(String::valueOf).toList();
        signal("-STOP", pids);
        return () -> signal("-CONT", pids);
    }

    private static void signal(String signal, List<String> pids) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        command.addAll(pids);
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling Keycloak", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    private void awaitRealm(Duration timeout, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start; see " + log.toAbsolutePath());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not serve the realm within " + timeout + "; see " + log.toAbsolutePath());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
