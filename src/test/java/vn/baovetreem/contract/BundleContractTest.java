package vn.baovetreem.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.baovetreem.testing.Api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's parts in {@code openapi/} and {@code scripts/contract/BundleContract.java}, which
 * the build runs before anything reads the contract: the bundle is made of its parts alone, and a
 * part in the wrong place fails the build.
 */
class BundleContractTest {

    @TempDir
    Path dir;

    @Test
    void theBundleTheServiceServesIsThePartsOfOpenapiAsTheyAreNow() throws Exception {
        Path bundle = dir.resolve("openapi.yaml");
        assertThat(bundle(Path.of("openapi"), bundle).exitCode()).isZero();
        assertThat(Files.readString(bundle)).isEqualTo(Files.readString(Path.of(Api.CONTRACT)));
    }

    @Test
    void thePartsAreIndentedIntoPlaceInTheOrderOfTheirNumbers() throws Exception {
        write("root.yaml", "openapi: 3.1.0\ntags:\n  - name: a\n  - name: b\n");
        write("paths/2-a.yaml", "/a:\n  get:\n    tags: [a]\n\n    description: |\n      x\n");
        write("paths/1-b.yaml", "/b: {}\n");
        write("components/1-schemas.yaml", "S:\n  type: object\n");

        Result result = bundle(dir, dir.resolve("out.yaml"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readString(dir.resolve("out.yaml"))).isEqualTo("""
                openapi: 3.1.0
                tags:
                  - name: a
                  - name: b
                paths:
                  /b: {}
                  /a:
                    get:
                      tags: [a]

                      description: |
                        x
                components:
                  schemas:
                    S:
                      type: object
                """);
    }

    @Test
    void anOperationInTheFileOfAnotherTagOrAPartForAnUndeclaredTagFails() throws Exception {
        write("root.yaml", "tags:\n  - name: a\n");
        write("components/1-schemas.yaml", "S: {}\n");
        write("paths/1-a.yaml", "/a:\n  get:\n    tags: [b]\n");
        assertThat(bundle(dir, dir.resolve("out.yaml")).output()).contains("an operation tagged [b] in the file of a");

        Files.delete(dir.resolve("paths/1-a.yaml"));
        write("paths/1-c.yaml", "/c: {}\n");
        assertThat(bundle(dir, dir.resolve("out.yaml")).output()).contains("no tag c in root.yaml");
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs the bundler as the build does: the source file on this JDK. */
    private static Result bundle(Path parts, Path out) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "scripts/contract/BundleContract.java", parts.toString(), out.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
