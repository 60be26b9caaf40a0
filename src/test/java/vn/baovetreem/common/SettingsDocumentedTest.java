package vn.baovetreem.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting an operator can give (a {@code CP_…} variable, a {@code cp.…} property) is in the
 * README's settings table, so that none is found only by reading {@code application.properties}.
 */
class SettingsDocumentedTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(CP_[A-Z0-9_]+)");
    private static final Pattern PROPERTY = Pattern.compile("^(cp\\.[a-z0-9.-]+)=");

    @Test
    void everySettingIsInTheReadmeTable() throws IOException {
        Set<String> settings = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            Matcher variable = VARIABLE.matcher(line);
            while (variable.find()) {
                settings.add(variable.group(1));
            }
            Matcher property = PROPERTY.matcher(line);
            if (property.find()) {
                settings.add(property.group(1));
            }
        }
        String table = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.startsWith("| `"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(settings).isNotEmpty().allSatisfy(setting -> assertThat(table).contains("`" + setting + "`"));
    }
}
