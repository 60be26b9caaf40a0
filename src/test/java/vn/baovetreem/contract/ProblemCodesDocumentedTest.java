package vn.baovetreem.contract;

import org.junit.jupiter.api.Test;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.testing.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem codes of {@link ProblemCode}, the only codes the service answers (every
 * {@code ApiException} and error mapper takes one), against the contract, where a client developer
 * looks for them, and against the code: each is named in the contract, and each is answered
 * somewhere, so the list holds no code the service never sends.
 */
class ProblemCodesDocumentedTest {

    private static final Path MAIN = Path.of("src/main/java/vn/baovetreem");

    @Test
    void everyProblemCodeIsInTheContract() throws IOException {
        String contract = Files.readString(Path.of(Api.CONTRACT));
        assertThat(ProblemCode.values()).hasSizeGreaterThan(70)
                .allSatisfy(code -> assertThat(contract).as("the contract names %s", code).containsPattern("\\b" + code + "\\b"));
    }

    @Test
    void everyProblemCodeIsAnsweredSomewhere() throws IOException {
        String sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("ProblemCode.java"))
                    .map(ProblemCodesDocumentedTest::read).collect(Collectors.joining("\n"));
        }
        assertThat(ProblemCode.values())
                .allSatisfy(code -> assertThat(sources).as("some code answers %s", code).contains("ProblemCode." + code.name()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
