package vn.baovetreem.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.baovetreem.testing.Api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.baovetreem.testing.ImportJobs.finished;
import static vn.baovetreem.testing.ImportJobs.start;

/**
 * Every file the contract gives as an example of {@code POST /imports} is taken as it is written
 * (its headers, short forms included) and read whole; the children's example, whose villages are
 * the demo's, passes its dry run.
 */
@QuarkusTest
class ContractImportExamplesTest {

    private static final Pattern QUERY = Pattern.compile("(kind=\\w+(&\\w+=\\w+)*)");

    @TestFactory
    Stream<DynamicTest> everyExampleFileOfTheContractIsReadAsDocumented() {
        OpenAPI contract = new OpenAPIV3Parser().read(Api.CONTRACT);
        Map<String, MediaType> content = contract.getPaths().get("/imports").getPost().getRequestBody().getContent();
        List<DynamicTest> tests = new ArrayList<>();
        content.forEach((type, media) -> (media.getExamples() == null ? Map.<String, Example>of() : media.getExamples()).forEach((name, example) -> tests.add(DynamicTest.dynamicTest(
                type + " " + name, () -> {
                    Matcher given = QUERY.matcher(String.valueOf(example.getSummary()));
                    String query = (given.find() ? given.group(1) : "kind=children") + "&dryRun=true";
                    String file = String.valueOf(example.getValue());
                    long rows = file.lines().filter(l -> !l.isBlank()).count() - (type.equals("text/csv") ? 1 : 0);
                    JsonPath job = finished("cp-importer", start("cp-importer", query, type, file.getBytes(StandardCharsets.UTF_8)));
                    assertThat(job.getInt("progress.rowsRead")).as(job.getString("message")).isEqualTo((int) rows);
                    if (query.startsWith("kind=children")) {
                        assertThat(job.getString("status")).as(job.getString("message")).isEqualTo("SUCCEEDED");
                    }
                }))));
        return tests.stream();
    }
}
