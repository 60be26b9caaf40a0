package vn.baovetreem.contract;

import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem code the service can answer is named in the contract, where a client developer
 * looks for it: the codes an {@code ApiException} is made with anywhere, and every code the error
 * mappers and HTTP filters write.
 */
class ProblemCodesDocumentedTest {

    private static final Pattern THROWN = Pattern.compile("(?:Forbidden|Conflict|BadRequest|NotFound|Unprocessable|Precondition"
            + "Failed|PreconditionRequired|TooManyRequests|ServiceUnavailable|Gone|FailedDependency)(?:\\.field)?\\(\\s*\"([A-Z][A-Z0-9_]+)\"");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    private static final Path MAIN = Path.of("src/main/java/vn/baovetreem");

    @Test
    void everyProblemCodeTheServiceAnswersIsInTheContract() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                collect(THROWN.matcher(source), codes);
                if (file.startsWith(MAIN.resolve("common/error")) || file.startsWith(MAIN.resolve("common/http"))
                        || file.startsWith(MAIN.resolve("security"))) {
                    collect(CODE.matcher(source), codes);
                }
            }
        }
        String contract = Files.readString(Path.of(Api.CONTRACT));
        assertThat(codes).hasSizeGreaterThan(40)
                .allSatisfy(code -> assertThat(contract).as("the contract names %s", code).containsPattern("\\b" + code + "\\b"));
    }

    private static void collect(Matcher matcher, Set<String> codes) {
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
    }
}
